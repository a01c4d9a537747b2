import { describe, expect, it } from "vitest";
import { afterDecide, afterGate } from "./routers";
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
});
