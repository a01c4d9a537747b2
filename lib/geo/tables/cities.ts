/**
 * What the generated city table (lib/geo/generated/cities.json, from world city data) lacks: the
 * business towns under its population cut or missing from it, and the other names people write
 * for big cities — endonyms, old names, nicknames. Populations are the latest census or
 * municipal figures, rounded; they only weigh one namesake against another.
 */

/** [name, country, population] of towns where companies keep their headquarters. */
export const HUB_CITIES: readonly (readonly [string, string, number])[] = [
  ["Palo Alto", "US", 68_000], ["Mountain View", "US", 82_000], ["Menlo Park", "US", 33_000], ["Cupertino", "US", 60_000],
  ["Sunnyvale", "US", 155_000], ["Santa Clara", "US", 127_000], ["Redwood City", "US", 84_000], ["San Mateo", "US", 105_000],
  ["Redmond", "US", 73_000], ["Bellevue", "US", 150_000], ["Cambridge", "US", 118_000], ["Armonk", "US", 4_000],
  ["Jersey City", "US", 290_000], ["Hoboken", "US", 60_000], ["Brooklyn", "US", 2_600_000], ["Manhattan", "US", 1_600_000],
  ["Boulder", "US", 105_000], ["Lehi", "US", 75_000], ["Plano", "US", 285_000], ["Irvine", "US", 310_000], ["Santa Monica", "US", 93_000],
  ["Walldorf", "DE", 15_000], ["Herzogenaurach", "DE", 24_000], ["Espoo", "FI", 300_000], ["Delft", "NL", 104_000],
  ["Herzliya", "IL", 100_000], ["Tel Aviv", "IL", 470_000], ["Antwerp", "BE", 530_000], ["Ghent", "BE", 265_000],
  ["Noida", "IN", 640_000], ["Kitchener", "CA", 256_000], ["Waterloo", "CA", 121_000], ["Montreal", "CA", 1_760_000],
  ["Courbevoie", "FR", 82_000], ["Puteaux", "FR", 45_000], ["Boulogne-Billancourt", "FR", 120_000], ["Issy-les-Moulineaux", "FR", 68_000],
  ["Levallois-Perret", "FR", 66_000], ["Neuilly-sur-Seine", "FR", 60_000], ["Sophia Antipolis", "FR", 10_000],
  ["Lviv", "UA", 720_000], ["Tartu", "EE", 95_000], ["Limassol", "CY", 180_000], ["Baar", "CH", 24_000], ["Lausanne", "CH", 140_000],
  ["Cork", "IE", 225_000], ["Galway", "IE", 84_000], ["Reading", "GB", 175_000], ["Milton Keynes", "GB", 290_000], ["Slough", "GB", 165_000],
  ["Bracknell", "GB", 85_000], ["Guildford", "GB", 80_000], ["Canary Wharf", "GB", 100_000], ["Hsinchu", "TW", 450_000],
  ["Gurugram", "IN", 1_150_000], ["Saint Petersburg", "RU", 5_400_000], ["Nuremberg", "DE", 520_000],
  ["Fort Worth", "US", 960_000], ["Anaheim", "US", 345_000], ["Scottsdale", "US", 245_000], ["Bochum", "DE", 365_000],
  ["Aachen", "DE", 250_000], ["Darmstadt", "DE", 160_000], ["Pangyo", "KR", 100_000], ["Penang", "MY", 720_000], ["Makati", "PH", 630_000],
  ["Andorra la Vella", "AD", 22_000],
];

