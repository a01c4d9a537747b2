import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/** score_contact's limits, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** Output tokens for a fit between 0 and 1 and one short reason. */
  maxTokens: z.number().int().min(40).max(400).default(120),
});
export type ScoreContactConfig = ReturnType<typeof resolveConfig>;
