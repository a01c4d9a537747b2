import type { StateSnapshotLike } from "@/graphs/spec";

/** A thread's pending interrupts by task id, as LangGraph Server lists them on the thread. */
export type TaskInterrupts = Record<string, { id?: string; value?: unknown }[]>;

/** The interrupts a checkpoint is waiting on, by task; empty when it waits on none. */
export function interruptsByTask(snapshot: Pick<StateSnapshotLike, "tasks">): TaskInterrupts {
  const pending: TaskInterrupts = {};
  for (const task of snapshot.tasks) {
    if (task.interrupts.length) pending[task.id] = task.interrupts.map((i) => ({ id: i.id, value: i.value }));
  }
  return pending;
}
