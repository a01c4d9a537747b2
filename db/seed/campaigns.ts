import type { Vertical } from "../schema";

/**
 * The demo campaigns: two for each vertical, one for logistics and retail together, two for
 * everyone. Each angle fits the people it is sent to, and the seed enrolls a contact only in
 * the campaigns that fit its company's vertical (`fits`).
 */
export type CampaignSeed = {
  name: string;
  description: string;
  angle: string;
  tone: "warm" | "direct" | "formal" | "casual" | "consultative";
  /** The vertical it targets (the column), or null for a campaign aimed at several. */
  vertical: Vertical | null;
  /** Who the seed enrolls: only contacts of these verticals, so an angle always fits its reader. */
  fits: readonly Vertical[];
  status: "active" | "paused" | "completed";
  cadenceDays: number[];
};

const EVERY_VERTICAL: readonly Vertical[] = ["saas", "fintech", "healthcare", "manufacturing", "logistics", "retail"];

export const CAMPAIGNS: readonly CampaignSeed[] = [
  {
    name: "SaaS RevOps consolidation",
    description: "Help scaling SaaS teams merge their outbound tooling into one pipeline view.",
    angle: "One pipeline view instead of five disconnected sales tools",
    tone: "consultative",
    vertical: "saas",
    fits: ["saas"],
    status: "active",
    cadenceDays: [0, 4, 7, 7, 7, 7],
  },
  {
    name: "Fintech compliance automation",
    description: "Audit-ready outreach for fintechs preparing for SOC 2 and licensing reviews.",
    angle: "Cut audit preparation time by automating evidence collection",
    tone: "formal",
    vertical: "fintech",
    fits: ["fintech"],
    status: "active",
    cadenceDays: [0, 3, 7, 7, 10],
  },
  {
    name: "Healthcare interoperability",
    description: "Providers moving to FHIR who need cleaner patient data flows.",
    angle: "Connect clinical systems without a multi-year integration project",
    tone: "warm",
    vertical: "healthcare",
    fits: ["healthcare"],
    status: "active",
    cadenceDays: [0, 5, 7, 7],
  },
  {
    name: "Predictive maintenance pilots",
    description: "Plants with measurable downtime that could start a 60-day pilot.",
    angle: "A 60-day pilot that pays for itself in avoided downtime",
    tone: "direct",
    vertical: "manufacturing",
    fits: ["manufacturing"],
    status: "paused",
    cadenceDays: [0, 4, 7, 7, 7],
  },
  {
    name: "Peak-season readiness",
    description: "Logistics and retail operators getting ready for the holiday peak.",
    angle: "Be ready for peak volume without adding headcount",
    tone: "casual",
    vertical: null,
    fits: ["logistics", "retail"],
    status: "completed",
    cadenceDays: [0, 3, 5, 7],
  },
  {
    name: "SaaS expansion revenue",
    description: "Customer-led SaaS teams looking for expansion inside their existing accounts.",
    angle: "Spot accounts ready to expand from product usage, before the renewal call",
    tone: "consultative",
    vertical: "saas",
    fits: ["saas"],
    status: "active",
    cadenceDays: [0, 3, 7, 7, 7],
  },
  {
    name: "Faster fintech onboarding",
    description: "Fintechs losing applicants between sign-up and approval.",
    angle: "Fewer applicants lost between sign-up and KYC approval",
    tone: "direct",
    vertical: "fintech",
    fits: ["fintech"],
    status: "active",
    cadenceDays: [0, 4, 7, 7],
  },
  {
    name: "Fewer missed appointments",
    description: "Clinics and provider groups with costly no-show rates.",
    angle: "Fewer no-shows with reminders patients actually answer",
    tone: "warm",
    vertical: "healthcare",
    fits: ["healthcare"],
    status: "active",
    cadenceDays: [0, 4, 7, 7, 7],
  },
  {
    name: "Supplier quality tracking",
    description: "Manufacturers whose line stoppages start with a supplier's parts.",
    angle: "Catch supplier quality problems before they reach the production line",
    tone: "formal",
    vertical: "manufacturing",
    fits: ["manufacturing"],
    status: "active",
    cadenceDays: [0, 5, 7, 7],
  },
  {
    name: "Dock scheduling",
    description: "Carriers and warehouses losing hours to trucks waiting at the dock.",
    angle: "Shorter dock waits with appointments carriers book themselves",
    tone: "direct",
    vertical: "logistics",
    fits: ["logistics"],
    status: "active",
    cadenceDays: [0, 3, 7, 7, 7],
  },
  {
    name: "Store inventory accuracy",
    description: "Retailers whose online stock promises do not match the shelf.",
    angle: "Fewer stockouts from store inventory counts you can trust",
    tone: "casual",
    vertical: "retail",
    fits: ["retail"],
    status: "active",
    cadenceDays: [0, 4, 7, 7, 7],
  },
  {
    name: "Next year's pipeline plan",
    description: "Sales leaders of every vertical setting next year's targets.",
    angle: "Set next year's targets on pipeline numbers your team already trusts",
    tone: "consultative",
    vertical: null,
    fits: EVERY_VERTICAL,
    status: "active",
    cadenceDays: [0, 4, 7, 7, 7, 7],
  },
  {
    name: "CRM data clean-up",
    description: "Teams of every vertical whose account data has drifted out of date.",
    angle: "Clean, deduplicated account data before the next territory plan",
    tone: "direct",
    vertical: null,
    fits: EVERY_VERTICAL,
    status: "paused",
    cadenceDays: [0, 5, 7, 7, 7],
  },
];
