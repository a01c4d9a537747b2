import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/** touch_attribution's limits, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** The model weighs at most this many of the scope's most recent conversions (one call each). */
  maxWeighed: z.number().int().min(0).max(10).default(10),
  /** …each over at most this many outbound emails before it, newest first. */
  maxTouches: z.number().int().min(1).max(8).default(8),
  /** Output tokens for one conversion's weights and a one-sentence reason. */
  maxTokens: z.number().int().min(50).max(600).default(300),
});
export type AttributionConfig = ReturnType<typeof resolveConfig>;
