import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { tasks, users, type TaskKind } from "../schema";

export type NewTask = {
  kind: TaskKind;
  contactId: number | null;
  companyId: number | null;
  title: string;
  dueAt: Date | null;
  assigneeId: string | null;
  createdBy: string | null;
  planStepId: number | null;
};

/**
 * Stores a task; one per plan step: a step run again (its first run cut off by a restart after
 * the insert) gets the task it already made.
 */
export async function insertTask(database: Database, task: NewTask): Promise<number> {
  if (task.planStepId !== null) {
    const [made] = await database.select({ id: tasks.id }).from(tasks).where(eq(tasks.planStepId, task.planStepId)).limit(1);
    if (made) return made.id;
  }
  const [row] = await database.insert(tasks).values(task).returning({ id: tasks.id });
  return row!.id;
}

export async function getTask(database: Database, id: number) {
  const [row] = await database.select().from(tasks).where(eq(tasks.id, id)).limit(1);
  return row ?? null;
}

export type TaskRow = NonNullable<Awaited<ReturnType<typeof getTask>>>;

/** A contact's open tasks and flags, soonest due first (undated last), with who should do them. */
export function openTasksOfContact(database: Database, contactId: number) {
  return database
    .select({ id: tasks.id, kind: tasks.kind, title: tasks.title, dueAt: tasks.dueAt, assigneeName: users.name, createdAt: tasks.createdAt })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(eq(tasks.contactId, contactId), eq(tasks.status, "open")))
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(50);
}

/** Marks an open task done; null when it is not open (already done, or gone). */
export async function markTaskDone(database: Database, id: number): Promise<{ contactId: number | null } | null> {
  const [row] = await database.update(tasks).set({ status: "done" }).where(and(eq(tasks.id, id), eq(tasks.status, "open"))).returning({ contactId: tasks.contactId });
  return row ?? null;
}
