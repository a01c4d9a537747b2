import type { Vertical } from "@/db/schema";

/** The four terms of a contact's score, in the order they are shown. */
export const TERMS = ["seniority", "roleFit", "reachability", "propensity"] as const;
export type Term = (typeof TERMS)[number];
export type TermWeights = Readonly<Record<Term, number>>;

/**
 * What each vertical sells to, in words the role-fit judge reads, with the keyword rules that
 * stand in for it offline, and the vertical's weights. The seed (003, the score_contact article)
 * names the four terms and that their weights differ per vertical and are renormalised, but gives
 * no numbers: these weights are this console's own, written here as data so a change is one diff.
 * Each row sums to 1.
 */
export type VerticalProfile = {
  /** The buyer the vertical's offer is for: what the model judges a title against. */
  description: string;
  /** Title/department words of the roles that buy it (lower case, matched as whole words). */
  buyerKeywords: readonly string[];
  /** Words of roles next to the buyer: they influence or use it. */
  adjacentKeywords: readonly string[];
  weights: TermWeights;
};

/** Functions that sign or steer any B2B purchase, whatever the vertical. */
export const GENERAL_BUYER_KEYWORDS = ["ceo", "founder", "co-founder", "owner", "president", "general manager", "managing director", "coo", "operations", "procurement", "purchasing"] as const;

export const VERTICAL_PROFILES: Readonly<Record<Vertical, VerticalProfile>> = {
  saas: {
    description: "B2B software companies buying tools to grow revenue and run product, engineering and customer teams: revenue, sales, marketing, growth, product and engineering leaders.",
    buyerKeywords: ["revenue", "sales", "growth", "marketing", "cro", "product", "engineering", "cto", "revops", "go-to-market", "gtm"],
    adjacentKeywords: ["customer success", "partnerships", "business development", "developer", "data", "it", "technology", "account"],
    weights: { seniority: 0.25, roleFit: 0.35, reachability: 0.15, propensity: 0.25 },
  },
  fintech: {
    description: "Financial-technology firms buying to scale payments, lending and compliance: finance, risk, compliance, payments and engineering leaders.",
    buyerKeywords: ["finance", "cfo", "risk", "compliance", "payments", "treasury", "lending", "fraud", "engineering", "cto"],
    adjacentKeywords: ["controller", "accounting", "security", "legal", "data", "product", "it", "technology", "operations"],
    weights: { seniority: 0.3, roleFit: 0.3, reachability: 0.2, propensity: 0.2 },
  },
  healthcare: {
    description: "Hospitals, clinics and health-tech providers buying to improve patient operations and clinical systems: clinical, medical, nursing, IT and operations leaders.",
    buyerKeywords: ["clinical", "medical", "nursing", "patient", "health", "cmo", "cmio", "cio", "it", "informatics"],
    adjacentKeywords: ["quality", "compliance", "pharmacy", "care", "technology", "revenue cycle", "administrator"],
    weights: { seniority: 0.35, roleFit: 0.3, reachability: 0.15, propensity: 0.2 },
  },
  manufacturing: {
    description: "Manufacturers buying to run plants and supply chains better: operations, plant, production, supply chain, quality and engineering leaders.",
    buyerKeywords: ["plant", "production", "manufacturing", "supply chain", "quality", "engineering", "maintenance", "industrial"],
    adjacentKeywords: ["procurement", "sourcing", "logistics", "safety", "lean", "it", "technology"],
    weights: { seniority: 0.3, roleFit: 0.3, reachability: 0.2, propensity: 0.2 },
  },
  logistics: {
    description: "Carriers, forwarders and 3PLs buying to move freight and run fleets and warehouses: logistics, fleet, warehouse, transport and supply-chain leaders.",
    buyerKeywords: ["logistics", "fleet", "warehouse", "transport", "transportation", "freight", "supply chain", "distribution", "dispatch"],
    adjacentKeywords: ["procurement", "customer service", "it", "technology", "sales", "safety"],
    weights: { seniority: 0.3, roleFit: 0.25, reachability: 0.2, propensity: 0.25 },
  },
  retail: {
    description: "Retailers and e-commerce brands buying to sell more across stores and online: e-commerce, merchandising, marketing, store operations and digital leaders.",
    buyerKeywords: ["ecommerce", "e-commerce", "merchandising", "digital", "marketing", "store", "omnichannel", "category", "customer experience"],
    adjacentKeywords: ["buyer", "supply chain", "it", "technology", "sales", "brand", "loyalty"],
    weights: { seniority: 0.25, roleFit: 0.3, reachability: 0.15, propensity: 0.3 },
  },
};

/** Seniority by band (db/schema SENIORITIES), most senior first: who can decide or sponsor a purchase. */
export const SENIORITY_VALUE: Readonly<Record<string, number>> = { c_level: 1, vp: 0.85, director: 0.7, manager: 0.5, senior: 0.35, entry: 0.15 };

/**
 * The band a title implies when the contact has none recorded, first match wins (so "Vice
 * President" is vp before "President" is c_level). Whole words, lower case.
 */
export const TITLE_SENIORITY: readonly (readonly [RegExp, string])[] = [
  [/\b(vice president|svp|evp|vp)\b/, "vp"],
  [/\b(chief|ceo|cto|cfo|coo|cio|cmo|cro|ciso|founder|co-founder|president|owner|managing director)\b/, "c_level"],
  [/\b(director|head of|head)\b/, "director"],
  [/\b(manager|lead|supervisor)\b/, "manager"],
  [/\b(senior|sr|principal|staff)\b/, "senior"],
  [/\b(junior|jr|associate|assistant|intern|trainee|coordinator|analyst)\b/, "entry"],
];

/** The seniority band a title implies (TITLE_SENIORITY, first match), or null when it names none. */
export function seniorityOfTitle(title: string | null | undefined): string | null {
  const text = title?.toLowerCase() ?? "";
  return (text && TITLE_SENIORITY.find(([pattern]) => pattern.test(text))?.[1]) || null;
}
