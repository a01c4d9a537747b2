import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/** memory_reflect's limits, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** Output tokens for one line of at most 20 words, in JSON. */
  maxTokens: z.number().int().min(20).max(200).default(80),
});
export type ReflectConfig = ReturnType<typeof resolveConfig>;
