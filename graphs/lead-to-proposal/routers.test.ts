import { describe, expect, it } from "vitest";
import { afterDecision, afterQualify } from "./routers";
import type { LeadToProposalStateType } from "./state";

const state = (outcome: LeadToProposalStateType["outcome"]) => ({ outcome }) as LeadToProposalStateType;

describe("lead_to_proposal's routers", () => {
  it("an unqualified lead ends the run; a qualified one goes on to research", () => {
    expect(afterQualify(state({ status: "unqualified", reason: "Not qualified" }))).toBe("__end__");
    expect(afterQualify(state(undefined))).toBe("research");
  });

  it("an approval refused for flagged claims waits again; approvals and rejections end the run", () => {
    expect(afterDecision(state({ status: "needs_fix", draftId: 1, flagged: 2 }))).toBe("await_approval");
    expect(afterDecision(state({ status: "approved", draftId: 1, edited: false }))).toBe("__end__");
    expect(afterDecision(state({ status: "rejected", draftId: 1, reason: "" }))).toBe("__end__");
  });
});
