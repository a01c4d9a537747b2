import type { Database } from "@/db/client";
import { getDraft } from "@/db/queries/drafts";
import { CAMPAIGN_WAKE_KIND, campaignThreadName, getEnrollment, queueDueWakes, settleWake } from "@/db/queries/enrollments";
import type { Fleet } from "@/graphs/registry";
import type { GraphClient } from "@/lib/langgraph/client";
import { isAppError } from "@/lib/errors";
import type { JobSpecs } from "../catalog";
import type { JobHandler } from "../kind";
import type { PeriodicTask } from "../runner";

export type WakeDeps = { database: Database; graphs: Pick<GraphClient<Fleet>, "run" | "resume" | "getState"> };

/** What a campaign thread waits on, read from its pending interrupt. */
type Pending =
  | { kind: "sleep"; wakeAt: number | null; hold: boolean }
  | { kind: "approval"; draftId: number }
  | { kind: "none"; ended: boolean };

function pendingOf(state: { next?: readonly string[]; tasks?: readonly { interrupts?: readonly { value?: unknown }[] }[] }): Pending {
  const value = state.tasks?.flatMap((t) => t.interrupts ?? []).map((i) => i.value)[0] as Record<string, unknown> | undefined;
  if (value?.kind === "sleep") return { kind: "sleep", wakeAt: typeof value.wake_at === "string" ? Date.parse(value.wake_at) : null, hold: value.hold === true };
  if (value?.kind === "approval") {
    const args = (value.action_request as { args?: { draft_id?: unknown } } | undefined)?.args;
    return { kind: "approval", draftId: Number(args?.draft_id) };
  }
  return { kind: "none", ended: (state.next?.length ?? 0) === 0 };
}

const LIVE = new Set(["active", "paused"]);

/**
 * Wakes one campaign thread through the typed client (so it works on the embedded runtime and on
 * LangGraph Platform alike), by what the thread waits on:
 * - no thread yet: its first run starts (plan, first touch);
 * - asleep: resumed when its time has come (or at once for a hold, or when the enrollment ended,
 *   so the thread ends); woken early, its wake is set back to the time it sleeps until;
 * - waiting for approval: resumed `withdrawn` when its draft was withdrawn, else left to the
 *   person (no wake until they decide);
 * Resuming a thread twice is harmless: a second resume of an answered interrupt is refused (409),
 * and sends are exactly once per draft. A busy thread (422) is retried by the runner.
 */
export function wakeCampaignThread(deps: WakeDeps): JobHandler<JobSpecs[typeof CAMPAIGN_WAKE_KIND]["payload"]> {
  return async ({ enrollmentId, threadId, claimUntil }, context) => {
    const enrollment = await getEnrollment(deps.database, enrollmentId);
    if (!enrollment) return;
    const now = context.now();
    const at = now.toISOString();
    const live = LIVE.has(enrollment.status);
    let state;
    try {
      state = await deps.graphs.getState(threadId);
    } catch (e) {
      if (!isAppError(e) || e.status !== 404) throw e;
      state = null;
    }
    if (!state || (Object.keys((state.values as object | null) ?? {}).length === 0 && (state.next?.length ?? 0) === 0)) {
      const metadata = { campaign_thread: campaignThreadName(enrollment.campaignId, enrollment.contactId), campaign_id: enrollment.campaignId, contact_id: enrollment.contactId };
      if (live) await deps.graphs.run("campaign", { campaignId: enrollment.campaignId, contactId: enrollment.contactId, at }, { threadId, metadata });
      return;
    }
    const pending = pendingOf(state);
    if (pending.kind === "sleep") {
      const due = !live || pending.hold || pending.wakeAt === null || pending.wakeAt <= now.getTime();
      if (due) await resumeOnce(deps, threadId, { type: "wake", at });
      else await settleWake(deps.database, enrollmentId, claimUntil ?? null, new Date(pending.wakeAt!));
      return;
    }
    if (pending.kind === "approval") {
      const draft = await getDraft(deps.database, pending.draftId);
      if (!live || draft?.status === "withdrawn") await resumeOnce(deps, threadId, { type: "withdrawn", at });
      else await settleWake(deps.database, enrollmentId, claimUntil ?? null, null);
      return;
    }
    if (pending.ended) await settleWake(deps.database, enrollmentId, claimUntil ?? null, null);
    else throw new Error(`Campaign thread ${threadId} stopped between steps (a failed run); it is retried.`);
  };
}

/** Resumes a thread; one already resumed by someone else (409: nothing to answer) is left alone. */
async function resumeOnce(deps: WakeDeps, threadId: string, value: { type: "wake" | "withdrawn"; at: string }): Promise<void> {
  try {
    await deps.graphs.resume("campaign", threadId, value);
  } catch (e) {
    if (isAppError(e) && e.status === 409) return;
    throw e;
  }
}

/** How often a runner looks for due campaign threads, and how long a claimed wake waits before it is due again. */
export const CAMPAIGN_TICK_MS = 5_000;
export const WAKE_CLAIM_MS = 15 * 60_000;
/** Wakes queued per tick; the next tick takes the rest. */
const WAKES_PER_TICK = 1_000;

/**
 * The campaign scheduler's tick, in every runner's periodic loop: due enrollments (one indexed
 * query) get a campaign_wake job each, claimed by moving their wake forward in the same batch,
 * so two processes ticking together queue each wake once.
 */
export function campaignTick(deps: Pick<WakeDeps, "database">, everyMs = CAMPAIGN_TICK_MS): PeriodicTask {
  return {
    name: "campaign wake-ups",
    everyMs,
    run: (now) => queueDueWakes(deps.database, now, new Date(now.getTime() + WAKE_CLAIM_MS), WAKES_PER_TICK),
  };
}
