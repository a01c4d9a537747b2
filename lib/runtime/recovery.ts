import { endAbandonedRun, renewRunLeases, runningRunsElsewhere, runningRunsOfThread, type RunLease } from "@/db/queries/runs";
import { releaseAbandonedThread } from "@/db/queries/threads";
import type { StateSnapshotLike } from "@/graphs/spec";
import { ownerIsGone } from "./leases";
import { continueRun, type RunDeps } from "./runs";
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
  /** Threads released idle (mid-graph past the attempt limit, finished, or with no checkpoint). */
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
  const candidates = (await runningRunsElsewhere(deps.database, deps.owner)).filter((run) => abandoned(run, now));
  for (const run of candidates) {
    const settled = await settle(deps, run, { status: "error", error: RESTART_ERROR, carryOn: true });
    if (settled === "lost") continue;
    report.failed += 1;
    if (settled !== "ended") report[settled] += 1;
  }
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

type Settled = "lost" | "ended" | "interrupted" | "continued" | "released";

async function settle(deps: RunDeps, run: RunLease, end: { status: "error" | "cancelled"; error: string; carryOn: boolean }): Promise<Settled> {
  if (!(await endAbandonedRun(deps.database, run, { status: end.status, error: end.error, endedAt: new Date() }))) return "lost";
  if (!run.threadId) return "ended";
  const snapshot = await lastCheckpoint(deps, run.assistantId, run.threadId);
  const values = snapshot ? ((snapshot.values ?? {}) as Record<string, unknown>) : undefined;
  const interrupts = snapshot ? interruptsByTask(snapshot) : {};
  if (Object.keys(interrupts).length) {
    await releaseAbandonedThread(deps.database, run.threadId, { status: "interrupted", values, interrupts });
    return "interrupted";
  }
  const midGraph = (snapshot?.next.length ?? 0) > 0;
  const attempt = Number(run.metadata?.attempt ?? 1);
  if (midGraph && end.carryOn && attempt < MAX_ATTEMPTS) {
    try {
      await continueRun(deps, { id: run.id, assistantId: run.assistantId, threadId: run.threadId, metadata: run.metadata ?? {} }, attempt + 1);
      return "continued";
    } catch (e) {
      console.error(`[runtime] could not carry on thread ${run.threadId} after a restart`, e);
    }
  }
  const error = midGraph ? `${end.error} Carry on from its last checkpoint with a run without input.` : end.error;
  await releaseAbandonedThread(deps.database, run.threadId, { status: "idle", values, error });
  return "released";
}

/** The thread's last checkpoint, or null when it has none or its graph cannot be loaded here. */
async function lastCheckpoint(deps: RunDeps, assistantId: string, threadId: string): Promise<StateSnapshotLike | null> {
  if (!deps.registry.get(assistantId)) return null;
  try {
    const graph = (await deps.cache.get(assistantId)).persistent;
    if (!graph) return null;
    const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
    return snapshot.config?.configurable?.checkpoint_id ? snapshot : null;
  } catch (e) {
    console.error(`[runtime] could not read the last checkpoint of thread ${threadId}`, e);
    return null;
  }
}
