import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { PROMPT_VERSION, repairMessages } from "../prompts";
import { RULES_VERSION } from "../rules";
import type { TextToSqlStateType } from "../state";

/** Fixes the last failure from the database's own error text (or the gate's reason); without a model the loop stops. */
export async function repairSql(state: TextToSqlStateType, config?: LangGraphRunnableConfig): Promise<Partial<TextToSqlStateType>> {
  const last = state.attempts!.at(-1)!;
  const limits = resolveConfig(config);
  const { value, path } = await callModel<{ sql: string }, Partial<TextToSqlStateType>>({
    config,
    meta,
    node: "repair_sql",
    promptVersion: PROMPT_VERSION,
    messages: repairMessages(state.question, last.sql, last.error ?? ""),
    schema: z.object({ sql: z.string().min(1) }),
    options: { maxTokens: limits.sqlMaxTokens, temperature: 0 },
    use: ({ value }) => ({ sql: value.sql, repairs: (state.repairs ?? 0) + 1 }),
    // The same SQL back tells afterRepair to stop; no repairs are left either.
    fallback: { name: "stop_repairs", version: RULES_VERSION, run: () => ({ sql: last.sql, repairs: limits.maxRepairs }) },
  });
  return { ...value, calls: [path] };
}
