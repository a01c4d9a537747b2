import { governanceGate, type AutonomyLevel } from "./gate";
import { ACTION_PARAMS, isCrmAction } from "./vocabulary";

/** A step as a planning run returned it (possibly from a remote LangGraph server). */
export type ReturnedStep = { action: string; params: Record<string, unknown>; confidence: number; verdict: "auto_run" | "needs_approval" | "dropped"; verdictReason: string };

export type ConfirmedVerdict = { verdict: "auto_run" | "needs_approval" | "dropped"; verdictReason: string };

/**
 * The console's own check of a returned step before anything runs: the vocabulary, the
 * parameters and the gate again. A step runs unattended only when the graph's gate and this one
 * both say so; a dropped step stays dropped; anything the console does not recognise is dropped.
 */
export function confirmVerdict(step: ReturnedStep, level: AutonomyLevel): ConfirmedVerdict {
  if (step.verdict === "dropped") return { verdict: "dropped", verdictReason: step.verdictReason };
  if (!isCrmAction(step.action) || !ACTION_PARAMS[step.action].safeParse(step.params).success) {
    return { verdict: "dropped", verdictReason: "The console does not recognise this action or its parameters." };
  }
  const ours = governanceGate(step.action, step.confidence, level);
  if (step.verdict === "auto_run" && ours.verdict === "auto_run") return { verdict: "auto_run", verdictReason: step.verdictReason };
  return { verdict: "needs_approval", verdictReason: step.verdict === "needs_approval" ? step.verdictReason : ours.reason };
}
