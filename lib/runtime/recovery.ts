import { endAbandonedRun, renewRunLeases, runningRuns, runningRunsOfThread, type RunLease } from "@/db/queries/runs";
import type { ThreadOutcome } from "@/db/queries/thread-outcome";
import { releaseStrandedThread, strandedThreads } from "@/db/queries/threads";
import type { StateSnapshotLike } from "@/graphs/spec";
import { ownerIsGone } from "./leases";
import type { RunDeps } from "./run-types";
import { continuationOf, executeContinuation } from "./runs";
import { interruptsByTask } from "./state";

export const RESTART_ERROR = "The run was interrupted by a restart: the process running it stopped before it finished.";

/** Runs cut off by a restart are carried on from their checkpoint this many times in all, then left for a person. */
export const MAX_ATTEMPTS = 3;

/** What one sweep did. */
export type RecoveryReport = {
  /** Runs whose owner was gone, marked failed by this process. */
  failed: number;
  /** Threads back to `interrupted`: their pause for a person can be answered again. */
  interrupted: number;
  /** Threads stopped mid-graph, carried on from their last checkpoint by a new run here. */
  continued: number;
  /** Threads released idle (mid-graph past the attempt limit, finished, with no checkpoint, or busy with no run). */
  released: number;
};

/** Whether the process holding a run is gone: provably (same host, no such process) or by its lapsed lease. */
export function abandoned(run: Pick<RunLease, "owner" | "leaseUntil">, now: number): boolean {
  return ownerIsGone(run.owner) || run.leaseUntil === null || run.leaseUntil.getTime() < now;
}

/**
 * Finds runs whose process is gone and settles each: the run is marked failed ("interrupted by a
 * restart") and its thread released: back to `interrupted` when its last checkpoint waits on a
 * person, carried on from that checkpoint when it stopped mid-graph, idle otherwise. Every step is
 * a conditional write, so two processes sweeping together settle each run once.
 */
export async function recoverAbandoned(deps: RunDeps, now = Date.now()): Promise<RecoveryReport> {
  const report: RecoveryReport = { failed: 0, interrupted: 0, continued: 0, released: 0 };
  // This process's own runs count only if they are not in flight here (and their lease lapsed).
  const candidates = (await runningRuns(deps.database)).filter((run) => !deps.active.has(run.id) && abandoned(run, now));
  for (const run of candidates) {
    const settled = await settle(deps, run, { status: "error", error: RESTART_ERROR, carryOn: true });
    if (settled === "lost" || settled === "deferred") continue;
    report.failed += 1;
    if (settled !== "ended") report[settled] += 1;
  }
  report.released += await releaseStranded(deps, now);
  return report;
}

/** Cancels a run whose process is gone. "live" when its owner still holds its lease. */
export async function cancelAbandoned(deps: RunDeps, run: RunLease): Promise<"cancelled" | "live"> {
  if (!abandoned(run, Date.now())) return "live";
  const settled = await settle(deps, run, { status: "cancelled", error: "The run was cancelled after the process running it had stopped.", carryOn: false });
  return settled === "lost" ? "live" : "cancelled";
}

/** Settles the abandoned runs of one thread (before it is deleted); false when one is still held by a live process. */
export async function releaseAbandonedRuns(deps: RunDeps, threadId: string): Promise<boolean> {
  for (const run of await runningRunsOfThread(deps.database, threadId)) {
    if (run.owner === deps.owner || (await cancelAbandoned(deps, run)) === "live") return false;
  }
  return true;
}

/** Extends the leases of the runs in flight here: one UPDATE for all of them. */
export async function renewLeases(deps: RunDeps): Promise<void> {
  await renewRunLeases(deps.database, deps.owner, [...deps.active.keys()], new Date(Date.now() + deps.lease.leaseMs));
}

type Settled = "lost" | "deferred" | "ended" | "interrupted" | "continued" | "released";

/**
 * Ends one abandoned run and settles its thread from the thread's last checkpoint, read first so
 * that the end and the thread's new state (or the run that carries it on) are one write.
 */
