import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/** text_to_sql's limits, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** Repairs of a failed or rejected query, each fed the database's (or the gate's) own error text. */
  maxRepairs: z.number().int().min(0).max(2).default(2),
  /** Rows fetched for an answer, and rows of them shown to the model for its summary. */
  maxRows: z.number().int().min(1).max(50).default(50),
  sampleRows: z.number().int().min(1).max(20).default(20),
  /** Output tokens per call: a sentence and a table list, a query, a short summary. */
  understandMaxTokens: z.number().int().min(50).max(400).default(200),
  sqlMaxTokens: z.number().int().min(100).max(1_000).default(500),
  summaryMaxTokens: z.number().int().min(50).max(600).default(300),
});
export type TextToSqlConfig = ReturnType<typeof resolveConfig>;
