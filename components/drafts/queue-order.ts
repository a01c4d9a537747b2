/**
 * Where the queue goes after a decision: the next eligible draft below the decided one, else the
 * nearest above it — never back to the top, which would make the rep re-find their place.
 */
export function nextAfter<T extends { id: number }>(rows: readonly T[], fromId: number, eligible: (row: T) => boolean): T | null {
  const at = rows.findIndex((r) => r.id === fromId);
  if (at === -1) return rows.find(eligible) ?? null;
  for (let i = at + 1; i < rows.length; i++) if (eligible(rows[i]!)) return rows[i]!;
  for (let i = at - 1; i >= 0; i--) if (eligible(rows[i]!)) return rows[i]!;
  return null;
}

export type TouchGroup<T> = { key: string; label: string | null; rows: T[] };

/**
 * The queue as the rep reads it: campaign touches gathered under "Campaign · Touch N", one-off
 * drafts under no header. Groups come in the order their newest draft does (the list is newest
 * first), rows keep their order inside a group. j/k and "next after a decision" must walk the
 * flattened groups, not the raw page order, or the selection would jump between headers.
 */
export function groupByTouch<T extends { campaignId: number | null; campaignName: string | null; step?: number | null }>(rows: readonly T[]): TouchGroup<T>[] {
  const groups = new Map<string, TouchGroup<T>>();
  for (const row of rows) {
    const key = row.campaignId === null ? "none" : `${row.campaignId}:${row.step ?? 0}`;
    let group = groups.get(key);
    if (!group) {
      const label = row.campaignId === null ? null : `${row.campaignName ?? "Campaign"}${row.step ? ` · Touch ${row.step}` : ""}`;
      group = { key, label, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}
