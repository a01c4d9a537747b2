import { describe, expect, it } from "vitest";
import { withStep, type LiveStep } from "./use-ask-stream";

const line = (node: string, status: LiveStep["status"], ms: number | null = null) => ({ type: "step" as const, node, status, ms, error: null });
const fold = (lines: ReturnType<typeof line>[]) => lines.reduce<LiveStep[]>(withStep, []);

describe("the live step list", () => {
  it("a started node adds a row and its end fills in that row's status and time", () => {
    expect(fold([line("generate_sql", "running"), line("generate_sql", "success", 12), line("validate_sql", "running")])).toEqual([
      { key: 0, node: "generate_sql", status: "success", ms: 12, error: null },
      { key: 1, node: "validate_sql", status: "running", ms: null, error: null },
    ]);
  });

  it("a node that runs again after a repair gets a second row, and each end updates its own row", () => {
    const steps = fold([
      line("validate_sql", "running"), line("validate_sql", "success", 1),
      line("execute_sql", "running"), line("execute_sql", "success", 5),
      line("repair_sql", "running"), line("repair_sql", "success", 3),
      line("validate_sql", "running"), line("validate_sql", "error", 2),
    ]);
    expect(steps.map((s) => `${s.node}:${s.status}`)).toEqual(["validate_sql:success", "execute_sql:success", "repair_sql:success", "validate_sql:error"]);
    expect(steps.map((s) => s.key)).toEqual([0, 1, 2, 3]);
  });

  it("an end whose start never arrived still shows as a row", () => {
    expect(fold([line("summarize", "success", 4)])).toEqual([{ key: 0, node: "summarize", status: "success", ms: 4, error: null }]);
  });
});
