/**
 * Words that are not places. The seed's rule: Remote, Worldwide, Global, industry strings and
 * empty input give null. Regions spanning many countries (EMEA, DACH, North America) give null
 * too: no single country can be named.
 */

/** A whole HQ string that means "nothing given" (checked before any splitting, so "N/A" is not N and A, nor "NA" Namibia). */
export const BLANK_STRINGS: ReadonlySet<string> = new Set([
  "n/a", "n.a.", "n.a", "na", "none", "null", "nil", "unknown", "tbd", "tba", "-", "--", "---", "—", "?", "??", ".", "...",
  "not specified", "not applicable", "not available", "confidential", "undisclosed", "stealth", "stealth mode", "various", "other",
]);

/** Phrases that name no place: remote and global work, and regions made of several countries. */
export const NON_PLACES: readonly string[] = [
  "remote", "remote first", "remote-first", "remote friendly", "fully remote", "remote only", "100% remote", "remote company",
  "remote team", "remote global", "global remote", "remote worldwide", "distributed", "fully distributed", "distributed team",
  "global", "globally", "worldwide", "world wide", "international", "anywhere", "everywhere", "online", "virtual", "hybrid",
  "work from home", "wfh", "home based", "home office", "earth", "planet earth", "the internet", "internet", "cloud", "the cloud",
  "multiple locations", "various locations", "multiple", "multinational", "emea", "apac", "apj", "latam", "amer", "americas",
  "north america", "south america", "latin america", "central america", "europe", "european union", "eu", "asia", "asia pacific",
  "africa", "middle east", "mena", "oceania", "nordics", "nordic countries", "scandinavia", "benelux", "dach", "cee", "gcc",
  "eastern europe", "western europe", "southeast asia", "sub saharan africa", "caribbean", "balkans", "baltics", "iberia",
];

/**
 * Words of LinkedIn's industry names ("Technology, Information and Internet", "IT Services and IT
 * Consulting"): a string made only of them is an industry, not a place.
 */
export const INDUSTRY_WORDS: ReadonlySet<string> = new Set(
  `technology technologies information internet software development it services service consulting financial finance fintech
  banking bank insurance investment investments management capital venture private equity principals healthcare health care hospitals
  hospital medical devices device pharmaceutical pharmaceuticals biotechnology biotech research manufacturing retail consumer goods
  marketing advertising staffing recruiting recruitment human resources hr computer computers hardware networking network
  telecommunications telecom education e learning elearning higher primary secondary government administration nonprofit non profit
  organization organizations organisation real estate construction food beverage beverages production automotive aviation aerospace
  logistics supply chain transportation trucking railroad maritime shipping oil gas energy utilities renewable renewables
  environmental environment media entertainment gaming games game video mobile apps app wireless publishing design graphic
  architecture planning legal law practice accounting wellness fitness hospitality restaurants restaurant travel tourism leisure
  apparel fashion luxury jewelry sporting sports security investigations defense defence space semiconductors semiconductor chemicals
  chemical mining metals farming agriculture textiles textile wholesale import export events public relations communications
  photography music arts crafts saas b2b b2c ai artificial intelligence machine learning data analytics cloud cybersecurity
  computing blockchain crypto web3 e commerce ecommerce platform platforms solutions products product industry industries business
  professional outsourcing offshoring engineering civil mechanical industrial automation machinery equipment electrical electronic
  electronics quantum robotics climate tech insurtech proptech healthtech edtech martech adtech regtech legaltech wealth`.split(/\s+/),
);

/** Words that only qualify a place ("Greater London Area", "HQ: Berlin", "Based in Austin"); skipped when reading one. */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  `the of and in at near around outside greater area metro metropolitan region regional city downtown centre center central
  north south east west northern southern eastern western northeast northwest southeast southwest upstate inner suburbs
  hq headquarters headquartered head office offices based located location main global registered corporate
  county co province state prefecture district borough municipality town village sar capital metroplex
  de del da di du`.split(/\s+/),
);

/** Words only used between filler words ("and", "&") or as the other part of an industry name. */
export const JOINING_WORDS: ReadonlySet<string> = new Set(["and", "or", "of", "the", "for", "amp"]);
