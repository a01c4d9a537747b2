import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callContext } from "@/graphs/shared/call-context";
import { completeJson } from "@/lib/llm";
import { isModelUnavailable } from "@/lib/llm/types";
import { PROMPT_VERSION, summarizeMessages } from "../prompts";
import { confidenceOf } from "../rules";
import { SAMPLE_ROWS, type Answer, type TextToSqlStateType } from "../state";
import { meta } from "../meta";

/** Describes the rows and nothing else; every path that has no rows says so plainly. */
export async function summarize(state: TextToSqlStateType, config?: LangGraphRunnableConfig): Promise<Partial<TextToSqlStateType>> {
  const last = state.attempts?.at(-1);
  let answer: Answer;
  let summarySource = "rule_based_fallback";
  if (state.sqlSource === "none") {
    answer = { status: "needs_model", summary: "This question needs a model to write its SQL, and none is configured. Pick a report from the catalogue, or write the SQL yourself." };
  } else if (!state.execute && state.validation?.ok) {
    answer = { status: "validated", summary: "The SQL passed the gate; it was not run." };
  } else if (!last || last.kind !== "ok") {
    const error = last?.error ?? state.validation?.reason ?? "No query could be run.";
    answer = { status: "failed", summary: `No answer: the query failed after ${state.repairs ?? 0} repair attempt${state.repairs === 1 ? "" : "s"}.`, error };
  } else {
    const rows = state.rows ?? [];
    const columns = state.columns ?? [];
    let summary = rows.length === 0 ? "The query ran successfully but matched no records." : `The query returned ${rows.length}${state.truncated ? "+" : ""} row${rows.length === 1 ? "" : "s"}.`;
    if (rows.length > 0) {
      try {
        const { value } = await completeJson(
          callContext(config, meta, { node: "summarize", promptVersion: PROMPT_VERSION }),
          summarizeMessages(state.question, columns, rows.slice(0, SAMPLE_ROWS), rows.length, state.truncated ?? false),
          z.object({ summary: z.string().min(1).max(1_000) }),
          { maxTokens: 300, temperature: 0 },
        );
        summary = value.summary;
        summarySource = "model";
      } catch (e) {
        if (!isModelUnavailable(e)) throw e;
      }
    }
    answer = { status: "answered", summary, columns, rows, truncated: state.truncated ?? false };
  }
  return {
    answer,
    provenance: {
      confidence: answer.status === "answered" ? confidenceOf(state) : 0,
      reason: `SQL from ${state.sqlSource === "catalogue" ? `the report catalogue (${state.reportId})` : state.sqlSource === "model" ? "the model" : "nowhere"}; summary from ${summarySource === "model" ? "the model, grounded in the returned rows" : "the row count"}; ${state.repairs ?? 0} repair(s).`,
      source: state.sqlSource === "model" ? "model" : state.sqlSource === "catalogue" ? "catalogue" : "rule_based_fallback",
      evidence: [state.sql ?? "", `tables: ${(state.tables ?? []).join(", ")}`, `rows: ${state.rows?.length ?? 0}`].filter(Boolean),
    },
  };
}
