import { gateSql } from "@/lib/analytics/sql-gate";
import type { TextToSqlStateType } from "../state";

/** The gate, again for every SQL the loop produces: a repair is checked like a first draft. */
export function validateSql(state: TextToSqlStateType): Partial<TextToSqlStateType> {
  const gate = gateSql(state.sql!);
  if (gate.ok) return { validation: { ok: true, reason: null }, sql: gate.sql };
  return {
    validation: { ok: false, reason: gate.reason },
    attempts: [...(state.attempts ?? []), { sql: state.sql!, error: `Rejected by the SQL gate (${gate.layer}): ${gate.reason}`, kind: "rejected" }],
  };
}
