/**
 * Labelled company HQ strings, as LinkedIn and CRM imports write them, with the country a person
 * would name (ISO 3166-1 alpha-2) or null where none can be named. Labelled by hand from what
 * the places are, not from any resolver's output. `group` sorts them for the report:
 * `seed` — the seed classifier's own examples; `tricky` — namesakes, codes that are also
 * countries, endonyms; `null` — strings that name no place (remote, global, regions of several
 * countries, industries, blanks): a country for any of them is a wrong answer; `ambiguous` —
 * real places several countries share, where null is the honest answer.
 *
 * Decisions written down here (and in lib/geo/resolve.ts):
 * - "Georgia" alone is null: both a US state (the seed: states imply US) and a country.
 * - "Toronto, CA" is CA: a code after a known city is read in that city's country; "Smallville, DE"
 *   (a town the tables do not know) is US by the "City, ST" convention, at low confidence.
 * - "Remote, US" is US: the remark "Remote" is set aside and US remains; "Remote (US)" is null,
 *   because parenthetical remarks are stripped before deciding (the seed's rule).
 * - "Puerto Rico" is PR, its own ISO 3166-1 code.
 */
export type Labelled = { hq: string; country: string | null; group: "seed" | "tricky" | "plain" | "null" | "ambiguous" };

const rows = (group: Labelled["group"], list: readonly (readonly [string, string | null])[]): Labelled[] => list.map(([hq, country]) => ({ hq, country, group }));