async function settle(deps: RunDeps, run: RunLease, end: { status: "error" | "cancelled"; error: string; carryOn: boolean }): Promise<Settled> {
  const outcome = { status: end.status, error: end.error, endedAt: new Date() };
  if (!run.threadId) return (await endAbandonedRun(deps.database, run, outcome)) ? "ended" : "lost";
  const thread = { ...run, threadId: run.threadId };
  const read = await lastCheckpoint(deps, run.assistantId, run.threadId);
  // A checkpoint that cannot be read now is read again by the next sweep: settling on a guess
  // could release a thread that should be carried on (or run an input twice).
  if (read === "unreadable" && end.carryOn) return "deferred";
  const next = threadAfter(run, read === "unreadable" ? null : read, end.error);
  const attempt = Number(run.metadata?.attempt ?? 1);
  if (next.status !== "waiting" && next.status !== "done" && end.carryOn && attempt < MAX_ATTEMPTS && deps.registry.get(run.assistantId)) {
    const from = { id: run.id, assistantId: run.assistantId, threadId: run.threadId, metadata: run.metadata ?? {}, kwargs: run.kwargs };
    const start = continuationOf(deps, from, attempt + 1, next.status === "not-started" ? "input" : "checkpoint");
    if (!(await endAbandonedRun(deps.database, thread, outcome, { continueWith: start }))) return "lost";
    await executeContinuation(deps, start);
    return "continued";
  }
  if (!(await endAbandonedRun(deps.database, thread, outcome, { release: next.release }))) return "lost";
  return next.release.status === "interrupted" ? "interrupted" : "released";
}

/**
 * How a thread is left once its run is gone, from its last checkpoint: waiting on a person
 * (`interrupted`, with its interrupts); stopped mid-graph (to be carried on from there); its
 * input never checkpointed (to be run again: the process died before the run's first checkpoint
 * reached the file, while its nodes may already have written elsewhere, so a thread released
 * idle would hold their work, a stored draft say, with nothing to carry it on); or done.
 */
function threadAfter(
  /** The run that was cut off; null for a thread left busy with no run (nothing to run again). */
  run: Pick<RunLease, "id" | "kwargs"> | null,
  snapshot: StateSnapshotLike | null,
  error: string,
): { status: "waiting" | "mid-graph" | "not-started" | "done"; release: ThreadOutcome } {
  const values = snapshot ? ((snapshot.values ?? {}) as Record<string, unknown>) : undefined;
  const interrupts = snapshot ? interruptsByTask(snapshot) : {};
  if (Object.keys(interrupts).length) return { status: "waiting", release: { status: "interrupted", values, interrupts } };
  const carryOn = `${error} Carry on from its last checkpoint with a run without input.`;
  // Tasks left at the checkpoint, even ones whose writes were saved (LangGraph leaves those out of
  // `next`): the process died before the checkpoint that would have followed them.
  if ((snapshot?.tasks.length ?? 0) > 0) return { status: "mid-graph", release: { status: "idle", values, error: carryOn } };
  if (run?.kwargs && run.kwargs.input != null && snapshot?.metadata?.run_id !== run.id) {
    return { status: "not-started", release: { status: "idle", values, error: `${error} Its input never reached a checkpoint: run it again.` } };
  }
  return { status: "done", release: { status: "idle", values, error } };
}

/**
 * Releases threads busy with no run at all for a lease period (a claim from before claims and
 * runs were one write, or a hand edit), from their last checkpoint like an abandoned run's.
 */
async function releaseStranded(deps: RunDeps, now: number): Promise<number> {
  let released = 0;
  for (const thread of await strandedThreads(deps.database, new Date(now - deps.lease.leaseMs))) {
    const snapshot = thread.assistantId ? await lastCheckpoint(deps, thread.assistantId, thread.threadId) : null;
    const read = snapshot === "unreadable" ? null : snapshot;
    if (await releaseStrandedThread(deps.database, thread.threadId, threadAfter(null, read, RESTART_ERROR).release)) released += 1;
  }
  return released;
}

/**
 * The thread's last checkpoint; null when it has none or its graph cannot be loaded here;
 * "unreadable" when reading it failed.
 */
async function lastCheckpoint(deps: RunDeps, assistantId: string, threadId: string): Promise<StateSnapshotLike | null | "unreadable"> {
  if (!deps.registry.get(assistantId)) return null;
  try {
    const graph = (await deps.cache.get(assistantId)).persistent;
    if (!graph) return null;
    const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
    return snapshot.config?.configurable?.checkpoint_id ? snapshot : null;
  } catch (e) {
    console.error(`[runtime] could not read the last checkpoint of thread ${threadId}; the next sweep tries again`, e);
    return "unreadable";
  }
}
