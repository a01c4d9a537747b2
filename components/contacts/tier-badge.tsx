import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = { A: "good", B: "info", C: "warn", D: "neutral" };

/** A contact's score tier; "Not scored" when it has none yet. */
export function TierBadge({ tier }: { tier: string | null }) {
  return tier ? <Badge tone={TONE[tier] ?? "neutral"}>Tier {tier}</Badge> : <span className="text-xs text-slate-500">Not scored</span>;
}

/** A 0–1 score as a person reads it (two decimals), or a dash. */
export function formatScore(score: number | null): string {
  return score === null ? "—" : score.toFixed(2);
}
