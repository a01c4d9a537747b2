import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import { callTrail, type Provenance } from "@/graphs/shared/provenance";
import type { OfflineReading } from "@/lib/analytics/metrics";

/**
 * The CRM tables a question is read as needing (the model's understanding, or keywords). The SQL
 * gate's allowlist (lib/analytics/sql-policy.ts CRM_TABLES) is wider: it also admits the two
 * trigger-kept `*_email_stats` tables that the metrics layer and reports read.
 */
export const QUERYABLE_TABLES = ["companies", "contacts", "company_facts", "email_campaigns", "campaign_enrollments", "emails", "outcomes"] as const;

export const inputSchema = z
  .object({
    question: z.string().trim().min(3, "ask a question of at least 3 characters").max(500, "keep the question under 500 characters"),
    /** Run the SQL (default); false only writes and validates it. */
    execute: z.boolean().default(true),
  })
  .strict();
export type TextToSqlInput = z.input<typeof inputSchema>;

export type Attempt = { sql: string; error: string | null; kind: "rejected" | "database" | "timeout" | "ok" };

export type Answer =
  | { status: "answered"; summary: string; columns: string[]; rows: unknown[][]; truncated: boolean }
  | { status: "validated"; summary: string }
  | { status: "failed"; summary: string; error: string }
  | { status: "needs_model"; summary: string };

export const TextToSqlState = Annotation.Root({
  question: Annotation<string>,
  execute: Annotation<boolean>,
  /** What is being asked, in a sentence; from the model or the keyword reading. */
  understanding: Annotation<string | undefined>,
  tables: Annotation<string[] | undefined>,
  sql: Annotation<string | undefined>,
  /** The fixed report used instead of a model, when one clearly matches. */
  reportId: Annotation<string | null | undefined>,
  sqlSource: Annotation<"model" | "catalogue" | "metrics" | "none" | undefined>,
  /** How the question was read without a model (lib/analytics/metrics): what was understood, or what was not. */
  offline: Annotation<OfflineReading | undefined>,
  validation: Annotation<{ ok: boolean; reason: string | null } | undefined>,
  attempts: Annotation<Attempt[] | undefined>,
  repairs: Annotation<number | undefined>,
  columns: Annotation<string[] | undefined>,
  rows: Annotation<unknown[][] | undefined>,
  truncated: Annotation<boolean | undefined>,
  answer: Annotation<Answer | undefined>,
  /** The answer's provenance; its path is the call that wrote the SQL that ran (or the catalogue fallback). */
  provenance: Annotation<Provenance | undefined>,
  /** Every model call's path in this run (graphs/shared/provenance.ts). */
  calls: callTrail(),
});
export type TextToSqlStateType = typeof TextToSqlState.State;
export type TextToSqlOutput = TextToSqlStateType;
