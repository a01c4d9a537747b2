import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import type { Seniority, Tone, Vertical } from "@/db/schema";
import { callTrail, type CalledProvenance, type Provenance } from "@/graphs/shared/provenance";

/** Most contacts one panel reads; a larger audience is profiled on a sample the caller draws. */
export const MAX_PANEL_CONTACTS = 20_000;

export const inputSchema = z
  .object({
    /** The audience (or a sample of it): the panel reads their verticals, seniorities and companies' facts. */
    contactIds: z.array(z.number().int().positive()).min(1).max(MAX_PANEL_CONTACTS),
    /** The campaign's working name, for the lenses' context. */
    campaignName: z.string().trim().max(120).optional(),
  })
  .strict();
export type CampaignPanelInput = z.input<typeof inputSchema>;

/** The three lenses, in the order they speak: each reads the arguments before its own. */
export const LENSES = ["strategist", "skeptic", "brand_voice"] as const;
export type Lens = (typeof LENSES)[number];

/** The closed vocabulary company facts are grouped under, so facts worded differently can be shared. */
export const FACT_THEMES = ["hiring", "funding", "expansion", "systems", "growth", "compliance", "leadership", "launch", "operations"] as const;
export type FactTheme = (typeof FACT_THEMES)[number];

export type Share<V> = { value: V; count: number; share: number };

/** A theme the audience's companies share: how many hold it, and two of their facts as examples. */
export type AudienceTheme = { theme: FactTheme; label: string; companies: number; share: number; examples: string[] };

/** What the lenses argue from: who is in the audience and what their companies have in common. */
export type AudienceProfile = {
  contacts: number;
  companies: number;
  verticals: Share<Vertical>[];
  seniorities: Share<Seniority | "unknown">[];
  countries: Share<string>[];
  /** Themes held by at least one company, most widely held first. */
  themes: AudienceTheme[];
  /** Facts read (each company's most confident, at most 8). */
  factsRead: number;
};

/** What one lens proposes; every field optional and already within the coach plan's limits. */
export type LensProposals = {
  angle?: string;
  tone?: Tone;
  cadenceDays?: number[];
  maxTouches?: number;
  perTouchAngles?: string[];
  stopCriteria?: string;
};

export type LensArgument = {
  lens: Lens;
  /** The lens's case, a few sentences a person reads beside the plan. */
  argument: string;
  proposals: LensProposals;
  provenance: CalledProvenance;
  /** PROMPT_VERSION when a model argued, RULES_VERSION when the audience rules did. */
  promptVersion: string;
};

/** The sequence the panel agreed: a coach plan's fields plus one angle per touch. */
export type AgreedPlan = {
  angle: string;
  tone: Tone;
  /** Day gaps before each touch (index 0 is touch 1), one per touch. */
  cadenceDays: number[];
  maxTouches: number;
  /** One angle per touch, `maxTouches` of them. */
  perTouchAngles: string[];
  stopCriteria: string;
};

/** `agreed`: the panel met and agreed a plan; `empty_audience`: none of the contacts exist any more. */
export type PanelOutcome = "agreed" | "empty_audience";

export const CampaignPanelState = Annotation.Root({
  contactIds: Annotation<number[]>,
  campaignName: Annotation<string | undefined>,
  profile: Annotation<AudienceProfile | undefined>,
  /** Each lens's argument, in speaking order. */
  lenses: Annotation<LensArgument[]>({ reducer: (all, more) => [...all, ...more], default: () => [] }),
  agreed: Annotation<AgreedPlan | undefined>,
  /** The agreed plan's provenance: who decided each field, from what, and the path of the agreeing call. */
  provenance: Annotation<Provenance | undefined>,
  /** PROMPT_VERSION when a model agreed the plan, RULES_VERSION when the rules merged the lenses. */
  promptVersion: Annotation<string | undefined>,
  outcome: Annotation<PanelOutcome | undefined>,
  calls: callTrail(),
});
export type CampaignPanelStateType = typeof CampaignPanelState.State;
export type CampaignPanelOutput = CampaignPanelStateType;
