import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { matchReport } from "@/lib/analytics/reports";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { generateMessages, PROMPT_VERSION } from "../prompts";
import { RULES_VERSION } from "../rules";
import type { TextToSqlStateType } from "../state";

/** The model writes the SQL; without one, a catalogue report that clearly matches, or nothing. */
export async function generateSql(state: TextToSqlStateType, config?: LangGraphRunnableConfig): Promise<Partial<TextToSqlStateType>> {
  const { value, path } = await callModel<{ sql: string }, Partial<TextToSqlStateType>>({
    config,
    meta,
    node: "generate_sql",
    promptVersion: PROMPT_VERSION,
    messages: generateMessages(state.question, state.understanding ?? state.question, state.tables ?? []),
    schema: z.object({ sql: z.string().min(1) }),
    options: { maxTokens: resolveConfig(config).sqlMaxTokens, temperature: 0 },
    use: ({ value }) => ({ sql: value.sql, sqlSource: "model", reportId: null }),
    fallback: {
      name: "report_catalogue",
      version: RULES_VERSION,
      run: () => {
        const report = matchReport(state.question);
        return report ? { sql: report.sql, sqlSource: "catalogue", reportId: report.id } : { sql: undefined, sqlSource: "none", reportId: null };
      },
    },
  });
  return { ...value, calls: [path] };
}
