import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { executeQuery } from "@/lib/analytics/executor";
import { resolveConfig } from "../config";
import type { TextToSqlStateType } from "../state";

/** Runs the gated SQL read-only; a database error or timeout is recorded as an attempt for the repair. */
export async function executeSql(state: TextToSqlStateType, config?: LangGraphRunnableConfig): Promise<Partial<TextToSqlStateType>> {
  const result = await executeQuery(state.sql!, { maxRows: resolveConfig(config).maxRows });
  const attempts = [...(state.attempts ?? [])];
  if (result.ok) {
    attempts.push({ sql: result.sql, error: null, kind: "ok" });
    return { attempts, columns: result.columns, rows: result.rows, truncated: result.truncated, tables: result.tables };
  }
  attempts.push({ sql: result.sql, error: result.error, kind: result.kind });
  return { attempts };
}
