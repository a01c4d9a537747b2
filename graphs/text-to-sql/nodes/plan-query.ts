import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callContext } from "@/graphs/shared/call-context";
import { matchReport } from "@/lib/analytics/reports";
import { completeJson } from "@/lib/llm";
import { isModelUnavailable } from "@/lib/llm/types";
import { generateMessages, PROMPT_VERSION, understandMessages } from "../prompts";
import { tablesFromKeywords } from "../rules";
import { QUERYABLE_TABLES, type TextToSqlStateType } from "../state";
import { meta } from "../meta";

const ctx = (config: LangGraphRunnableConfig | undefined, node: string) =>
  callContext(config, meta, { node, promptVersion: PROMPT_VERSION });

export async function understandQuestion(state: TextToSqlStateType, config?: LangGraphRunnableConfig): Promise<Partial<TextToSqlStateType>> {
  try {
    const { value } = await completeJson(ctx(config, "understand_question"), understandMessages(state.question), z.object({ understanding: z.string().min(1), tables: z.array(z.string()) }), { maxTokens: 200, temperature: 0 });
    return { understanding: value.understanding, tables: value.tables.filter((t) => (QUERYABLE_TABLES as readonly string[]).includes(t)) };
  } catch (e) {
    if (!isModelUnavailable(e)) throw e;
    return { understanding: state.question, tables: undefined };
  }
}

export function identifyTables(state: TextToSqlStateType): Partial<TextToSqlStateType> {
  return { tables: state.tables?.length ? state.tables : tablesFromKeywords(state.question) };
}

/** The model writes the SQL; without one, a catalogue report that clearly matches, or nothing. */
export async function generateSql(state: TextToSqlStateType, config?: LangGraphRunnableConfig): Promise<Partial<TextToSqlStateType>> {
  try {
    const { value } = await completeJson(ctx(config, "generate_sql"), generateMessages(state.question, state.understanding ?? state.question, state.tables ?? []), z.object({ sql: z.string().min(1) }), { maxTokens: 500, temperature: 0 });
    return { sql: value.sql, sqlSource: "model", reportId: null };
  } catch (e) {
    if (!isModelUnavailable(e)) throw e;
    const report = matchReport(state.question);
    return report ? { sql: report.sql, sqlSource: "catalogue", reportId: report.id } : { sql: undefined, sqlSource: "none", reportId: null };
  }
}
