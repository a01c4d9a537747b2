import { describe, expect, it } from "vitest";
import { draftFromAgreed, editedFields, editedInWords, planProblems, resize } from "./plan-draft";

const panel = draftFromAgreed({ angle: "Ramp new reps", tone: "direct", cadenceDays: [0, 5, 9], maxTouches: 3, perTouchAngles: ["a", "b", "c"], stopCriteria: "Stop on reply." });

describe("the plan the operator edits", () => {
  it("an operator raising the touch budget keeps what was typed and gets the default gaps for the new touches", () => {
    expect(resize(panel, 5)).toMatchObject({ maxTouches: 5, cadenceDays: [0, 5, 9, 7, 7], touchAngles: ["a", "b", "c", "", ""] });
    expect(resize(panel, 1)).toMatchObject({ maxTouches: 1, cadenceDays: [0], touchAngles: ["a"] });
    expect(resize(panel, 40).maxTouches).toBe(6);
  });

  it("an empty angle, a gap outside 0–60 days and an over-long touch angle are named by field", () => {
    const bad = { ...panel, angle: " ", cadenceDays: [0, 61, 2.5], touchAngles: ["a", "x".repeat(201), "c"] };
    expect(Object.keys(planProblems(bad)).sort()).toEqual(["angle", "cadenceDays.1", "cadenceDays.2", "touchAngles.1"]);
    expect(planProblems(panel)).toEqual({});
  });

  it("the campaign records which fields the operator changed from the panel's plan", () => {
    expect(editedFields({ ...panel, tone: "warm", cadenceDays: [0, 5, 10] }, panel)).toEqual(["tone", "cadenceDays"]);
    expect(editedFields(panel, panel)).toEqual([]);
  });

  it("a reader of the campaign page sees the operator's edits in words, never the record's field names", () => {
    expect(editedInWords(editedFields({ ...panel, angle: "Other", cadenceDays: [0, 6, 9] }, panel))).toBe("the angle and the cadence");
    expect(editedInWords(["tone", "maxTouches", "stopCriteria"])).toBe("the tone, the number of touches and the stop rule");
    expect(editedInWords(["touchAngles"])).toBe("the per-touch angles");
    expect(editedInWords(["someOldField"])).toBe("");
  });
});
