import type { Seniority, Vertical } from "../schema";

/** Share of companies per vertical: a real book of business is uneven (weights, not counts). */
export const VERTICAL_WEIGHTS: readonly (readonly [Vertical, number])[] = [
  ["saas", 30], ["fintech", 16], ["manufacturing", 17], ["healthcare", 14], ["logistics", 12], ["retail", 11],
];

export const NAME_PREFIXES = [
  "North", "Blue", "Iron", "Bright", "Summit", "Clear", "Silver", "Red", "Harbor", "Pine", "Stone", "Nova",
  "Apex", "Cedar", "True", "Swift", "Open", "Quantum", "Atlas", "Green", "Polar", "Solar", "Lumen", "Vector",
  "Crest", "Delta", "Echo", "Fern", "Granite", "Helix", "Indigo", "Juniper", "Kite", "Maple", "Onyx", "Prism",
  "Quill", "River", "Sage", "Tide", "Union", "Vale", "West", "Zenith", "Arbor", "Beacon", "Cobalt", "Drift",
  "Ember", "Fable",
] as const;

export const NAME_CORES = [
  "wave", "stack", "forge", "path", "line", "ledger", "cart", "care", "bridge", "point", "works", "field",
  "grid", "loop", "flow", "scale", "hub", "mark", "sight", "logic", "core", "dock", "haul", "mint", "leaf",
  "beam", "port", "yard", "craft", "shift", "link", "gate", "mill", "well", "trail", "frame", "pulse",
  "sense", "vault", "route",
] as const;

/** Company-name endings that fit each vertical ("Northwave Health" is a healthcare company). */
export const NAME_SUFFIXES: Record<Vertical, readonly string[]> = {
  saas: ["", " Labs", " Software", " Cloud", " HQ"],
  fintech: ["", " Pay", " Capital", " Finance", " Money"],
  healthcare: [" Health", " Care", " Medical", " Clinics", ""],
  manufacturing: [" Industries", " Manufacturing", " Works", " Fabrication", ""],
  logistics: [" Logistics", " Freight", " Transport", " Shipping", ""],
  retail: [" Stores", " Market", " & Co", " Goods", ""],
};

/**
 * Top-level domains: a company headquartered outside the US often uses its country's; a SaaS
 * company often a .io or .ai; most others a .com. Weighted picks, see `buildCompanies`.
 */
export const COUNTRY_TLD: Record<string, string> = {
  GB: "co.uk", DE: "de", FR: "fr", NL: "nl", SE: "se", IE: "ie", ES: "es", CA: "ca", AU: "com.au", DK: "dk", PL: "pl", FI: "fi",
};
export const SAAS_TLDS: readonly (readonly [string, number])[] = [["com", 50], ["io", 35], ["ai", 15]];

/** Words of a company name that its domain usually leaves out ("Northwave Health" → northwave.com). */
export const DOMAIN_DROPS = new Set(["labs", "software", "cloud", "hq", "pay", "capital", "finance", "money", "health", "care", "medical", "clinics", "industries", "manufacturing", "works", "fabrication", "logistics", "freight", "transport", "shipping", "stores", "market", "goods", "& co"]);

/** How the seed's emails name a company's peers ("how similar fintechs approached it"). */
export const VERTICAL_PEERS: Record<Vertical, string> = {
  saas: "SaaS companies",
  fintech: "fintechs",
  healthcare: "healthcare providers",
  manufacturing: "manufacturers",
  logistics: "logistics operators",
  retail: "retailers",
};

export const SIZES = [
  ["11-50", 30, 11, 50],
  ["51-200", 30, 51, 200],
  ["201-500", 20, 201, 500],
  ["501-1000", 12, 501, 1000],
  ["1001-5000", 8, 1001, 5000],
] as const;

export const LOCATIONS = [
  ["US", "Austin"], ["US", "New York"], ["US", "San Francisco"], ["US", "Chicago"], ["US", "Boston"],
  ["GB", "London"], ["GB", "Manchester"], ["DE", "Berlin"], ["DE", "Munich"], ["FR", "Paris"],
  ["NL", "Amsterdam"], ["NL", "Rotterdam"], ["SE", "Stockholm"], ["IE", "Dublin"], ["ES", "Barcelona"],
  ["CA", "Toronto"], ["AU", "Sydney"], ["DK", "Copenhagen"], ["PL", "Warsaw"], ["FI", "Helsinki"],
] as const;

export const SENIORITY_WEIGHTS: readonly (readonly [Seniority, number])[] = [
  ["c_level", 5], ["vp", 10], ["director", 18], ["manager", 27], ["senior", 22], ["entry", 18],
];

/** Departments, and how each reads inside a sentence ("IT teams", "revenue operations teams"). */
export const DEPARTMENTS = [
  ["Sales", "sales"], ["Marketing", "marketing"], ["Revenue Operations", "revenue operations"], ["Engineering", "engineering"],
  ["Operations", "operations"], ["Finance", "finance"], ["IT", "IT"], ["Customer Success", "customer success"],
] as const;

