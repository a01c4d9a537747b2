import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { executeSql } from "./nodes/execute-sql";
import { generateSql } from "./nodes/generate-sql";
import { identifyTables } from "./nodes/identify-tables";
import { repairSql } from "./nodes/repair-sql";
import { summarize } from "./nodes/summarize";
import { understandQuestion } from "./nodes/understand-question";
import { validateSql } from "./nodes/validate-sql";
import { afterExecute, afterGenerate, afterRepair, afterValidate } from "./routers";
import { inputSchema, TextToSqlState } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { TextToSqlInput, TextToSqlOutput } from "./state";

/**
 * understand_question → identify_tables → generate_sql → validate_sql → [execute_sql] →
 * (repair_sql → validate_sql, at most twice) → summarize.
 */
export const workflow = new StateGraph(TextToSqlState)
  .addNode("understand_question", traced("understand_question", understandQuestion))
  .addNode("identify_tables", traced("identify_tables", identifyTables))
  .addNode("generate_sql", traced("generate_sql", generateSql))
  .addNode("validate_sql", traced("validate_sql", validateSql))
  .addNode("execute_sql", traced("execute_sql", executeSql))
  .addNode("repair_sql", traced("repair_sql", repairSql))
  .addNode("summarize", traced("summarize", summarize))
  .addEdge(START, "understand_question")
  .addEdge("understand_question", "identify_tables")
  .addEdge("identify_tables", "generate_sql")
  .addConditionalEdges("generate_sql", afterGenerate, ["validate_sql", "summarize"])
  .addConditionalEdges("validate_sql", afterValidate, ["execute_sql", "repair_sql", "summarize"])
  .addConditionalEdges("execute_sql", afterExecute, ["repair_sql", "summarize"])
  .addConditionalEdges("repair_sql", afterRepair, ["validate_sql", "summarize"])
  .addEdge("summarize", END);

export const graph = workflow.compile();
