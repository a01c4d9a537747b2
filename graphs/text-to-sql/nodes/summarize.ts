import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import type { CallPath } from "@/graphs/shared/provenance";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { PROMPT_VERSION, summarizeMessages } from "../prompts";
import { confidenceOf, metricsSummary, RULES_VERSION } from "../rules";
import type { Answer, TextToSqlStateType } from "../state";

/**
 * Describes the rows and nothing else; every path that has no rows says so plainly. Confidence:
 * the documented rule `confidenceOf` (rules.ts) for an answer, 0 for none.
 */
export async function summarize(state: TextToSqlStateType, config?: LangGraphRunnableConfig): Promise<Partial<TextToSqlStateType>> {
  const last = state.attempts?.at(-1);
  const limits = resolveConfig(config);
  const calls: CallPath[] = [];
  let answer: Answer;
  let summarySource = "rule_based_fallback";
  if (state.sqlSource === "none") {
    const offline = state.offline?.kind === "not_understood" ? state.offline : null;
    const closest = offline?.closest.length ? ` Closest reports: ${offline.closest.map((r) => `"${r.title}"`).join(", ")}.` : "";
    answer = {
      status: "needs_model",
      summary: offline
        ? `No model is configured, so this question was read by the metrics layer, and it could not be answered exactly. ${offline.message}${closest} Or write the SQL yourself.`
        : "This question needs a model to write its SQL, and none is configured. Pick a report from the catalogue, or write the SQL yourself.",
    };
  } else if (!state.execute && state.validation?.ok) {
    answer = { status: "validated", summary: "The SQL passed the gate; it was not run." };
  } else if (!last || last.kind !== "ok") {
    const error = last?.error ?? state.validation?.reason ?? "No query could be run.";
    answer = { status: "failed", summary: `No answer: the query failed after ${state.repairs ?? 0} repair attempt${state.repairs === 1 ? "" : "s"}.`, error };
  } else {
    const rows = state.rows ?? [];
    const columns = state.columns ?? [];
    const rowCount = rows.length === 0 ? "The query ran successfully but matched no records." : `The query returned ${rows.length}${state.truncated ? "+" : ""} row${rows.length === 1 ? "" : "s"}.`;
    let summary = rowCount;
    if (rows.length > 0) {
      const { value, path } = await callModel({
        config,
        meta,
        node: "summarize",
        promptVersion: PROMPT_VERSION,
        messages: summarizeMessages(state.question, columns, rows.slice(0, limits.sampleRows), rows.length, state.truncated ?? false),
        schema: z.object({ summary: z.string().min(1).max(1_000) }),
        options: { maxTokens: limits.summaryMaxTokens, temperature: 0 },
        use: ({ value }) => ({ summary: value.summary, source: "model" }),
        fallback: { name: "row_count", version: RULES_VERSION, run: () => ({ summary: metricsSummary(state, columns, rows) ?? rowCount, source: "rule_based_fallback" }) },
      });
      calls.push(path);
      summary = value.summary;
      summarySource = value.source;
    }
    answer = { status: "answered", summary, columns, rows, truncated: state.truncated ?? false };
  }
  // The call that wrote the SQL that ran: the last generate or repair that produced one.
  const sqlPath = state.calls.findLast((c) => c.node === "generate_sql" || (c.node === "repair_sql" && c.path !== "fallback"));
  return {
    answer,
    calls,
    provenance: {
      confidence: answer.status === "answered" ? confidenceOf(state) : 0,
      reason: state.sqlSource === "none" ? "No SQL: without a model, the question could not be read exactly." : `SQL from ${sqlOrigin(state)}; summary from ${summarySource === "model" ? "the model, grounded in the returned rows" : "the row count"}; ${state.repairs ?? 0} repair(s).`,
      source: state.sqlSource === "model" ? "model" : state.sqlSource === "catalogue" ? "catalogue" : state.sqlSource === "metrics" ? "metrics_layer" : "rule_based_fallback",
      evidence: [state.sql ?? "", `tables: ${(state.tables ?? []).join(", ")}`, `rows: ${state.rows?.length ?? 0}`].filter(Boolean),
      ...(sqlPath ? { path: sqlPath } : {}),
    },
  };
}

/** Where the SQL that ran came from, in words for the provenance's reason. */
function sqlOrigin(state: TextToSqlStateType): string {
  if (state.sqlSource === "catalogue") return `the report catalogue (${state.reportId})`;
  if (state.sqlSource === "model") return "the model";
  if (state.sqlSource === "metrics" && state.offline?.kind === "metrics") return `the metrics layer, read as ${state.offline.parts.join("; ")}`;
  return "nowhere";
}
