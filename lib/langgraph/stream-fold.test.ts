import { describe, expect, it } from "vitest";
import { StreamFold } from "./stream-fold";

describe("StreamFold", () => {
  it("keeps a failed task's message, which LangGraph sends as an object, not [object Object]", () => {
    let now = 0;
    const fold = new StreamFold(() => now);
    fold.take("tasks", { id: "t1", name: "explode", input: {}, triggers: [] });
    now = 12;
    const [event] = fold.take("tasks", { id: "t1", name: "explode", error: { message: "no such column: nme", name: "SqliteError" }, result: [], interrupts: [] });
    expect(event).toMatchObject({ type: "step", step: { node: "explode", status: "error", ms: 12, error: "no such column: nme" } });
  });

  it("takes a string error as is and names no details it was not given", () => {
    const fold = new StreamFold(() => 0);
    fold.take("tasks", { id: "a", name: "n", input: {}, triggers: [] });
    expect(fold.take("tasks", { id: "a", name: "n", error: "timed out", result: [], interrupts: [] })[0]).toMatchObject({ step: { error: "timed out" } });
    fold.take("tasks", { id: "b", name: "n", input: {}, triggers: [] });
    expect(fold.take("tasks", { id: "b", name: "n", error: { code: 7 }, result: [], interrupts: [] })[0]).toMatchObject({ step: { status: "error", error: "The step failed." } });
  });
});
