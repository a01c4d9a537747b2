import { desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { drafts, objectionCoachings } from "../schema";
import type { NewDraft } from "./drafts";

export type NewCoaching = Omit<typeof objectionCoachings.$inferInsert, "id" | "draftId" | "createdAt">;

/**
 * Stores the reply draft and the coach's reasoning beside it in one batch: a draft in the queue
 * never lacks the reasoning the rep is shown, and reasoning never points at a draft that was not written.
 */
export async function insertCoachedDraft(database: Database, draft: NewDraft, coaching: NewCoaching): Promise<{ draftId: number; coachingId: number }> {
  const [draftRows, coachingRows] = await database.batch([
    database.insert(drafts).values({ ...draft, status: "draft" }).returning({ id: drafts.id }),
    // A batch runs its statements in order on one connection, so this is the draft's id.
    database.insert(objectionCoachings).values({ ...coaching, draftId: sql`last_insert_rowid()` }).returning({ id: objectionCoachings.id, draftId: objectionCoachings.draftId }),
  ]);
  const draftId = draftRows[0]!.id;
  if (coachingRows[0]!.draftId !== draftId) throw new Error(`Coaching ${coachingRows[0]!.id} was linked to draft ${coachingRows[0]!.draftId}, not ${draftId}`);
  return { draftId, coachingId: coachingRows[0]!.id };
}

/** Stores reasoning that led to no draft (the message raised none of the nine objections). */
export async function insertCoaching(database: Database, coaching: NewCoaching): Promise<number> {
  const [row] = await database.insert(objectionCoachings).values(coaching).returning({ id: objectionCoachings.id });
  return row!.id;
}

/** The coaching behind a draft, if the objection coach wrote it. */
export async function coachingOfDraft(database: Database, draftId: number) {
  const [row] = await database.select().from(objectionCoachings).where(eq(objectionCoachings.draftId, draftId)).orderBy(desc(objectionCoachings.id)).limit(1);
  return row ?? null;
}

/** The coachings behind several drafts, for a queue page. */
export async function coachingsOfDrafts(database: Database, draftIds: number[]) {
  if (draftIds.length === 0) return [];
  return database.select().from(objectionCoachings).where(inArray(objectionCoachings.draftId, draftIds));
}

export type CoachingRow = NonNullable<Awaited<ReturnType<typeof coachingOfDraft>>>;
