import type { analyticsHome } from "@/lib/services/analytics";

export type { AnswerView, AttributionView, Attempt, FunnelView, HistoryItem, Problem, ReportSummary, SchemaTable, StepView } from "@/lib/services/analytics";

/** What the page paints first. */
export type AnalyticsHome = Awaited<ReturnType<typeof analyticsHome>>;

/** One request for an answer: a question, a catalogue report, or SQL the operator edited. */
export type AnswerRequest =
  | { type: "ask"; question: string }
  | { type: "report"; reportId: string; title: string }
  | { type: "sql"; sql: string; title: string };
