import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/** objection_coach's limits, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** The longest part of the contact's message (or the rep's note) a prompt carries, fenced as untrusted. */
  maxMessageChars: z.number().int().min(200).max(4_000).default(3_000),
  /** Output tokens for the class, its confidence and one reason. */
  classifyMaxTokens: z.number().int().min(40).max(400).default(160),
  /** Output tokens for the rebuttal's core paragraph. */
  draftMaxTokens: z.number().int().min(100).max(1_200).default(500),
  /** Company facts the rebuttal may draw on (the context loads at most eight). */
  maxFacts: z.number().int().min(0).max(8).default(4),
});
export type ObjectionCoachConfig = ReturnType<typeof resolveConfig>;
