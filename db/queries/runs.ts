import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { runSteps, runs, type RunStatus } from "../schema";

export type RunStart = {
  id: string;
  assistantId: string;
  threadId: string | null;
  startedAt: Date;
  traceId?: string | null;
  metadata?: Record<string, unknown>;
};

export async function insertRun(database: Database, run: RunStart): Promise<void> {
  await database.insert(runs).values({ ...run, status: "running" });
}

/** Ends a run and records its node steps in one write. */
export async function finishRun(
  database: Database,
  id: string,
  outcome: { status: RunStatus; endedAt: Date; error?: string | null; runUrl?: string | null },
  steps: StepRecord[] = [],
): Promise<void> {
  const update = database.update(runs).set(outcome).where(eq(runs.id, id));
  if (steps.length === 0) {
    await update;
    return;
  }
  await database.batch([update, database.insert(runSteps).values(steps.map((s) => ({ ...s, runId: id })))]);
}

export async function getRun(database: Database, id: string) {
  const [row] = await database.select().from(runs).where(eq(runs.id, id)).limit(1);
  return row ?? null;
}

export type StepRecord = {
  node: string;
  status: "running" | "success" | "error" | "interrupted";
  startedAt: Date;
  endedAt: Date | null;
  error: string | null;
};

