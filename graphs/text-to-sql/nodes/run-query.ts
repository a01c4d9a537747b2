import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callContext } from "@/graphs/shared/call-context";
import { executeQuery } from "@/lib/analytics/executor";
import { gateSql } from "@/lib/analytics/sql-gate";
import { completeJson } from "@/lib/llm";
import { isModelUnavailable } from "@/lib/llm/types";
import { PROMPT_VERSION, repairMessages } from "../prompts";
import { MAX_REPAIRS, MAX_ROWS, type TextToSqlStateType } from "../state";
import { meta } from "../meta";

/** The gate, again for every SQL the loop produces: a repair is checked like a first draft. */
export function validateSql(state: TextToSqlStateType): Partial<TextToSqlStateType> {
  const gate = gateSql(state.sql!);
  if (gate.ok) return { validation: { ok: true, reason: null }, sql: gate.sql };
  return {
    validation: { ok: false, reason: gate.reason },
    attempts: [...(state.attempts ?? []), { sql: state.sql!, error: `Rejected by the SQL gate (${gate.layer}): ${gate.reason}`, kind: "rejected" }],
  };
}

export async function executeSql(state: TextToSqlStateType): Promise<Partial<TextToSqlStateType>> {
  const result = await executeQuery(state.sql!, { maxRows: MAX_ROWS });
  const attempts = [...(state.attempts ?? [])];
  if (result.ok) {
    attempts.push({ sql: result.sql, error: null, kind: "ok" });
    return { attempts, columns: result.columns, rows: result.rows, truncated: result.truncated, tables: result.tables };
  }
  attempts.push({ sql: result.sql, error: result.error, kind: result.kind });
  return { attempts };
}

/** Fixes the last failure from the database's own error text (or the gate's reason). */
export async function repairSql(state: TextToSqlStateType, config?: LangGraphRunnableConfig): Promise<Partial<TextToSqlStateType>> {
  const last = state.attempts!.at(-1)!;
  try {
    const { value } = await completeJson(
      callContext(config, meta, { node: "repair_sql", promptVersion: PROMPT_VERSION }),
      repairMessages(state.question, last.sql, last.error ?? ""),
      z.object({ sql: z.string().min(1) }),
      { maxTokens: 500, temperature: 0 },
    );
    return { sql: value.sql, repairs: (state.repairs ?? 0) + 1 };
  } catch (e) {
    if (!isModelUnavailable(e)) throw e;
    return { sql: last.sql, repairs: MAX_REPAIRS };
  }
}
