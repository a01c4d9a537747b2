import { LABELS, type InboundLabel } from "../state";

export type Scored = { id: string; expected: InboundLabel; actual: InboundLabel };
export type LabelScore = { label: InboundLabel; support: number; predicted: number; truePositives: number; precision: number | null; recall: number | null };

/** Precision and recall per label (null where undefined: nothing predicted, or nothing to find). */
export function scoreLabels(results: readonly Scored[]): { perLabel: LabelScore[]; accuracy: number; misses: Scored[] } {
  const perLabel = LABELS.map((label) => {
    const support = results.filter((r) => r.expected === label).length;
    const predicted = results.filter((r) => r.actual === label).length;
    const truePositives = results.filter((r) => r.expected === label && r.actual === label).length;
    return { label, support, predicted, truePositives, precision: predicted ? truePositives / predicted : null, recall: support ? truePositives / support : null };
  });
  const misses = results.filter((r) => r.expected !== r.actual);
  return { perLabel, accuracy: results.length ? (results.length - misses.length) / results.length : 0, misses };
}

const pct = (v: number | null) => (v === null ? "   —  " : `${(v * 100).toFixed(1).padStart(5)}%`);

/** The scores as a plain-text table, for a test log and the eval script. */
export function formatScores(title: string, results: readonly Scored[], maxMisses = 20): string {
  const { perLabel, accuracy, misses } = scoreLabels(results);
  const rows = perLabel.map((s) => `${s.label.padEnd(18)} ${String(s.support).padStart(7)} ${String(s.predicted).padStart(9)} ${pct(s.precision)}  ${pct(s.recall)}`);
  return [
    `${title}: ${results.length} messages, accuracy ${pct(accuracy).trim()}`,
    `${"label".padEnd(18)} ${"support".padStart(7)} ${"predicted".padStart(9)} precision  recall`,
    ...rows,
    ...(misses.length ? ["misses:", ...misses.slice(0, maxMisses).map((m) => `  ${m.id}: expected ${m.expected}, got ${m.actual}`)] : []),
    ...(misses.length > maxMisses ? [`  … and ${misses.length - maxMisses} more`] : []),
  ].join("\n");
}
