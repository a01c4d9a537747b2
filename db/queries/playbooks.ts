import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog, objectionPlaybooks, users, type PlaybookEntryData, type Vertical } from "../schema";

/** The audit action of a playbook edit; its detail names the version written and the one it replaced. */
export const PLAYBOOK_EDIT_ACTION = "playbook.edited";

/** A vertical's highest stored version, or null when only the shipped default exists. */
export async function latestPlaybookRow(database: Database, vertical: Vertical) {
  const [row] = await database.select().from(objectionPlaybooks).where(eq(objectionPlaybooks.vertical, vertical)).orderBy(desc(objectionPlaybooks.version)).limit(1);
  return row ?? null;
}

/** One stored version, or null. */
export async function playbookRowAt(database: Database, vertical: Vertical, version: number) {
  const [row] = await database
    .select()
    .from(objectionPlaybooks)
    .where(and(eq(objectionPlaybooks.vertical, vertical), eq(objectionPlaybooks.version, version)))
    .limit(1);
  return row ?? null;
}

/** Every stored version of a vertical, newest first, with who saved it. */
export async function playbookHistory(database: Database, vertical: Vertical) {
  return database
    .select({ version: objectionPlaybooks.version, entries: objectionPlaybooks.entries, note: objectionPlaybooks.note, createdAt: objectionPlaybooks.createdAt, editorName: users.name })
    .from(objectionPlaybooks)
    .leftJoin(users, eq(users.id, objectionPlaybooks.createdBy))
    .where(eq(objectionPlaybooks.vertical, vertical))
    .orderBy(desc(objectionPlaybooks.version));
}

/**
 * Writes version `version` and its audit entry in one batch. The (vertical, version) unique index
 * makes a second save based on the same version fail whole — neither row is written — so two
 * editors never silently overwrite each other.
 */
export async function insertPlaybookVersion(
  database: Database,
  input: { vertical: Vertical; version: number; entries: PlaybookEntryData[]; note: string | null; actorId: string; detail: Record<string, unknown> },
): Promise<void> {
  await database.batch([
    database.insert(objectionPlaybooks).values({ vertical: input.vertical, version: input.version, entries: input.entries, note: input.note, createdBy: input.actorId }),
    database.insert(auditLog).values({ actorId: input.actorId, action: PLAYBOOK_EDIT_ACTION, targetType: "playbook", targetId: input.vertical, detail: input.detail }),
  ]);
}
