import { describe, expect, it } from "vitest";
import { afterApproval, afterDecide, afterGate } from "./routers";
import type { OrchestratorStateType } from "./state";

describe("the orchestrator's routers", () => {
  const state = (over: Partial<OrchestratorStateType>) => over as OrchestratorStateType;

  it("ends the run on any gate hit", () => {
    expect(afterGate(state({ gate: { allowed: false, reason: "suppressed" } }))).toBe("__end__");
    expect(afterGate(state({ gate: { allowed: true } }))).toBe("recall_memory");
  });

  it("ends the run on a skip action", () => {
    expect(afterDecide(state({ action: { kind: "skip", reason: "too_soon" } }))).toBe("__end__");
    expect(afterDecide(state({ action: { kind: "followup" } }))).toBe("plan_roles");
  });

  it("sends a reviewer's instruction or regenerate request back to drafting, and every decision on to apply_decision", () => {
    expect(afterApproval(state({ response: { type: "response", args: "shorter, mention the pilot" } }))).toBe("revise_draft");
    expect(afterApproval(state({ response: [{ type: "response", args: "" }] }))).toBe("revise_draft");
    for (const response of [{ type: "accept" }, { type: "edit", args: { subject: "s", body: "b" } }, { type: "ignore", reason: "no" }, null, "response"]) {
      expect(afterApproval(state({ response }))).toBe("apply_decision");
    }
  });
});
