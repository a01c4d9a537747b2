import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/** country_classify's limits, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** Output tokens for the code, its confidence and two short reasons. */
  maxTokens: z.number().int().min(40).max(400).default(120),
});
export type CountryClassifyConfig = ReturnType<typeof resolveConfig>;
