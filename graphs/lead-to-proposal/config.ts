import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/**
 * lead_to_proposal's limits, with their bounds; `resolveConfig(config)` is the only reader. The
 * qualify threshold and the faithfulness rule are policy in lib/outreach, never a run's configurable.
 */
export const resolveConfig = configResolver({
  /** Output tokens for the research findings (a short JSON list). */
  researchMaxTokens: z.number().int().min(100).max(2_000).default(600),
  /** Output tokens for the proposal (four sections of claims). */
  proposalMaxTokens: z.number().int().min(200).max(4_000).default(1_400),
  /** Findings kept from research, model or offline. */
  maxFindings: z.number().int().min(1).max(8).default(6),
});
export type LeadToProposalConfig = ReturnType<typeof resolveConfig>;
