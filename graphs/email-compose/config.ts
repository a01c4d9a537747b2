import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/** email_compose's limits and sampling, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** Review-and-revise passes after the first draft (the seeds' "refine at most twice"). */
  maxRefinements: z.number().int().min(0).max(2).default(2),
  /** Output tokens for a draft and for a review pass: room for a 140-word email in JSON. */
  draftMaxTokens: z.number().int().min(100).max(1_000).default(600),
  refineMaxTokens: z.number().int().min(100).max(1_000).default(600),
  /** Some variety in the first draft; a review pass should change only what it must. */
  draftTemperature: z.number().min(0).max(1).default(0.4),
  refineTemperature: z.number().min(0).max(1).default(0.2),
});
export type ComposeConfig = ReturnType<typeof resolveConfig>;
