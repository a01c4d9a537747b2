import type { BatchItem } from "drizzle-orm/batch";
import type { z } from "zod";

/** Exponential backoff between attempts: `baseMs`, doubling each attempt, at most `maxMs`. */
export type Backoff = { baseMs: number; maxMs: number };

/** A kind's policy: how its payload looks, how often and how long it may run. */
export type JobSpec<S extends z.ZodType = z.ZodType> = {
  /** Checked when the job is queued and again before it runs. */
  payload: S;
  maxAttempts: number;
  /** How long one attempt may hold the job before another worker may take it (renewed while it runs). */
  leaseMs: number;
  backoff: Backoff;
  /**
   * Most jobs of this kind one runner runs at once (default: all its slots). Keeps slow work
   * (a model call) from taking every slot while mail waits.
   */
  maxRunning?: number;
};

/** What a handler knows about the attempt it runs. */
export type JobContext = {
  jobId: number;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** When the current lease ends (it is renewed while the handler runs). */
  leaseUntil: Date;
  parentRunId: string | null;
  /** The runner's clock. */
  now: () => Date;
  /** Aborted when the lease is lost (another worker may take the job) or the runner stops hard. */
  signal: AbortSignal;
  /**
   * A statement that marks this attempt done, for a handler whose last write is a batch: put it
   * in that batch and the work and the job's completion commit together (one transaction fewer,
   * and no window where the work is done but the job still pending). A handler whose batch with
   * it committed returns "completed"; otherwise the runner completes the job itself.
   */
  completeInBatch: () => BatchItem<"sqlite">;
  /**
   * A statement that puts this job back to wait until `runAt` without spending an attempt (the
   * work is postponed, not failed: a send outside its window). A handler whose batch with it
   * committed returns "deferred".
   */
  deferInBatch: (runAt: Date) => BatchItem<"sqlite">;
};

/**
 * Resolves when the attempt succeeded ("completed": the handler's own batch completed the job;
 * "deferred": its batch rescheduled the job through `deferInBatch`).
 */
export type JobHandler<S extends z.ZodType> = (payload: z.output<S>, context: JobContext) => Promise<void | "completed" | "deferred">;

/** A kind the runner can run: its spec and its handler. */
export type JobKind<S extends z.ZodType = z.ZodType> = JobSpec<S> & { handle: JobHandler<S> };

// Handlers take each kind's own payload type; the runner only ever calls one with a payload its
// kind's schema parsed, so the registry may hold them under the common type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobKinds = Record<string, JobKind<any>>;

export type HandlersFor<T extends Record<string, JobSpec>> = { [K in keyof T]: JobHandler<T[K]["payload"]> };

/** Pairs each spec with its handler; a missing or extra handler does not compile. */
export function bindHandlers<T extends Record<string, JobSpec>>(specs: T, handlers: HandlersFor<T>): { [K in keyof T]: JobKind<T[K]["payload"]> } {
  return Object.fromEntries(Object.entries(specs).map(([kind, spec]) => [kind, { ...spec, handle: handlers[kind as keyof T] }])) as {
    [K in keyof T]: JobKind<T[K]["payload"]>;
  };
}

/** Thrown by a handler when retrying cannot help: the job is dead-lettered at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

/**
 * The wait before attempt `attempt + 1` after `attempt` failed: `baseMs · 2^(attempt-1)`, capped,
 * then "equal jitter" (half fixed, half random) so jobs that failed together do not retry together.
 */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const full = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + random() * (full / 2));
}