/** [other name, the city's name in the table, country]: the resolver gives the other name the city's weight. */
export const CITY_ALIASES: readonly (readonly [string, string, string])[] = [
  ["NYC", "New York", "US"], ["New York City", "New York", "US"], ["NY City", "New York", "US"], ["Big Apple", "New York", "US"],
  ["SF", "San Francisco", "US"], ["San Fran", "San Francisco", "US"], ["SF Bay Area", "San Francisco", "US"],
  ["Bay Area", "San Francisco", "US"], ["San Francisco Bay Area", "San Francisco", "US"], ["Silicon Valley", "San Jose", "US"],
  ["Philly", "Philadelphia", "US"], ["Washington DC", "Washington, D.C.", "US"], ["DC Metro", "Washington, D.C.", "US"],
  ["Saint Louis", "St. Louis", "US"], ["Vegas", "Las Vegas", "US"],
  ["München", "Munich", "DE"], ["Muenchen", "Munich", "DE"], ["Köln", "Cologne", "DE"], ["Koeln", "Cologne", "DE"],
  ["Frankfurt am Main", "Frankfurt", "DE"], ["Nürnberg", "Nuremberg", "DE"], ["Hanover", "Hannover", "DE"],
  ["Duesseldorf", "Düsseldorf", "DE"], ["Wien", "Vienna", "AT"], ["Praha", "Prague", "CZ"], ["Roma", "Rome", "IT"],
  ["Milano", "Milan", "IT"], ["Torino", "Turin", "IT"], ["Napoli", "Naples", "IT"], ["Firenze", "Florence", "IT"],
  ["Venezia", "Venice", "IT"], ["Genova", "Genoa", "IT"], ["Lisboa", "Lisbon", "PT"], ["Warszawa", "Warsaw", "PL"],
  ["Cracow", "Kraków", "PL"], ["Moskva", "Moscow", "RU"], ["St Petersburg", "Saint Petersburg", "RU"], ["Kiev", "Kyiv", "UA"],
  ["København", "Copenhagen", "DK"], ["Gothenburg", "Göteborg", "SE"], ["Kista", "Stockholm", "SE"],
  ["Den Haag", "The Hague", "NL"], ["'s-Gravenhage", "The Hague", "NL"], ["Bruxelles", "Brussels", "BE"], ["Brussel", "Brussels", "BE"],
  ["Antwerpen", "Antwerp", "BE"], ["Anvers", "Antwerp", "BE"], ["Gent", "Ghent", "BE"], ["Genève", "Geneva", "CH"], ["Genf", "Geneva", "CH"],
  ["Zurich", "Zürich", "CH"], ["Athina", "Athens", "GR"], ["Beograd", "Belgrade", "RS"], ["București", "Bucharest", "RO"],
  ["Sevilla", "Seville", "ES"], ["Bengaluru", "Bengaluru", "IN"], ["Bangalore", "Bengaluru", "IN"], ["Bombay", "Mumbai", "IN"],
  ["Madras", "Chennai", "IN"], ["Calcutta", "Kolkata", "IN"], ["Gurgaon", "Gurugram", "IN"], ["New Delhi", "Delhi", "IN"],
  ["Peking", "Beijing", "CN"], ["Saigon", "Ho Chi Minh City", "VN"], ["HCMC", "Ho Chi Minh City", "VN"],
  ["Tel Aviv-Yafo", "Tel Aviv", "IL"], ["Tel-Aviv", "Tel Aviv", "IL"], ["CDMX", "Mexico City", "MX"], ["Ciudad de México", "Mexico City", "MX"],
  ["Montréal", "Montreal", "CA"], ["Quebec City", "Québec", "CA"], ["Bogotá", "Bogota", "CO"], ["KL", "Kuala Lumpur", "MY"],
  ["Joburg", "Johannesburg", "ZA"], ["Jozi", "Johannesburg", "ZA"], ["Capetown", "Cape Town", "ZA"], ["Hongkong", "Hong Kong", "HK"],
  ["Newcastle upon Tyne", "Newcastle", "GB"], ["Kuwait City", "Kuwait", "KW"], ["Odesa", "Odessa", "UA"], ["City of London", "London", "GB"], ["Londres", "London", "GB"], ["Londra", "London", "GB"],
];
