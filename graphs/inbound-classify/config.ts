import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/** inbound_classify's limits, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** Output tokens for the label, its confidence and a one-sentence reason. */
  maxTokens: z.number().int().min(40).max(400).default(120),
});
export type ClassifyConfig = ReturnType<typeof resolveConfig>;
