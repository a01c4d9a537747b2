import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { runs, type RunStatus } from "../schema";

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

export async function finishRun(
  database: Database,
  id: string,
  outcome: { status: RunStatus; endedAt: Date; error?: string | null; runUrl?: string | null },
): Promise<void> {
  await database.update(runs).set(outcome).where(eq(runs.id, id));
}

export async function getRun(database: Database, id: string) {
  const [row] = await database.select().from(runs).where(eq(runs.id, id)).limit(1);
  return row ?? null;
}
