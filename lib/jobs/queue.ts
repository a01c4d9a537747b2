import type { z } from "zod";
import type { Database } from "@/db/client";
import { insertJob } from "@/db/queries/jobs";
import type { JobSpec } from "./kind";

export type EnqueueOptions = {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** At most one job per key waits or runs; queuing a second returns the first. */
  dedupeKey?: string;
  /** The graph run that asked for the job. */
  parentRunId?: string | null;
  /** Default: the kind's own. */
  maxAttempts?: number;
};

export type Enqueued = { id: number; created: boolean };

export type JobQueue<T extends Record<string, JobSpec>> = {
  enqueue<K extends keyof T & string>(kind: K, payload: z.input<T[K]["payload"]>, options?: EnqueueOptions): Promise<Enqueued>;
};

/**
 * Queues jobs of the given kinds. The payload is checked against its kind's schema before anything
 * is written, so a job that could never run is refused at the caller. `onEnqueue` lets a runner in
 * the same process start at once instead of at its next poll.
 */
export function createJobQueue<T extends Record<string, JobSpec>>(deps: {
  database: Database;
  specs: T;
  now?: () => Date;
  onEnqueue?: (kind: string) => void;
}): JobQueue<T> {
  const now = deps.now ?? (() => new Date());
  return {
    async enqueue(kind, payload, options = {}) {
      const spec = deps.specs[kind];
      if (!spec) throw new Error(`Unknown job kind "${kind}".`);
      const parsed = spec.payload.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`Invalid ${kind} job payload: ${issue.path.join(".") || "(payload)"}: ${issue.message}`);
      }
      const at = now();
      const result = await insertJob(deps.database, {
        kind,
        payload: parsed.data as Record<string, unknown>,
        runAt: options.runAt ?? at,
        maxAttempts: options.maxAttempts ?? spec.maxAttempts,
        dedupeKey: options.dedupeKey ?? null,
        parentRunId: options.parentRunId ?? null,
        now: at,
      });
      deps.onEnqueue?.(kind);
      return result;
    },
  };
}
