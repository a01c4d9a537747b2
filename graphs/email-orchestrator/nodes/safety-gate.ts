import { safetyVerdict } from "@/lib/safety/gate";
import type { OrchestratorStateType } from "../state";

/** Suppression list, then do-not-contact, bounced, unsubscribed, replied: before any model runs. */
export function safetyGate(state: OrchestratorStateType): Partial<OrchestratorStateType> {
  const { contact, suppressed } = state.snapshot!;
  const gate = safetyVerdict({ suppressed, ...contact }, { answeringInbound: state.intent === "reply" });
  return gate.allowed ? { gate } : { gate, outcome: { status: "skipped", reason: gate.reason } };
}
