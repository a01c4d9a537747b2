import { tablesFromKeywords } from "../rules";
import type { TextToSqlStateType } from "../state";

/** The model's tables when it named any allowed ones, else the question's keywords. */
export function identifyTables(state: TextToSqlStateType): Partial<TextToSqlStateType> {
  return { tables: state.tables?.length ? state.tables : tablesFromKeywords(state.question) };
}
