import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { runs } from "../schema";

export type QuestionRun = { runId: string; question: string; startedAt: Date; status: string };

/**
 * The text_to_sql runs one person asked, newest first, with the question each carried in its
 * metadata (`requested_by`, `question`, set by the analytics service when it calls the graph).
 * Runs without a question in their metadata (another caller's) are left out. Runs started in the
 * same millisecond keep the order they were recorded in (rowid).
 */
export async function listQuestionRuns(database: Database, userId: string, limit: number): Promise<QuestionRun[]> {
  const question = sql<string | null>`json_extract(${runs.metadata}, '$.question')`;
  const rows = await database
    .select({ runId: runs.id, question, startedAt: runs.startedAt, status: runs.status })
    .from(runs)
    .where(and(eq(runs.assistantId, "text_to_sql"), sql`json_extract(${runs.metadata}, '$.requested_by') = ${userId}`, sql`${question} IS NOT NULL`))
    .orderBy(desc(runs.startedAt), desc(sql`rowid`))
    .limit(limit);
  return rows.map((r) => ({ ...r, question: String(r.question) }));
}
