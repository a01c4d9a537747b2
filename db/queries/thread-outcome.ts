import type { ThreadStatus } from "../schema";

// How a run leaves its thread, shared by the write that ends a run (runs.ts) and the thread's own
// writes (threads.ts), which also records runs: one module below both keeps them apart.

export type ThreadOutcome = {
  status: Exclude<ThreadStatus, "busy">;
  values?: Record<string, unknown> | null;
  error?: string | null;
  /** Pending interrupts by task id; cleared when omitted. */
  interrupts?: Record<string, unknown[]>;
};

/** The columns a run's end sets on its thread. */
export function threadOutcomeColumns(outcome: ThreadOutcome) {
  return {
    status: outcome.status,
    ...(outcome.values !== undefined ? { values: outcome.values } : {}),
    error: outcome.error ?? null,
    interrupts: outcome.interrupts ?? {},
    updatedAt: new Date(),
  };
}
