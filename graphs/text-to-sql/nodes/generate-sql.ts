import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { readOffline } from "@/lib/analytics/metrics";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { generateMessages, PROMPT_VERSION } from "../prompts";
import { RULES_VERSION } from "../rules";
import type { TextToSqlStateType } from "../state";

/**
 * The model writes the SQL; without one, the metrics layer reads the question (a catalogue
 * report by its title, or measures × breakdown × window when every word is understood), and
 * otherwise nothing: the summary then says which words were not understood.
 */
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
      name: "metrics_layer",
      version: RULES_VERSION,
      run: () => {
        const offline = readOffline(state.question, Date.now());
        if (offline.kind === "report") return { sql: offline.sql, sqlSource: "catalogue", reportId: offline.report.id, offline };
        if (offline.kind === "metrics") return { sql: offline.sql, sqlSource: "metrics", reportId: null, offline };
        return { sql: undefined, sqlSource: "none", reportId: null, offline };
      },
    },
  });
  return { ...value, calls: [path] };
}
