import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { drafts, runSteps } from "../schema";

/** A run's node steps in the order they started. */
export async function listRunSteps(database: Database, runId: string) {
  return database.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.startedAt), asc(runSteps.id));
}

export type RunStepRow = Awaited<ReturnType<typeof listRunSteps>>[number];

/**
 * Whether a draft assigned to this rep came from the run. A draft's thread is the run's thread
 * (the approval resumes it in a second run), so the indexed thread lookup covers both runs.
 */
export async function runHasDraftFor(database: Database, run: { id: string; threadId: string | null }, repId: string): Promise<boolean> {
  const match = run.threadId ? eq(drafts.threadId, run.threadId) : eq(drafts.runId, run.id);
  const [row] = await database.select({ id: drafts.id }).from(drafts).where(and(match, eq(drafts.assignedRepId, repId))).limit(1);
  return row !== undefined;
}
