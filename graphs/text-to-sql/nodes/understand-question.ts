import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { PROMPT_VERSION, understandMessages } from "../prompts";
import { RULES_VERSION } from "../rules";
import { QUERYABLE_TABLES, type TextToSqlStateType } from "../state";

const Understanding = z.object({ understanding: z.string().min(1), tables: z.array(z.string()) });

/** The question restated and its tables, by the model (tables outside the allowed list dropped); else the question as asked. */
export async function understandQuestion(state: TextToSqlStateType, config?: LangGraphRunnableConfig): Promise<Partial<TextToSqlStateType>> {
  const { value, path } = await callModel<z.infer<typeof Understanding>, Partial<TextToSqlStateType>>({
    config,
    meta,
    node: "understand_question",
    promptVersion: PROMPT_VERSION,
    messages: understandMessages(state.question),
    schema: Understanding,
    options: { maxTokens: resolveConfig(config).understandMaxTokens, temperature: 0 },
    use: ({ value }) => ({ understanding: value.understanding, tables: value.tables.filter((t) => (QUERYABLE_TABLES as readonly string[]).includes(t)) }),
    // identify_tables then reads the tables from the question's keywords.
    fallback: { name: "question_as_asked", version: RULES_VERSION, run: () => ({ understanding: state.question, tables: undefined }) },
  });
  return { ...value, calls: [path] };
}
