import "server-only";
import type { Database } from "@/db/client";
import { db } from "@/db/client";
import { contactIdsOfCompany, contactPosition, getContactScore, scoreCoverage, type StoredContactScore } from "@/db/queries/scores";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { jobQueue } from "@/lib/jobs/instance";
import { contactScoreDedupeKey } from "@/lib/jobs/catalog";
import { graphClient } from "@/lib/langgraph/instance";
import { scoreAllContactsOffline, scoreContactsAfter, scoreContactsOffline, type ScoreSummary } from "@/lib/scoring/bulk";
import { rankScores } from "@/lib/scoring/rules";

export type { ScoreSummary };

/** Most contacts one "Score selected" runs through the graph (one model call each); more go to the rules. */
export const MAX_MODEL_SCORED = 50;

export type ScoreOptions = {
  /** Who asked (a user id; recorded on the graph runs as `requested_by`), or null for the system. */
  by: string | null;
  /**
   * `model`: each contact through the score_contact graph (the role fit is the model's, or the
   * keyword rules labelled rule_based_fallback when it cannot answer), at most MAX_MODEL_SCORED;
   * `rules` (default): in-process with the keyword rules, in batches — the path for many contacts.
   */
  path?: "model" | "rules";
};

/**
 * Scores the given contacts and stores each score; returns them ranked, highest first and equal
 * scores by ascending contact id. Unknown ids are skipped. The action the CRM orchestrator's
 * "score" step and the contacts list's "Score selected" both call.
 */
export async function scoreContacts(database: Database, contactIds: readonly number[], options: ScoreOptions): Promise<ScoreSummary[]> {
  if (options.path !== "model") return scoreContactsOffline(database, contactIds);
  const ids = [...new Set(contactIds)];
  if (ids.length > MAX_MODEL_SCORED) throw new AppError("bad_request:contacts", { message: `At most ${MAX_MODEL_SCORED} contacts are scored with the model at once; score more with the rules.` });
  const out: ScoreSummary[] = [];
  for (const contactId of ids) {
    const { values } = await graphClient().run("score_contact", { contactId }, options.by ? { metadata: { requested_by: options.by, contact_id: contactId } } : undefined);
    const d = values.decision;
    if (d) out.push({ contactId: d.contactId, score: d.score, tier: d.tier, source: d.source });
  }
  return rankScores(out);
}

/** Every contact scored with the rules, in batches; `onProgress` hears how many are done. */
export async function scoreAllContacts(database: Database, onProgress?: (done: number) => void): Promise<{ scored: number }> {
  return scoreAllContactsOffline(database, { onProgress: onProgress && ((p) => onProgress(p.done)) });
}

type Queue = Pick<ReturnType<typeof jobQueue>, "enqueue">;

/**
 * Queues a rescore of each contact (a change to it, its company or its outcomes); at most one
 * waits per contact. Never rejects: a rescore that cannot be queued is logged, and the change that
 * asked for it (an inbound reply, a company edit) stands — the next bulk score catches it up.
 */
export async function queueRescore(contactIds: readonly number[], because: string, queue: Queue = jobQueue()): Promise<void> {
  for (const contactId of new Set(contactIds)) {
    try {
      await queue.enqueue("contact_score", { contactId, because: because.slice(0, 200) }, { dedupeKey: contactScoreDedupeKey(contactId) });
    } catch (e) {
      console.error(`[contact_score] could not queue a rescore of contact ${contactId} (${because})`, e);
    }
  }
}

/** Queues a rescore of every contact of a company whose authority signals changed. */
export async function queueCompanyRescore(companyId: number, because: string, queue: Queue = jobQueue()): Promise<void> {
  await queueRescore(await contactIdsOfCompany(db(), companyId), because, queue);
}

/** A contact's stored score, for its page; null when it was never scored. */
export async function contactScore(_user: SessionUser, contactId: number): Promise<StoredContactScore | null> {
  return getContactScore(db(), contactId);
}

/** How many contacts have a score, for the list's bulk-scoring progress. */
export async function scoringCoverage(): Promise<{ contacts: number; scored: number }> {
  return scoreCoverage(db());
}

/** Contacts one "Score all" call scores before it answers with its progress. */
export const SCORE_ALL_STEP = 5_000;

/**
 * One step of an operator's "Score all": the next SCORE_ALL_STEP contacts after `afterId`, by the rules.
 * The list calls it until `lastId` is null, showing `done`/`total` between calls, so progress is
 * real and a closed tab leaves every finished step stored.
 */
export async function scoreAllStep(user: SessionUser, afterId: number): Promise<{ scored: number; lastId: number | null; position: number; total: number }> {
  // Every contact, other reps' too: not a rep's to start.
  if (!hasRole(user.role, "operator")) throw new AppError("forbidden:contacts", { message: "Only operators and admins score every contact; score your own with Score selected." });
  const { scored, lastId } = await scoreContactsAfter(db(), afterId, SCORE_ALL_STEP);
  const { position, total } = await contactPosition(db(), lastId);
  return { scored, lastId: scored < SCORE_ALL_STEP ? null : lastId, position, total };
}

/** A rep's "Score selected": each contact through score_contact (the model judges role fit when it can). */
export async function scoreSelected(user: SessionUser, contactIds: number[]): Promise<ScoreSummary[]> {
  return scoreContacts(db(), contactIds, { by: user.id, path: "model" });
}
