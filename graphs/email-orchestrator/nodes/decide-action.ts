import { decideAction as decide } from "../rules";
import type { OrchestratorStateType } from "../state";

export function decideAction(state: OrchestratorStateType): Partial<OrchestratorStateType> {
  const action = decide({ history: state.history!, intent: state.intent, plan: state.plan ?? [], now: Date.now() });
  return action.kind === "skip" ? { action, outcome: { status: "skipped", reason: action.reason } } : { action };
}
