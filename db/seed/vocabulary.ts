import type { Seniority, Vertical } from "../schema";

export const FIRST_NAMES = [
  "Ava", "Liam", "Maya", "Noah", "Zoe", "Ethan", "Priya", "Lucas", "Chloe", "Mateo", "Hannah", "Omar",
  "Grace", "Leo", "Isla", "Daniel", "Sofia", "Arjun", "Emma", "Jonas", "Nina", "Felix", "Amara", "Hugo",
  "Lena", "Kenji", "Freya", "Diego", "Mia", "Samuel", "Aisha", "Oscar", "Elena", "Tomas", "Ines", "Rafael",
  "Clara", "Yusuf", "Julia", "Anders", "Leila", "Marco", "Sara", "Victor", "Nora", "Ibrahim", "Alice",
  "Pablo", "Hana", "Erik", "Laura", "Mohammed", "Ruth", "Theo", "Mei", "Adrian", "Eva", "Kwame", "Ingrid",
  "Carlos",
] as const;

export const LAST_NAMES = [
  "Smith", "Johnson", "Patel", "Garcia", "Müller", "Nguyen", "Kim", "Rossi", "Andersson", "Okafor",
  "Dubois", "Silva", "Kowalski", "Novak", "Haddad", "Tanaka", "Schmidt", "Jensen", "O'Brien", "Fischer",
  "Martin", "Lopez", "Wilson", "Chen", "Moreau", "Larsen", "Costa", "Becker", "Walsh", "Ivanova",
  "Brown", "Singh", "Hernandez", "Meyer", "Nielsen", "Rahman", "Lindqvist", "Ferreira", "Murphy", "Weber",
  "Clarke", "Sato", "Romano", "Vogel", "Dahl", "Mensah", "Cohen", "Bauer", "Popescu", "Evans",
  "Khan", "Reyes", "Hoffmann", "Berg", "Adeyemi", "Nakamura", "Morales", "Keller", "Byrne", "Laine",
] as const;

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

export const VERTICAL_TLD: Record<Vertical, string> = {
  saas: "io",
  fintech: "com",
  healthcare: "health",
  manufacturing: "com",
  logistics: "co",
  retail: "shop",
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

export const DEPARTMENTS = [
  "Sales", "Marketing", "Revenue Operations", "Engineering", "Operations", "Finance", "IT", "Customer Success",
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

export type CampaignSeed = {
  name: string;
  description: string;
  angle: string;
  tone: "warm" | "direct" | "formal" | "casual" | "consultative";
  vertical: Vertical | null;
  status: "active" | "paused" | "completed";
  cadenceDays: number[];
};

export const CAMPAIGNS: readonly CampaignSeed[] = [
  {
    name: "SaaS RevOps consolidation",
    description: "Help scaling SaaS teams merge their outbound tooling into one pipeline view.",
    angle: "One pipeline view instead of five disconnected sales tools",
    tone: "consultative",
    vertical: "saas",
    status: "active",
    cadenceDays: [0, 4, 7, 7, 7, 7],
  },
  {
    name: "Fintech compliance automation",
    description: "Audit-ready outreach for fintechs preparing for SOC 2 and licensing reviews.",
    angle: "Cut audit preparation time by automating evidence collection",
    tone: "formal",
    vertical: "fintech",
    status: "active",
    cadenceDays: [0, 3, 7, 7, 10],
  },
  {
    name: "Healthcare interoperability",
    description: "Providers moving to FHIR who need cleaner patient data flows.",
    angle: "Connect clinical systems without a multi-year integration project",
    tone: "warm",
    vertical: "healthcare",
    status: "active",
    cadenceDays: [0, 5, 7, 7],
  },
  {
    name: "Predictive maintenance pilots",
    description: "Plants with measurable downtime that could start a 60-day pilot.",
    angle: "A 60-day pilot that pays for itself in avoided downtime",
    tone: "direct",
    vertical: "manufacturing",
    status: "paused",
    cadenceDays: [0, 4, 7, 7, 7],
  },
  {
    name: "Peak-season readiness",
    description: "Logistics and retail operators getting ready for the holiday peak.",
    angle: "Be ready for peak volume without adding headcount",
    tone: "casual",
    vertical: null,
    status: "completed",
    cadenceDays: [0, 3, 5, 7],
  },
];

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
