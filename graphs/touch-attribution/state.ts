import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import { callTrail, type Provenance } from "@/graphs/shared/provenance";
import type { Attribution, AttributionScope } from "@/lib/analytics/attribution";

export const inputSchema = z
  .object({
    contactId: z.number().int().positive().optional(),
    campaignId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((v) => (v.contactId === undefined) !== (v.campaignId === undefined), { message: "Give exactly one of contactId or campaignId.", path: ["campaignId"] });
export type AttributionInput = z.input<typeof inputSchema>;

export type WeightedTouch = { emailId: number; campaignId: number | null; step: number | null; subject: string; sentAt: number; weight: number };

/** One conversion and the credit each earlier touch gets (weights sum to 1; none when no touch came before it). */
export type WeightedConversion = {
  outcomeId: number;
  contactId: number;
  label: string;
  convertedAt: number;
  touches: WeightedTouch[];
  provenance: Provenance;
};

export type AttributionResult = {
  /** "model-weighted" when a model weighed at least one conversion; otherwise "last-touch". */
  method: "model-weighted" | "last-touch";
  scope: AttributionScope;
  /** Last-touch over every conversion in scope. */
  lastTouch: Pick<Attribution, "total" | "byStep">;
  /** Credit per touch number over the conversions listed below (fractional when a model weighed them). */
  creditByStep: { step: number | null; credit: number }[];
  /** The most recent conversions (at most config.ts's maxWeighed), with their touches' weights. */
  conversions: WeightedConversion[];
  promptVersion: string;
  /** One plain sentence on how the credit was assigned. */
  note: string;
};

export const AttributionState = Annotation.Root({
  contactId: Annotation<number | undefined>,
  campaignId: Annotation<number | undefined>,
  lastTouch: Annotation<Attribution | undefined>,
  result: Annotation<AttributionResult | undefined>,
  /** One path per conversion the model was asked to weigh (graphs/shared/provenance.ts). */
  calls: callTrail(),
});
export type AttributionStateType = typeof AttributionState.State;
export type AttributionOutput = AttributionStateType;

export function scopeOf(state: Pick<AttributionStateType, "contactId" | "campaignId">): AttributionScope {
  return state.contactId !== undefined ? { contactId: state.contactId } : { campaignId: state.campaignId! };
}
