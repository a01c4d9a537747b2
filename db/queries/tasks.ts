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

export async function insertTask(database: Database, task: NewTask): Promise<number> {
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