/** Title patterns per seniority; `{d}` is the department. */
export const TITLES: Record<Seniority, readonly string[]> = {
  c_level: ["Chief Executive Officer", "Chief Revenue Officer", "Chief Operating Officer", "Chief Technology Officer", "Chief Financial Officer"],
  vp: ["VP of {d}", "Vice President, {d}", "SVP {d}"],
  director: ["Director of {d}", "Head of {d}", "Senior Director, {d}"],
  manager: ["{d} Manager", "Senior {d} Manager", "{d} Team Lead"],
  senior: ["Senior {d} Specialist", "Senior {d} Analyst", "Lead {d} Associate"],
  entry: ["{d} Associate", "{d} Coordinator", "Junior {d} Analyst"],
};

/** Company fact templates per vertical; `{n}`, `{city}`, `{tool}` are filled at seed time. */
export const FACTS: Record<Vertical, readonly string[]> = {
  saas: [
    "Raised a Series {round} of ${n}M to expand its go-to-market team",
    "Hiring {n} account executives across North America and EMEA",
    "Migrated its CRM to {tool} this year",
    "Launched a self-serve tier aimed at mid-market buyers",
    "Reported {n}% year-over-year growth in annual recurring revenue",
    "Opened a new office in {city}",
    "Named a new Chief Revenue Officer in the last quarter",
    "Runs its outbound motion on {tool}",
  ],
  fintech: [
    "Secured an e-money licence in {city}",
    "Raised a Series {round} of ${n}M led by a growth fund",
    "Processing volume grew {n}% in the last twelve months",
    "Preparing for a SOC 2 Type II audit",
    "Hiring {n} compliance analysts",
    "Partnered with a tier-one bank on embedded payments",
    "Moved its ledger infrastructure to {tool}",
  ],
  healthcare: [
    "Rolled out a patient portal across {n} clinics",
    "Working toward HL7 FHIR interoperability this year",
    "Hiring {n} clinical operations staff in {city}",
    "Announced a telehealth partnership with a regional hospital network",
    "Uses {tool} for care coordination",
    "Expanded into {n} new states last year",
  ],
  manufacturing: [
    "Opened a new plant in {city}",
    "Investing in predictive maintenance across {n} production lines",
    "Reported {n}% unplanned downtime in its last annual report",
    "Hiring {n} automation engineers",
    "Standardised on {tool} for its ERP",
    "Reshoring part of its supply chain to Europe",
  ],
  logistics: [
    "Opened a distribution centre in {city}",
    "Fleet grew to {n} trucks this year",
    "Expanding same-day delivery to {n} metro areas",
    "Hiring {n} warehouse supervisors ahead of peak season",
    "Replaced its TMS with {tool}",
    "Reported on-time delivery of {n}% in the last quarter",
  ],
  retail: [
    "Opened {n} new stores in the last year",
    "Relaunched its e-commerce site on {tool}",
    "Growing its loyalty programme past {n}0,000 members",
    "Hiring {n} store managers in {city}",
    "Expanding into marketplace selling this year",
    "Reported {n}% growth in online revenue",
  ],
};

export const TOOLS: Record<Vertical, readonly string[]> = {
  saas: ["Salesforce", "HubSpot", "Snowflake", "Zendesk", "Outreach"],
  fintech: ["Snowflake", "Oracle", "Salesforce", "Temenos", "NetSuite"],
  healthcare: ["Epic", "Cerner", "athenahealth", "Salesforce Health Cloud"],
  manufacturing: ["SAP", "Oracle", "Siemens Opcenter", "NetSuite"],
  logistics: ["Oracle TMS", "Manhattan WMS", "SAP", "Descartes"],
  retail: ["Shopify", "Salesforce Commerce Cloud", "NetSuite", "Klaviyo"],
};

export const FACT_SOURCES = ["company_website", "press_release", "linkedin", "job_postings", "news", "crm_import"] as const;

/** First-touch subjects; later touches reply in the same thread ("Re: …"). */
export const SUBJECTS = [
  "Idea for {company}",
  "{first}, a quick question about {topic}",
  "{topic} at {company}",
  "Worth 15 minutes, {first}?",
  "{company} and {topic}",
] as const;

/** Inbound reply labels with their share among replies and their polarity. */
export const REPLY_LABELS = [
  ["interested", 28, "positive", "Thanks for reaching out. This is timely for us. Could you send over some times next week?"],
  ["meeting_scheduled", 12, "positive", "Booked a slot on your calendar for Thursday. Looking forward to it."],
  ["info_request", 16, "neutral", "Can you share pricing and a case study from a company our size?"],
  ["not_interested", 22, "negative", "Thanks, but we are not looking at this right now."],
  ["auto_reply", 14, "neutral", "I am out of the office until next week with limited access to email."],
  ["unsubscribe", 8, "negative", "Please remove me from your mailing list."],
] as const;
