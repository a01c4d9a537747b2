import { describe, expect, it } from "vitest";
import { afterApproval, afterClassify, afterLoad } from "./routers";
import type { ObjectionCoachStateType } from "./state";

const state = (over: Partial<ObjectionCoachStateType>) => over as ObjectionCoachStateType;

describe("objection_coach routers", () => {
  it("a loaded context is classified; a skip ends the run before any model call", () => {
    expect(afterLoad(state({ context: {} as ObjectionCoachStateType["context"] }))).toBe("classify_objection");
    expect(afterLoad(state({ outcome: { status: "skipped", reason: "unsubscribed" } }))).toBe("__end__");
  });

  it("a class is drafted; 'none' is recorded without a draft", () => {
    const classified = (objection: string) => state({ classification: { objection } as ObjectionCoachStateType["classification"] });
    expect(afterClassify(classified("price"))).toBe("draft_rebuttal");
    expect(afterClassify(classified("none"))).toBe("record_no_objection");
  });

  it("a redraft request is declined and pauses again; accept, edit and ignore are decisions", () => {
    expect(afterApproval(state({ response: { type: "response", args: "shorter" } }))).toBe("decline_revision");
    expect(afterApproval(state({ response: [{ type: "response" }] }))).toBe("decline_revision");
    for (const type of ["accept", "edit", "ignore"]) expect(afterApproval(state({ response: { type } }))).toBe("apply_decision");
  });
});