export const HQ_STRINGS: readonly Labelled[] = [
  ...rows("seed", [
    ["San Francisco, California", "US"], ["San Francisco, California, United States", "US"], ["Berlin, Berlin, Germany", "DE"],
    ["Cambridge, MA (remote-friendly)", "US"], ["Karlsruhe, Baden-Württemberg", "DE"], ["Courbevoie, Île-de-France", "FR"],
    ["London, England", "GB"], ["Cork, Munster", "IE"], ["Remote (global)", null], ["Technology, Information and Internet", null],
    ["Deutschland", "DE"], ["España", "ES"], ["Italia", "IT"],
  ]),
  ...rows("tricky", [
    ["Paris, TX", "US"], ["Paris, Texas", "US"], ["Paris", "FR"], ["Cambridge, MA", "US"], ["Cambridge, UK", "GB"], ["Cambridge, England", "GB"],
    ["Atlanta, Georgia", "US"], ["Tbilisi, Georgia", "GE"], ["Georgia, United States", "US"], ["San José, Costa Rica", "CR"], ["San Jose, CA", "US"],
    ["München", "DE"], ["Muenchen, Bayern", "DE"], ["Zürich", "CH"], ["Zurich, Switzerland", "CH"], ["Bengaluru", "IN"], ["Bangalore, Karnataka", "IN"],
    ["HQ: London (UK)", "GB"], ["New York City", "US"], ["NYC", "US"], ["SF Bay Area", "US"], ["Sydney NSW", "AU"], ["São Paulo", "BR"],
    ["Sao Paulo, SP, Brazil", "BR"], ["Toronto, CA", "CA"], ["Berlin, DE", "DE"], ["Wilmington, DE", "US"], ["Dover, Delaware", "US"],
    ["Indianapolis, IN", "US"], ["Portland, ME", "US"], ["Portland, OR", "US"], ["Eugene, OR", "US"], ["Perth, WA", "AU"], ["Perth, Scotland", "GB"],
    ["Seattle, WA", "US"], ["Spokane, WA", "US"], ["Adelaide, SA", "AU"], ["London, Ontario", "CA"], ["London, ON", "CA"], ["London, KY", "US"],
    ["Birmingham, AL", "US"], ["Birmingham, West Midlands", "GB"], ["Manchester, NH", "US"], ["Manchester", "GB"], ["Vancouver, BC", "CA"],
    ["Vancouver, WA", "US"], ["Victoria, BC", "CA"], ["Melbourne, VIC", "AU"], ["Melbourne, FL", "US"], ["Valencia, Spain", "ES"],
    ["Valencia, Venezuela", "VE"], ["Córdoba, Argentina", "AR"], ["Santiago, Chile", "CL"], ["Hyderabad, Telangana", "IN"], ["Hyderabad, Pakistan", "PK"],
    ["Münster", "DE"], ["Kingston, Jamaica", "JM"], ["Kingston, Ontario", "CA"], ["St. John's, NL", "CA"], ["Amsterdam, NL", "NL"],
    ["Washington, D.C.", "US"], ["Washington DC", "US"], ["Washington", "US"], ["St. Louis, MO", "US"], ["Macau", "MO"],
    ["Los Angeles, CA", "US"], ["LA, California", "US"], ["Austin TX 78701", "US"], ["New York, NY 10001", "US"], ["Remote, US", "US"],
    ["Remote (US)", null], ["Berlin (HQ)", "DE"], ["Frankfurt am Main", "DE"], ["Köln", "DE"], ["Wien", "AT"], ["Praha, Česko", "CZ"],
    ["Schweiz", "CH"], ["Suisse", "CH"], ["Svizzera", "CH"], ["Nederland", "NL"], ["Österreich", "AT"], ["Polska", "PL"], ["Brasil", "BR"],
    ["México", "MX"], ["Türkiye", "TR"], ["Turkey", "TR"], ["日本", "JP"], ["Nippon", "JP"], ["Sverige", "SE"], ["Norge", "NO"], ["Danmark", "DK"],
    ["Suomi", "FI"], ["Magyarország", "HU"], ["Hrvatska", "HR"], ["România", "RO"], ["Éire", "IE"], ["Holland", "NL"], ["UK", "GB"], ["U.S.A.", "US"],
    ["Puerto Rico", "PR"], ["San Juan, Puerto Rico", "PR"], ["Hong Kong SAR", "HK"], ["Taipei, Taiwan", "TW"], ["Москва, Россия", "RU"],
  ]),
  ...rows("plain", [
    ["Austin, TX", "US"], ["Austin, Texas, United States", "US"], ["Boston, MA", "US"], ["Chicago, IL", "US"], ["Denver, Colorado", "US"],
    ["Miami, FL", "US"], ["Palo Alto, CA", "US"], ["Mountain View, California", "US"], ["Redmond, Washington", "US"], ["Menlo Park, CA", "US"],
    ["Boulder, CO", "US"], ["Salt Lake City, Utah", "US"], ["Nashville, TN", "US"], ["Raleigh, NC", "US"], ["Pittsburgh, PA", "US"],
    ["Minneapolis, Minnesota", "US"], ["Detroit, MI", "US"], ["Phoenix, AZ", "US"], ["Columbus, Ohio", "US"], ["Jersey City, NJ", "US"],
    ["Brooklyn, NY", "US"], ["Greater Boston Area", "US"], ["Dallas-Fort Worth Metroplex", "US"], ["Silicon Valley", "US"], ["New Jersey", "US"],
    ["Texas", "US"], ["California, USA", "US"], ["Armonk, New York", "US"],
    ["London", "GB"], ["Greater London Area", "GB"], ["Edinburgh, Scotland", "GB"], ["Glasgow, Scotland, United Kingdom", "GB"], ["Cardiff, Wales", "GB"],
    ["Belfast, Northern Ireland", "GB"], ["Bristol, England, United Kingdom", "GB"], ["Leeds, West Yorkshire", "GB"], ["Reading, Berkshire", "GB"],
    ["Oxford, Oxfordshire, UK", "GB"], ["Milton Keynes", "GB"], ["Guildford, Surrey", "GB"], ["Scotland", "GB"], ["Wales", "GB"],
    ["Dublin, Ireland", "IE"], ["Dublin 2, County Dublin", "IE"], ["Galway, Ireland", "IE"], ["Limerick", "IE"],
    ["Paris, Île-de-France, France", "FR"], ["Lyon, France", "FR"], ["Toulouse, Occitanie", "FR"], ["Nice, Provence-Alpes-Côte d'Azur", "FR"],
    ["Sophia Antipolis, France", "FR"], ["Bordeaux", "FR"],
    ["Munich, Bavaria, Germany", "DE"], ["Hamburg", "DE"], ["Frankfurt, Hesse", "DE"], ["Düsseldorf, Nordrhein-Westfalen", "DE"], ["Stuttgart, Germany", "DE"],
    ["Walldorf, Baden-Württemberg, Germany", "DE"], ["Leipzig", "DE"], ["Dresden, Sachsen", "DE"], ["Nürnberg", "DE"],
    ["Amsterdam, North Holland, Netherlands", "NL"], ["Rotterdam", "NL"], ["Eindhoven, Noord-Brabant", "NL"], ["Delft", "NL"], ["Utrecht, Netherlands", "NL"],
    ["Brussels, Belgium", "BE"], ["Antwerpen", "BE"], ["Ghent, Flanders", "BE"], ["Luxembourg", "LU"],
    ["Madrid, Spain", "ES"], ["Barcelona, Catalonia", "ES"], ["Barcelona, Cataluña, España", "ES"], ["Sevilla", "ES"], ["Bilbao, País Vasco", "ES"],
    ["Lisbon, Portugal", "PT"], ["Lisboa", "PT"], ["Porto", "PT"], ["Milan, Lombardy, Italy", "IT"], ["Milano", "IT"], ["Roma, Lazio", "IT"], ["Turin, Italy", "IT"],
    ["Geneva, Switzerland", "CH"], ["Genève", "CH"], ["Basel", "CH"], ["Lausanne, Vaud", "CH"], ["Zug", "CH"],
    ["Vienna, Austria", "AT"], ["Graz", "AT"], ["Stockholm, Sweden", "SE"], ["Göteborg", "SE"], ["Gothenburg, Sweden", "SE"], ["Malmö", "SE"],
    ["Copenhagen, Denmark", "DK"], ["København", "DK"], ["Aarhus", "DK"], ["Oslo, Norway", "NO"], ["Bergen, Norway", "NO"], ["Helsinki, Finland", "FI"],
    ["Espoo", "FI"], ["Reykjavík, Iceland", "IS"], ["Tallinn, Estonia", "EE"], ["Riga, Latvia", "LV"], ["Vilnius", "LT"],
    ["Warsaw, Poland", "PL"], ["Warszawa", "PL"], ["Kraków, Poland", "PL"], ["Wrocław", "PL"], ["Prague, Czech Republic", "CZ"], ["Brno", "CZ"],
    ["Bratislava, Slovakia", "SK"], ["Budapest, Hungary", "HU"], ["Bucharest, Romania", "RO"], ["Cluj-Napoca", "RO"], ["Sofia, Bulgaria", "BG"],
    ["Athens, Greece", "GR"], ["Belgrade, Serbia", "RS"], ["Zagreb, Croatia", "HR"], ["Ljubljana", "SI"], ["Kyiv, Ukraine", "UA"], ["Lviv", "UA"],
    ["Istanbul, Türkiye", "TR"], ["Istanbul", "TR"], ["Tel Aviv, Israel", "IL"], ["Herzliya", "IL"], ["Dubai, United Arab Emirates", "AE"], ["Abu Dhabi, UAE", "AE"],
    ["Riyadh, Saudi Arabia", "SA"], ["Doha, Qatar", "QA"], ["Cairo, Egypt", "EG"], ["Lagos, Nigeria", "NG"], ["Nairobi, Kenya", "KE"],
    ["Cape Town, Western Cape", "ZA"], ["Johannesburg, Gauteng, South Africa", "ZA"], ["Casablanca, Morocco", "MA"], ["Accra, Ghana", "GH"], ["Kigali, Rwanda", "RW"],
    ["Mumbai, Maharashtra, India", "IN"], ["New Delhi", "IN"], ["Gurgaon, Haryana", "IN"], ["Noida", "IN"], ["Pune", "IN"], ["Chennai, Tamil Nadu", "IN"],
    ["Karachi, Pakistan", "PK"], ["Dhaka, Bangladesh", "BD"], ["Colombo", "LK"], ["Singapore", "SG"], ["Kuala Lumpur, Malaysia", "MY"],
    ["Jakarta, Indonesia", "ID"], ["Bangkok, Thailand", "TH"], ["Ho Chi Minh City, Vietnam", "VN"], ["Hanoi", "VN"], ["Manila, Philippines", "PH"],
    ["Tokyo, Japan", "JP"], ["Osaka", "JP"], ["Seoul, South Korea", "KR"], ["Beijing, China", "CN"], ["Shanghai", "CN"], ["Shenzhen, Guangdong", "CN"],
    ["Hong Kong", "HK"], ["Taipei", "TW"], ["Sydney, New South Wales, Australia", "AU"], ["Melbourne, Victoria", "AU"], ["Brisbane, QLD", "AU"],
    ["Canberra, ACT", "AU"], ["Auckland, New Zealand", "NZ"], ["Wellington", "NZ"],
    ["Toronto, Ontario", "CA"], ["Montréal, Québec", "CA"], ["Montreal, QC", "CA"], ["Calgary, Alberta", "CA"], ["Ottawa", "CA"], ["Waterloo, Ontario", "CA"],
    ["Halifax, Nova Scotia", "CA"], ["Mexico City", "MX"], ["Ciudad de México", "MX"], ["Guadalajara, Jalisco", "MX"], ["Monterrey, Nuevo León, México", "MX"],
    ["Bogotá, Colombia", "CO"], ["Medellín", "CO"], ["Lima, Peru", "PE"], ["Buenos Aires, Argentina", "AR"], ["Santiago de Chile", "CL"],
    ["Montevideo, Uruguay", "UY"], ["Rio de Janeiro, Brazil", "BR"], ["Florianópolis, Santa Catarina", "BR"], ["Belo Horizonte", "BR"],
  ]),
  ...rows("null", [
    ["Remote", null], ["remote-first", null], ["Remote first", null], ["Fully remote", null], ["100% Remote", null], ["Global", null], ["Worldwide", null],
    ["Anywhere", null], ["Distributed team", null], ["EMEA", null], ["APAC", null], ["LATAM", null], ["DACH", null], ["Europe", null], ["North America", null],
    ["Nordics", null], ["Benelux", null], ["Middle East", null], ["Asia Pacific", null], ["Remote (EMEA)", null], ["Global (remote-friendly)", null],
    ["Fintech", null], ["Software Development", null], ["IT Services and IT Consulting", null], ["Financial Services", null], ["Computer Software", null],
    ["Hospitals and Health Care", null], ["Marketing & Advertising", null], ["Venture Capital and Private Equity Principals", null], ["Mobile Games", null],
    ["N/A", null], ["NA", null], ["none", null], ["Unknown", null], ["TBD", null], ["-", null], ["", null], ["   ", null], ["()", null], ["Stealth mode", null],
  ]),
  ...rows("ambiguous", [
    ["Georgia", null], ["Cambridge", null], ["CA", null], ["DE", null], ["San Jose", null], ["Santiago", null], ["Valencia", null],
  ]),
];
