import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError, invalidInput } from "@/lib/errors";

/** Why there is no table: each kind reads as its own plain sentence. */
export type ProblemKind = "rejected" | "timeout" | "database" | "needs_model" | "failed";
export type Problem = { kind: ProblemKind; message: string };
export type AnswerSource = "model" | "catalogue" | "metrics" | "none" | "operator";
export type Attempt = { sql: string; error: string | null; kind: "rejected" | "database" | "timeout" | "ok" };
/** One recorded node step of a run; `ms` is null while it had not ended. */
export type StepView = { node: string; status: string; ms: number | null; error: string | null };

/** What the analytics page shows for a question, a report run directly, or edited SQL. */
export type AnswerView = {
  /** Unique per answer, so the page can tell a new answer from a re-render. */
  id: string;
  origin: "question" | "report" | "sql";
  /** The question asked, the report's title, or the question the edited SQL came from. */
  title: string;
  status: "answered" | "validated" | "failed" | "needs_model";
  summary: string;
  problem: Problem | null;
  sql: string | null;
  source: AnswerSource;
  reportId: string | null;
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
  attempts: Attempt[];
  repairs: number;
  /** The CRM tables the question was read as needing (empty for a report or your SQL). */
  tables: string[];
  /** The graph's confidence in the answer; null when nothing was interpreted (a report, your SQL). */
  confidence: number | null;
  reason: string | null;
  runId: string | null;
  steps: StepView[];
};

export type ReportSummary = { id: string; title: string; description: string; chart: import("@/lib/analytics/catalogue").ChartKind };

/** Parses a service input; a bad one is a 400 naming the field, as from a server action. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInput(result.error.issues, "bad_request:analytics", { named: false });
}

export function requireOperator(user: SessionUser): void {
  if (!hasRole(user.role, "operator")) throw new AppError("forbidden:analytics");
}

const GATE_PREFIX = /^Rejected by the SQL gate \([a-z]+\): /;

/** The sentence a person reads for a failed query: the gate's reason, the time limit, or the database's own words. */
export function problemFor(kind: Attempt["kind"] | "failed", error: string): Problem {
  switch (kind) {
    case "rejected":
      return { kind, message: `This SQL was refused: ${error.replace(GATE_PREFIX, "")}` };
    case "timeout":
      return { kind, message: "The query took too long and was stopped. Narrow it with filters (a date range, one vertical or one campaign) and avoid cross joins." };
    case "database":
      return { kind, message: `The database could not run this query: ${error}` };
    default:
      return { kind: "failed", message: error };
  }
}

export function emptyAnswer(origin: AnswerView["origin"], title: string, source: AnswerSource): Omit<AnswerView, "status" | "summary" | "problem"> {
  return { id: randomUUID(), origin, title, sql: null, source, reportId: null, columns: [], rows: [], truncated: false, attempts: [], repairs: 0, tables: [], confidence: null, reason: null, runId: null, steps: [] };
}

export const rowCount = (n: number, truncated: boolean) => `${n}${truncated ? "+" : ""} row${n === 1 && !truncated ? "" : "s"}`;

