import type { Database } from "@/db/client";
import { outboxDedupeKey, outboxRowsWithoutJob, OUTBOX_DELIVERY_KIND } from "@/db/queries/outbox";
import type { Governance } from "@/lib/mail/governor-claim";
import { deliverOutboxEntry } from "@/lib/mail/sender";
import type { MailTransport } from "@/lib/mail/transport";
import { reflectionAfterSend, rescoreAfterSend, type JobSpecs } from "../catalog";
import { PermanentJobError, type JobHandler } from "../kind";
import type { JobQueue } from "../queue";
import type { PeriodicTask } from "../runner";

export type DeliveryDeps = {
  database: Database;
  mail: { transport: MailTransport; from: string };
  queue: JobQueue<JobSpecs>;
  /** The send governor's rules, clock and mailbox zone (lib/mail/governor-claim.ts). */
  governor: Governance;
};

/**
 * Delivers one outbox row and maps the outcome onto the job: a refusal (nothing accepted) throws
 * so the runner retries with backoff and dead-letters after the last attempt, leaving the row
 * queued with its error for a person; a permanent refusal or an uncertain send is dead at once
 * and never resent; sent, blocked, or already settled is done; one the send governor postponed
 * waits, queued, until the time it predicted, without spending an attempt. A delivered email gets its
 * memory_reflect job, and its contact a rescore, in the same batch that records it.
 */
export function deliverOutbox(deps: DeliveryDeps): JobHandler<JobSpecs[typeof OUTBOX_DELIVERY_KIND]["payload"]> {
  return async ({ outboxId }, context) => {
    const outcome = await deliverOutboxEntry(deps.database, deps.mail, outboxId, { ...context, afterSend: [reflectionAfterSend(context.now(), context.parentRunId), rescoreAfterSend(context.now())] }, deps.governor);
    switch (outcome.status) {
      case "deferred":
        // The record of the deferral carried the job's reschedule to outcome.notBefore.
        return "deferred";
      case "sent":
        // The record of the send carried the job's completion (DeliveryAttempt.completeInBatch).
        return "completed";
      case "blocked":
        return;
      case "not_queued":
        if (outcome.current === "failed") {
          throw new PermanentJobError(`The message is marked failed (${outcome.lastError ?? "no reason recorded"}); a failed message is never resent automatically.`);
        }
        if (outcome.current === "missing") throw new PermanentJobError(`Outbox row ${outboxId} does not exist.`);
        return;
      case "refused":
        throw new Error(`The mail server did not take the message: ${outcome.error}`);
      case "rejected":
        throw new PermanentJobError(`The mail server refused the message: ${outcome.error}`);
      case "uncertain":
        throw new PermanentJobError(`Delivery uncertain: ${outcome.error} It is never resent automatically; check the mailbox.`);
    }
  };
}

/** How often the backstop looks for queued mail with no delivery job. */
export const OUTBOX_SWEEP_MS = 3_000;

/**
 * The backstop behind enqueueDraft: queued (or abandoned) outbox rows that have no delivery job,
 * however they were queued, get one. Dedupe keys make concurrent sweeps harmless.
 */
export function outboxSweep(deps: Pick<DeliveryDeps, "database" | "queue">, everyMs = OUTBOX_SWEEP_MS): PeriodicTask {
  return {
    name: "outbox sweep",
    everyMs,
    async run() {
      const ids = await outboxRowsWithoutJob(deps.database, 500);
      for (const outboxId of ids) await deps.queue.enqueue(OUTBOX_DELIVERY_KIND, { outboxId }, { dedupeKey: outboxDedupeKey(outboxId) });
      return ids.length;
    },
  };
}
