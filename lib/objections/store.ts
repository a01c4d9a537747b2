import type { Database } from "@/db/client";
import { latestPlaybookRow, playbookRowAt } from "@/db/queries/playbooks";
import type { Vertical } from "@/db/schema/crm";
import { DEFAULT_PLAYBOOKS } from "./defaults";
import { inKindOrder, type Playbook, type PlaybookEntry } from "./playbook";

const shipped = (vertical: Vertical): Playbook => ({ vertical, version: 0, entries: DEFAULT_PLAYBOOKS[vertical], note: "Shipped default", createdBy: null, createdAt: null });

const fromRow = (row: NonNullable<Awaited<ReturnType<typeof latestPlaybookRow>>>): Playbook => ({
  vertical: row.vertical,
  version: row.version,
  entries: inKindOrder(row.entries as PlaybookEntry[]),
  note: row.note,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

/** The playbook in force for a vertical: its newest saved version, else the shipped default (version 0). */
export async function currentPlaybook(database: Database, vertical: Vertical): Promise<Playbook> {
  const row = await latestPlaybookRow(database, vertical);
  return row ? fromRow(row) : shipped(vertical);
}

/** A vertical's playbook at one version (0: the shipped default), or null when there is no such version. */
export async function playbookAt(database: Database, vertical: Vertical, version: number): Promise<Playbook | null> {
  if (version === 0) return shipped(vertical);
  const row = await playbookRowAt(database, vertical, version);
  return row ? fromRow(row) : null;
}
