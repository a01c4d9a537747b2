import type { Provenance } from "@/db/schema";

/** The score at and above which a lead is qualified. */
export const QUALIFY_THRESHOLD = 0.6;

export type QualifyInput = { companyName: string | null; title: string | null; seniority: string | null };
export type QualifyVerdict = { label: "qualified" | "needs_review"; score: number; provenance: Provenance };

/**
 * The fleet's qualify rule, shared by the email orchestrator and lead_to_proposal: 0.4 base
 * + 0.3 when the company is known + 0.3 when the role or seniority is; ≥ 0.6 qualifies. The
 * confidence is the rule's own score (a documented value, not a measurement).
 */
export function qualify(input: QualifyInput): QualifyVerdict {
  const companyKnown = Boolean(input.companyName);
  const roleKnown = Boolean(input.title || input.seniority);
  const score = Math.round((0.4 + (companyKnown ? 0.3 : 0) + (roleKnown ? 0.3 : 0)) * 10) / 10;
  return {
    label: score >= QUALIFY_THRESHOLD ? "qualified" : "needs_review",
    score,
    provenance: {
      confidence: score,
      reason: `Rules: base 0.4${companyKnown ? " + 0.3 company known" : ""}${roleKnown ? " + 0.3 role or seniority known" : ""}.`,
      source: "rules",
      evidence: [input.companyName && `company: ${input.companyName}`, input.title && `title: ${input.title}`, input.seniority && `seniority: ${input.seniority}`].filter((e): e is string => Boolean(e)),
    },
  };
}

/** Why a lead did not qualify, in words a rep can act on; null when it did. */
export function unqualifiedReason(input: QualifyInput, verdict: QualifyVerdict): string | null {
  if (verdict.label === "qualified") return null;
  const missing = [!input.companyName && "its company", !(input.title || input.seniority) && "the contact's role or seniority"].filter(Boolean);
  return `Not qualified: score ${verdict.score} is below ${QUALIFY_THRESHOLD} (${missing.join(" and ") || "too little"} unknown).`;
}
