import { describe, expect, it } from "vitest";
import { buildRunTree } from "./run-tree";

type Args = Parameters<typeof buildRunTree>;
type RunArg = Args[0][number]["run"];
type StepArg = Args[1][number];
type CallArg = Args[2][number];

const t0 = Date.UTC(2026, 0, 5, 9);
const at = (ms: number) => new Date(t0 + ms);

function run(id: string, parentRunId: string | null = null): { run: RunArg } {
  return { run: { id, assistantId: "g", threadId: null, status: "success", startedAt: at(0), endedAt: at(1_000), error: null, traceId: null, runUrl: null, metadata: null, parentRunId, owner: null, leaseUntil: null, kwargs: null } };
}

let stepId = 0;
function step(runId: string, node: string, from: number, to: number | null, extra: Partial<StepArg> = {}): StepArg {
  return { id: ++stepId, runId, node, status: "success", startedAt: at(from), endedAt: to === null ? null : at(to), error: null, metadata: null, namespace: null, ...extra };
}

let callId = 0;
function call(runId: string, node: string, atMs: number, costUsd = 0.001): CallArg {
  return { id: ++callId, runId, node, model: "m", promptVersion: "v1", tokensIn: 10, tokensOut: 5, costUsd, latencyMs: 3, cacheHit: false, status: "ok", error: null, createdAt: at(atMs) };
}

const shape = (steps: { node: string; steps: unknown[]; calls: { id: number }[] }[]): unknown =>
  steps.map((s) => ({ node: s.node, calls: s.calls.map((c) => c.id), steps: shape(s.steps as never) }));

describe("buildRunTree", () => {
  it("the page nests a subgraph's nodes under the node that ran them, by task id, even when that node ran twice", () => {
    const steps = [
      step("r", "compose", 0, 100, { metadata: { task_id: "t1" } }),
      step("r", "draft_email", 10, 50, { namespace: "compose", metadata: { task_id: "i1", parent_task_id: "t1" } }),
      step("r", "compose", 200, 300, { metadata: { task_id: "t2" } }),
      step("r", "draft_email", 210, 250, { namespace: "compose", metadata: { task_id: "i2", parent_task_id: "t2" } }),
      step("r", "refine_email", 250, 290, { namespace: "compose", metadata: { task_id: "i3", parent_task_id: "t2" } }),
    ];
    const root = buildRunTree([run("r")], steps, [])!;
    expect(shape(root.steps)).toEqual([
      { node: "compose", calls: [], steps: [{ node: "draft_email", calls: [], steps: [] }] },
      { node: "compose", calls: [], steps: [{ node: "draft_email", calls: [], steps: [] }, { node: "refine_email", calls: [], steps: [] }] },
    ]);
  });

  it("the page nests a subgraph node recorded without task ids under the latest earlier node of its path", () => {
    const steps = [
      step("r", "compose", 0, 500),
      step("r", "refine", 10, 400, { namespace: "compose" }),
      step("r", "polish", 20, 30, { namespace: "compose|refine" }),
      step("r", "orphan", 40, 50, { namespace: "nowhere" }),
    ];
    const root = buildRunTree([run("r")], steps, [])!;
    expect(shape(root.steps)).toEqual([
      { node: "compose", calls: [], steps: [{ node: "refine", calls: [], steps: [{ node: "polish", calls: [], steps: [] }] }] },
      { node: "orphan", calls: [], steps: [] },
    ]);
  });

  it("each model call lands under the node of its name that was running when it was recorded", () => {
    const steps = [
      step("r", "compose", 0, 1_000, { metadata: { task_id: "c" } }),
      step("r", "refine_email", 100, 200, { namespace: "compose", metadata: { task_id: "a", parent_task_id: "c" } }),
      step("r", "refine_email", 300, 400, { namespace: "compose", metadata: { task_id: "b", parent_task_id: "c" } }),
    ];
    const first = call("r", "refine_email", 150);
    const second = call("r", "refine_email", 390);
    const late = call("r", "refine_email", 450);
    const stray = call("r", "plan_tasks", 10);
    const root = buildRunTree([run("r")], steps, [first, second, late, stray])!;
    const [a, b] = root.steps[0]!.steps;
    expect(a!.calls.map((c) => c.id)).toEqual([first.id]);
    // A call recorded just after its node ended still belongs to the last one of that name.
    expect(b!.calls.map((c) => c.id)).toEqual([second.id, late.id]);
    expect(root.unplacedCalls.map((c) => c.id)).toEqual([stray.id]);
  });

  it("runs started by a run nest under it, children of children too, and spend adds up the tree", () => {
    const rows = [run("root"), run("child", "root"), run("sibling", "root"), run("grandchild", "child")];
    const calls = [call("root", "n", 5, 0.5), call("child", "n", 5, 0.25), call("grandchild", "n", 5, 0.125)];
    const root = buildRunTree(rows, [], calls)!;
    expect(root.children.map((c) => [c.run.id, c.children.map((g) => g.run.id)])).toEqual([["child", ["grandchild"]], ["sibling", []]]);
    expect(root.spend.costUsd).toBe(0.5);
    expect(root.treeSpend).toEqual({ calls: 3, tokensIn: 30, tokensOut: 15, costUsd: 0.875 });
    expect(root.children[0]!.treeSpend.costUsd).toBe(0.375);
  });

  it("an empty list has no tree", () => {
    expect(buildRunTree([], [], [])).toBeNull();
  });
});
