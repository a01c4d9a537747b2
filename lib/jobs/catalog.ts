import { z } from "zod";
import { DRAFT_DECISION_KIND } from "@/db/queries/drafts";
import { CAMPAIGN_WAKE_ATTEMPTS, CAMPAIGN_WAKE_KIND } from "@/db/queries/enrollments";
import { OUTBOX_DELIVERY_ATTEMPTS, OUTBOX_DELIVERY_KIND } from "@/db/queries/outbox";
import type { JobSpec } from "./kind";

const id = z.number().int().positive();

/**
 * Every kind of background job the console runs, with its payload and policy, most urgent first
 * (a runner claims in this order). Handlers are bound to these in handlers.ts; callers queue
 * through `jobQueue().enqueue(kind, payload)`, typed by it.
 */
export const JOB_SPECS = {
  /**
   * A console approval whose undo window has passed: resumes the draft's paused thread with it
   * (kinds/draft-decision.ts). Until then nothing of the send path has started, so undo is the
   * deletion of this job while it still waits.
   */
  [DRAFT_DECISION_KIND]: {
    payload: z.object({
      draftId: id,
      threadId: z.string().min(1),
      decision: z.discriminatedUnion("type", [
        z.object({ type: z.literal("accept") }),
        z.object({ type: z.literal("edit"), subject: z.string().min(1).max(200), body: z.string().min(1).max(10_000) }),
      ]),
      decidedBy: z.string().nullable(),
    }),
    maxAttempts: 5,
    // Its run resumes the orchestrator (the standard 90 s budget).
    leaseMs: 120_000,
    backoff: { baseMs: 5_000, maxMs: 5 * 60_000 },
  },
  /** Sends one outbox row (lib/mail/sender.ts). Retried only while nothing can have been delivered. */
  [OUTBOX_DELIVERY_KIND]: {
    payload: z.object({ outboxId: id }),
    maxAttempts: OUTBOX_DELIVERY_ATTEMPTS,
    leaseMs: 30_000,
    // Long enough for a greylisting server (4xx for the first minutes) to let the message in.
    backoff: { baseMs: 30_000, maxMs: 15 * 60_000 },
  },
  /**
   * Wakes one campaign thread (kinds/campaign-wake.ts): its first run, its next touch when the
   * wake time has come, or its end when a stop rule ended the enrollment. Queued by the
   * scheduler's tick (one per enrollment at a time) and by the stop-rule hooks.
   */
  [CAMPAIGN_WAKE_KIND]: {
    payload: z.object({
      enrollmentId: id,
      threadId: z.string().min(1),
      wakeAt: z.number().nullable().optional(),
      /** The wake time the tick wrote as its claim; the handler only moves the wake if it is still this. */
      claimUntil: z.number().nullable().optional(),
    }),
    maxAttempts: CAMPAIGN_WAKE_ATTEMPTS,
    // Renewed while the run works (plan, compose: up to the 180 s thinking budget); a dead worker's wake is taken again after a minute.
    leaseMs: 60_000,
    backoff: { baseMs: 10_000, maxMs: 10 * 60_000 },
    // Drafting is slow work; urgent kinds (approvals, delivery) keep their share of the runner.
    maxRunning: 2,
  },
  /**
   * What an inbound message does to its contact's campaigns (stop, withdraw, pause for an
   * out-of-office), queued with the message itself (kinds/inbound-campaigns.ts). The receiving
   * request applies it at once and withdraws the job; the job is there for a receiver that died
   * in between. Applying it twice changes nothing.
   */
  inbound_campaigns: {
    payload: z.object({ contactId: id, emailId: id, label: z.string().min(1).max(40), returnDate: z.string().max(10).nullable(), at: z.number().int() }),
    maxAttempts: 5,
    leaseMs: 30_000,
    backoff: { baseMs: 10_000, maxMs: 5 * 60_000 },
  },
  /** Turns one email into memory for the next draft (memory_reflect graph). Fire-and-forget. */
  memory_reflect: {
    payload: z.object({ contactId: id, emailId: id }),
    maxAttempts: 3,
    // Its run has the background budget of 20 s; a model call may take most of it.
    leaseMs: 60_000,
    backoff: { baseMs: 10_000, maxMs: 5 * 60_000 },
    maxRunning: 2,
  },
  /**
   * Rescores one contact (score_contact graph) after a change to it, its company or its outcomes.
   * At most one waits per contact (contactScoreDedupeKey); it reads the contact when it runs.
   */
  contact_score: {
    payload: z.object({ contactId: id, because: z.string().min(1).max(200) }),
    maxAttempts: 3,
    // Its run has the background budget of 20 s; the role-fit call may take most of it.
    leaseMs: 60_000,
    backoff: { baseMs: 10_000, maxMs: 5 * 60_000 },
    maxRunning: 2,
  },
  /**
   * Imports one uploaded lead CSV (lib/leads/run-import.ts). A retry resumes after the last batch
   * written, so an attempt lost to a crash costs only its unwritten batch. One at a time: an import
   * is a stream of write batches, and two would only take turns on the database.
   */
  lead_import: {
    payload: z.object({ importId: id }),
    maxAttempts: 3,
    leaseMs: 60_000,
    backoff: { baseMs: 5_000, maxMs: 60_000 },
    maxRunning: 1,
  },
} satisfies Record<string, JobSpec>;

export type JobSpecs = typeof JOB_SPECS;
export type JobName = keyof JobSpecs;
export type JobPayload<K extends JobName> = z.output<JobSpecs[K]["payload"]>;

/** At most one reflection per email waits or runs: its key is this and the email's id. */
export const MEMORY_DEDUPE_PREFIX = "memory_reflect:";

/** The reflection a delivery queues in the same batch as the email it records. */
export const reflectionAfterSend = (runAt: Date, parentRunId: string | null = null) =>
  ({ kind: "memory_reflect", maxAttempts: JOB_SPECS.memory_reflect.maxAttempts, runAt, dedupePrefix: MEMORY_DEDUPE_PREFIX, parentRunId }) satisfies { kind: JobName } & Record<string, unknown>;

/** The campaign follow-up of one inbound email, keyed by the email (the key ends where the id goes). */
export const INBOUND_CAMPAIGNS_KEY_PREFIX = "inbound_campaigns:";
/** How long the receiving request has to apply an inbound email's campaign effects before its job does. */
export const INBOUND_CAMPAIGNS_GRACE_MS = 60_000;

const CONTACT_SCORE_DEDUPE_PREFIX = "contact_score:";
/** At most one rescore per contact waits or runs. */
export const contactScoreDedupeKey = (contactId: number) => `${CONTACT_SCORE_DEDUPE_PREFIX}${contactId}`;

/** The rescore a delivery queues in the same batch: a sent email changes the contact's engagement terms. */
export const rescoreAfterSend = (runAt: Date) =>
  ({
    kind: "contact_score", maxAttempts: JOB_SPECS.contact_score.maxAttempts, runAt, dedupePrefix: CONTACT_SCORE_DEDUPE_PREFIX, keyBy: "contact" as const, extra: { because: "outbound email sent" },
  }) satisfies { kind: JobName } & Record<string, unknown>;
