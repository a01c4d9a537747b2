import { systemClock } from "@/lib/clock";
import { decide } from "../rules";
import type { ScoreContactStateType } from "../state";

/** The score from the pure rules (lib/scoring), with the role fit the previous node settled. */
export function composeScore(state: ScoreContactStateType): Partial<ScoreContactStateType> {
  const path = state.calls.findLast((c) => c.node === "judge_role_fit");
  return { decision: decide(state.signals!, systemClock.now(), state.roleFit, path) };
}
