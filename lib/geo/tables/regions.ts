/**
 * First-level regions of other countries whose names appear in HQ strings, in the local and the
 * English form: German Länder, French régions (2016), Spanish autonomous communities, Italian
 * regions, Dutch and Belgian provinces, Swiss cantons, Austrian Länder, and a few large Indian,
 * Chinese and other states whose English names the city data does not carry. Each row:
 * [country, name, ...other names]. (Older or local province names come from the city data.)
 */
export type RegionRow = readonly [country: string, name: string, ...aliases: string[]];

export const REGIONS: readonly RegionRow[] = [
  ["DE", "Baden-Württemberg"], ["DE", "Bayern", "Bavaria", "Freistaat Bayern"], ["DE", "Brandenburg"], ["DE", "Hessen", "Hesse"],
  ["DE", "Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania"], ["DE", "Niedersachsen", "Lower Saxony"],
  ["DE", "Nordrhein-Westfalen", "North Rhine-Westphalia", "NRW"], ["DE", "Rheinland-Pfalz", "Rhineland-Palatinate"], ["DE", "Saarland"],
  ["DE", "Sachsen", "Saxony", "Freistaat Sachsen"], ["DE", "Sachsen-Anhalt", "Saxony-Anhalt"], ["DE", "Schleswig-Holstein"], ["DE", "Thüringen", "Thuringia"],

  ["FR", "Auvergne-Rhône-Alpes"], ["FR", "Bourgogne-Franche-Comté"], ["FR", "Bretagne", "Brittany"], ["FR", "Centre-Val de Loire"],
  ["FR", "Corse", "Corsica"], ["FR", "Grand Est"], ["FR", "Hauts-de-France"], ["FR", "Île-de-France", "Paris Region"],
  ["FR", "Normandie", "Normandy"], ["FR", "Nouvelle-Aquitaine"], ["FR", "Occitanie", "Occitania"], ["FR", "Pays de la Loire"],
  ["FR", "Provence-Alpes-Côte d'Azur", "PACA", "Côte d'Azur", "French Riviera", "Provence"],

  ["ES", "Cataluña", "Catalunya", "Catalonia"], ["ES", "Andalucía", "Andalusia"], ["ES", "País Vasco", "Euskadi", "Basque Country"],
  ["ES", "Comunidad de Madrid", "Community of Madrid"], ["ES", "Comunitat Valenciana", "Comunidad Valenciana", "Valencian Community"],
  ["ES", "Galicia"], ["ES", "Aragón"], ["ES", "Asturias"], ["ES", "Islas Baleares", "Illes Balears", "Balearic Islands"],
  ["ES", "Islas Canarias", "Canarias", "Canary Islands"], ["ES", "Cantabria"], ["ES", "Castilla y León", "Castile and León"],
  ["ES", "Castilla-La Mancha"], ["ES", "Extremadura"], ["ES", "Región de Murcia"], ["ES", "Navarra", "Navarre"], ["ES", "La Rioja"],

  ["IT", "Lombardia", "Lombardy"], ["IT", "Lazio"], ["IT", "Piemonte", "Piedmont"], ["IT", "Veneto"], ["IT", "Emilia-Romagna"],
  ["IT", "Toscana", "Tuscany"], ["IT", "Campania"], ["IT", "Sicilia", "Sicily"], ["IT", "Sardegna", "Sardinia"], ["IT", "Liguria"],
  ["IT", "Puglia", "Apulia"], ["IT", "Calabria"], ["IT", "Marche"], ["IT", "Abruzzo"], ["IT", "Friuli-Venezia Giulia"],
  ["IT", "Trentino-Alto Adige", "Trentino", "South Tyrol", "Südtirol"], ["IT", "Umbria"], ["IT", "Basilicata"], ["IT", "Molise"],
  ["IT", "Valle d'Aosta", "Aosta Valley"],

  ["NL", "Noord-Holland", "North Holland"], ["NL", "Zuid-Holland", "South Holland"], ["NL", "Noord-Brabant", "North Brabant"],
  ["NL", "Gelderland"], ["NL", "Overijssel"], ["NL", "Groningen"], ["NL", "Friesland", "Fryslân"], ["NL", "Drenthe"], ["NL", "Flevoland"],
  ["NL", "Zeeland"], ["NL", "Randstad"],

  ["BE", "Vlaanderen", "Flanders", "Flemish Region"], ["BE", "Wallonie", "Wallonia", "Walloon Region"],
  ["BE", "Brussels-Capital Region", "Région de Bruxelles-Capitale", "Brussels Capital Region"], ["BE", "Oost-Vlaanderen", "East Flanders"],
  ["BE", "West-Vlaanderen", "West Flanders"], ["BE", "Vlaams-Brabant", "Flemish Brabant"], ["BE", "Brabant wallon", "Walloon Brabant"],
  ["BE", "Hainaut"], ["BE", "Namur"],

  ["CH", "Zürich", "Canton of Zurich"], ["CH", "Bern", "Berne"], ["CH", "Luzern", "Lucerne"], ["CH", "Uri"], ["CH", "Schwyz"],
  ["CH", "Obwalden"], ["CH", "Nidwalden"], ["CH", "Glarus"], ["CH", "Zug"], ["CH", "Fribourg", "Freiburg im Üechtland"],
  ["CH", "Solothurn"], ["CH", "Basel-Stadt"], ["CH", "Basel-Landschaft"], ["CH", "Schaffhausen"], ["CH", "Appenzell"],
  ["CH", "St. Gallen", "Sankt Gallen"], ["CH", "Graubünden", "Grisons"], ["CH", "Aargau"], ["CH", "Thurgau"], ["CH", "Ticino", "Tessin"],
  ["CH", "Vaud", "Waadt"], ["CH", "Valais", "Wallis"], ["CH", "Neuchâtel"], ["CH", "Genève", "Geneva", "Genf"],

  ["AT", "Wien", "Vienna"], ["AT", "Niederösterreich", "Lower Austria"], ["AT", "Oberösterreich", "Upper Austria"],
  ["AT", "Steiermark", "Styria"], ["AT", "Tirol", "Tyrol"], ["AT", "Kärnten", "Carinthia"], ["AT", "Salzburg"], ["AT", "Vorarlberg"], ["AT", "Burgenland"],

  ["IN", "Karnataka"], ["IN", "Maharashtra"], ["IN", "Telangana"], ["IN", "Tamil Nadu"], ["IN", "Delhi NCR", "NCR", "National Capital Region"],
  ["IN", "Haryana"], ["IN", "Uttar Pradesh"], ["IN", "Gujarat"], ["IN", "West Bengal"], ["IN", "Kerala"], ["IN", "Odisha"],
  ["IN", "Uttarakhand"], ["IN", "Andhra Pradesh"], ["IN", "Rajasthan"],

  ["CN", "Guangdong"], ["CN", "Zhejiang"], ["CN", "Jiangsu"], ["CN", "Shanghai"], ["CN", "Beijing"], ["CN", "Sichuan"],
  ["JP", "Kanto"], ["JP", "Kansai"],
  ["SE", "Skåne", "Scania"], ["SE", "Västra Götaland"], ["DK", "Hovedstaden", "Capital Region of Denmark"], ["DK", "Midtjylland"],
  ["NO", "Viken"], ["FI", "Uusimaa"], ["PL", "Mazowieckie", "Masovia", "Masovian Voivodeship"], ["PL", "Małopolskie", "Lesser Poland"],
  ["PT", "Área Metropolitana de Lisboa"], ["IL", "Gush Dan"], ["AE", "Emirate of Dubai"],
  ["ZA", "Gauteng"], ["ZA", "Western Cape"], ["ZA", "KwaZulu-Natal"],
  ["BR", "São Paulo", "Estado de São Paulo"], ["BR", "Rio de Janeiro"], ["BR", "Minas Gerais"], ["BR", "Santa Catarina"],
  ["MX", "Ciudad de México", "CDMX"], ["MX", "Jalisco"], ["MX", "Nuevo León"],
];
