import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { insertPlaybookVersion, playbookHistory } from "@/db/queries/playbooks";
import { VERTICALS, type Vertical } from "@/db/schema/crm";
import { hasRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { changedObjections, PlaybookEdit, type PlaybookEntry } from "@/lib/objections/playbook";
import { currentPlaybook, playbookAt } from "@/lib/objections/store";
import { DEFAULT_PLAYBOOKS } from "@/lib/objections/defaults";

function requireAdmin(user: SessionUser) {
  if (!hasRole(user.role, "admin")) throw new AppError("forbidden:admin");
}

/** A save names the version it was edited from, so a save over someone else's newer version is refused. */
export const PlaybookSave = PlaybookEdit.and(z.object({ basedOn: z.number({ error: "Say which version you edited." }).int().min(0) }));
export type PlaybookSave = z.output<typeof PlaybookSave>;

export const VerticalParam = z.enum(VERTICALS, { error: `Choose a vertical: ${VERTICALS.join(", ")}.` });

/**
 * The editor's view of a vertical: the playbook in force, every version with what it changed, and
 * (when `version` names an older one that exists) that version to read.
 */
export async function playbookEditor(user: SessionUser, vertical: Vertical, version?: number) {
  requireAdmin(user);
  const database = db();
  const [current, history] = await Promise.all([currentPlaybook(database, vertical), playbookHistory(database, vertical)]);
  const versions = history.map((row, i) => ({
    version: row.version,
    note: row.note,
    createdAt: row.createdAt,
    editorName: row.editorName,
    changed: changedObjections((history[i + 1]?.entries as PlaybookEntry[] | undefined) ?? DEFAULT_PLAYBOOKS[vertical], row.entries as PlaybookEntry[]),
  }));
  const viewing = version !== undefined && version !== current.version ? await playbookAt(database, vertical, version) : null;
  return { current, viewing, versions: [...versions, { version: 0, note: "Shipped default", createdAt: null, editorName: null, changed: [] }] };
}

/**
 * Saves an admin's edit as the vertical's next version (the previous ones are kept) and audits it.
 * Refused, with nothing written: an edit of a version that is no longer the newest, and an edit
 * that changes nothing.
 */
export async function savePlaybook(user: SessionUser, edit: PlaybookSave): Promise<{ vertical: Vertical; version: number; changed: string[] }> {
  requireAdmin(user);
  const database = db();
  const current = await currentPlaybook(database, edit.vertical);
  if (edit.basedOn !== current.version) {
    throw new AppError("conflict:admin", { message: `Version ${current.version} was saved after the version ${edit.basedOn} you edited. Reload to see it, then make your change again.` });
  }
  const changed = changedObjections(current.entries, edit.entries);
  if (changed.length === 0) throw new AppError("bad_request:admin", { message: "Nothing changed: edit a response or a proof point before saving.", field: "entries" });
  const version = current.version + 1;
  try {
    await insertPlaybookVersion(database, {
      vertical: edit.vertical,
      version,
      entries: edit.entries,
      note: edit.note,
      actorId: user.id,
      detail: { vertical: edit.vertical, version, from: current.version, changed, note: edit.note },
    });
  } catch (e) {
    // Another admin saved the same next version between our read and this write.
    if (isUniqueViolation(e)) throw new AppError("conflict:admin", { message: "Someone saved this playbook at the same moment. Reload to see their version, then make your change again." });
    throw e;
  }
  return { vertical: edit.vertical, version, changed };
}

function isUniqueViolation(e: unknown): boolean {
  for (let cause: unknown = e; cause instanceof Error; cause = cause.cause) {
    if (/UNIQUE constraint failed/.test(cause.message)) return true;
  }
  return false;
}
