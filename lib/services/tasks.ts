import "server-only";
import { db } from "@/db/client";
import { getContactOwner } from "@/db/queries/contacts";
import { getTask, insertTask, markTaskDone, openTasksOfContact, type TaskRow } from "@/db/queries/tasks";
import type { TaskKind } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { DAY_MS, systemClock, type Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";

export type { TaskRow };

export type TaskInput = {
  kind: TaskKind;
  contactId: number | null;
  companyId: number;
  title: string;
  /** Days from now it is due; null: no due date (a flag). */
  dueInDays: number | null;
  planStepId?: number | null;
};

/**
 * A follow-up task or a flag about a contact (or an account), for the contact's owner — or, when
 * the contact has none or it is about the account, for whoever made it. Reps may only make them
 * for contacts they own; operators and admins for any.
 */
export async function createTask(user: SessionUser, input: TaskInput, clock: Clock = systemClock): Promise<number> {
  let assigneeId: string | null = user.id;
  if (input.contactId !== null) {
    const owner = await getContactOwner(db(), input.contactId);
    if (owner === undefined) throw new AppError("not_found:contacts");
    if (!hasRole(user.role, "operator") && owner !== user.id) throw new AppError("forbidden:contacts", { message: "You can only add tasks to your own contacts." });
    assigneeId = owner ?? user.id;
  } else if (!hasRole(user.role, "operator")) {
    throw new AppError("forbidden:companies", { message: "Only operators and admins can add tasks to an account." });
  }
  return insertTask(db(), {
    kind: input.kind,
    contactId: input.contactId,
    companyId: input.companyId,
    title: input.title,
    dueAt: input.dueInDays === null ? null : new Date(clock.now().getTime() + input.dueInDays * DAY_MS),
    assigneeId,
    createdBy: user.id,
    planStepId: input.planStepId ?? null,
  });
}

/** A contact's open tasks and flags, for its page. */
export function openTasksFor(_user: SessionUser, contactId: number) {
  return openTasksOfContact(db(), contactId);
}

/**
 * Marks a task or flag done. Whoever it is assigned to, the contact's owner, operators and admins
 * may; anyone else is told it is not found (as for a contact they cannot see).
 */
export async function completeTask(user: SessionUser, taskId: number): Promise<{ contactId: number | null }> {
  const task = await getTask(db(), taskId);
  const owner = task?.contactId ? await getContactOwner(db(), task.contactId) : null;
  const mayDo = task && (hasRole(user.role, "operator") || task.assigneeId === user.id || (owner !== undefined && owner === user.id));
  if (!task || !mayDo) throw new AppError("not_found:contacts", { message: "That task does not exist or is not yours." });
  const done = await markTaskDone(db(), taskId);
  if (!done) throw new AppError("conflict:contacts", { message: "This task is already done." });
  return done;
}
