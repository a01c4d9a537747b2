import { POLICY, type CrmAction, type Risk } from "./vocabulary";

/**
 * How much a plan may do without a person, lowest first. `suggest`: nothing runs by itself.
 * `reversible` (the default): reversible actions at or above their threshold. `drafts`: drafts
 * too (each still waits in a queue for approval). `granted`: also enrollments — only where an
 * admin has granted it; autonomy is earned, never the default.
 */
export const AUTONOMY_LEVELS = ["suggest", "reversible", "drafts", "granted"] as const;
export type AutonomyLevel = (typeof AUTONOMY_LEVELS)[number];
export const DEFAULT_AUTONOMY: AutonomyLevel = "reversible";

/** The least level at which each risk class may run unattended. */
const LEVEL_FOR: Record<Risk, AutonomyLevel> = { reversible: "reversible", draft: "drafts", starts_sends: "granted" };

export type GateVerdict = { verdict: "auto_run" | "needs_approval"; reason: string };

const atLeast = (level: AutonomyLevel, needed: AutonomyLevel) => AUTONOMY_LEVELS.indexOf(level) >= AUTONOMY_LEVELS.indexOf(needed);

/**
 * The governance gate: an action runs without a person only when its confidence is at or above
 * its threshold AND the autonomy level allows its risk class. Everything else waits for a person,
 * with the reason. A confidence that is not a number in 0–1 never passes.
 */
export function governanceGate(action: CrmAction, confidence: number, level: AutonomyLevel): GateVerdict {
  const { risk, threshold } = POLICY[action];
  const needed = LEVEL_FOR[risk];
  if (!atLeast(level, needed)) {
    const why = risk === "starts_sends" ? "it starts sending mail, which needs a person unless autonomy is granted" : risk === "draft" ? "a draft waits for a person at this autonomy level" : "nothing runs by itself at this autonomy level";
    return { verdict: "needs_approval", reason: `${action} needs approval: ${why} (level ${level}).` };
  }
  if (!(Number.isFinite(confidence) && confidence >= 0 && confidence <= 1)) return { verdict: "needs_approval", reason: `${action} needs approval: its confidence is not a number in 0–1.` };
  if (confidence < threshold) return { verdict: "needs_approval", reason: `${action} needs approval: confidence ${confidence.toFixed(2)} is below its threshold ${threshold.toFixed(2)}.` };
  return { verdict: "auto_run", reason: `${action} may run: confidence ${confidence.toFixed(2)} ≥ ${threshold.toFixed(2)} and level ${level} allows ${risk} actions.` };
}
