import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/** The campaign graph's limits, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** Output tokens for the coach's plan (angle, tone, cadence, touches, stop criteria, per-touch angles). */
  coachMaxTokens: z.number().int().min(100).max(1_200).default(500),
  /** The zone a recipient with no known place is scheduled in (the sender's). */
  senderZone: z.string().min(1).default("UTC"),
});
export type CampaignConfig = ReturnType<typeof resolveConfig>;
