"use server";
import { runAction } from "@/lib/actions";
import { askQuestion, AskInput, ReportInput, runCatalogueReport, runEditedSql, SqlInput } from "@/lib/services/analytics";

/** Asks the text_to_sql graph; the run is recorded with who asked, so it joins their history. */
export async function askQuestionAction(input: { question: string }) {
  return runAction("analytics", "operator", AskInput, input, async (user, data) => ({ answer: await askQuestion(user, data) }));
}

/** Runs SQL the operator edited, through the same gate and read-only path as the graph's. */
export async function runSqlAction(input: { sql: string; title?: string }) {
  return runAction("analytics", "operator", SqlInput, input, async (user, data) => ({ answer: await runEditedSql(user, data) }));
}

/** Runs a catalogue report directly, without a question. */
export async function runReportAction(input: { reportId: string }) {
  return runAction("analytics", "operator", ReportInput, input, async (user, data) => ({ answer: await runCatalogueReport(user, data) }));
}
