import { describe, expect, it } from "vitest";
import { afterLoad } from "./routers";
import type { ScoreContactStateType } from "./state";

const state = (signals: { title: string | null; department: string | null } | null) => ({ contactId: 1, signals, calls: [] }) as unknown as ScoreContactStateType;

describe("afterLoad", () => {
  it("a contact with a title or a department goes to the model; one with neither skips it; a missing contact ends the run", () => {
    expect(afterLoad(state({ title: "CTO", department: null }))).toBe("judge_role_fit");
    expect(afterLoad(state({ title: null, department: "Finance" }))).toBe("judge_role_fit");
    expect(afterLoad(state({ title: "  ", department: null }))).toBe("compose_score");
    expect(afterLoad(state(null))).toBe("__end__");
  });
});
