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
