import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { resolveConfig } from "./config";
import { canRepair } from "./rules";
import type { TextToSqlStateType } from "./state";

/** No SQL (no model and no matching report): straight to the summary, which says so. */
export function afterGenerate(state: TextToSqlStateType): "validate_sql" | "summarize" {
  return state.sql ? "validate_sql" : "summarize";
}

/** Gated SQL runs (unless only validation was asked); rejected SQL is repaired while repairs are left. */
export function afterValidate(state: TextToSqlStateType, config?: LangGraphRunnableConfig): "execute_sql" | "repair_sql" | "summarize" {
  if (state.validation?.ok) return state.execute ? "execute_sql" : "summarize";
  return canRepair(state, resolveConfig(config).maxRepairs) ? "repair_sql" : "summarize";
}

/** The first successful execution ends the loop; an empty result is a success. */
export function afterExecute(state: TextToSqlStateType, config?: LangGraphRunnableConfig): "repair_sql" | "summarize" {
  const last = state.attempts?.at(-1);
  if (!last || last.kind === "ok") return "summarize";
  return canRepair(state, resolveConfig(config).maxRepairs) ? "repair_sql" : "summarize";
}

/** A repair that produced nothing new (the model may not answer) stops the loop. */
export function afterRepair(state: TextToSqlStateType): "validate_sql" | "summarize" {
  return state.attempts?.at(-1)?.sql === state.sql ? "summarize" : "validate_sql";
}
