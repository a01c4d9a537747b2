import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its environment: the run tree is read through the service, which uses db().
const testEnv = ownEnvironment("run-tree");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { getRun, listRunTree } = await import("@/db/queries/runs");
const { nestingRegistry } = await import("@/graphs/testing/registry");
const { createGraphClient } = await import("@/lib/langgraph/client");
const { runTreeFor } = await import("@/lib/services/runs");
const { call, startTestRuntime, TEST_TOKEN } = await import("./testing");

type Registry = ReturnType<typeof nestingRegistry>;

/** Background runs the nesting graph started, so a test can wait for them as a job runner would. */
const background: Promise<unknown>[] = [];
let client: ReturnType<typeof createGraphClient<Registry>>;
let rt: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  await applyMigrations(db());
  // The graph starts its child through the typed client, over the same loopback HTTP as any caller.
  const registry = nestingRegistry((parentRunId, message) => void background.push(client.run("echo", { message }, { parentRunId })));
  rt = await startTestRuntime(db(), registry);
  client = createGraphClient(registry, { apiUrl: rt.url, token: TEST_TOKEN, maxConcurrency: 4 });
});
afterAll(async () => {
  await rt.close();
  db().$client.close();
  testEnv.removeDir();
});

const runRow = async (id: string) =>
  (await db().all<{ assistant_id: string; status: string; parent_run_id: string | null }>(sql`SELECT assistant_id, status, parent_run_id FROM runs WHERE id = ${id}`))[0];
const runCount = async () => (await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM runs`))[0]!.n;
const stepsOf = async (id: string) =>
  db().all<{ node: string; status: string; namespace: string | null }>(sql`SELECT node, status, namespace FROM run_steps WHERE run_id = ${id} ORDER BY id`);

const treeOf = async (id: string) => runTreeFor({ run: (await getRun(db(), id))! });

/** Runs the nesting graph and waits for the background run it started. */
async function nestedRun(message: string) {
  const result = await client.run("nesting", { message });
  const [child] = (await Promise.all(background.splice(0))) as { runId: string }[];
  return { parentId: result.runId, childId: child!.runId, result };
}

describe("run trees", () => {
  it("a run that starts a subgraph and a background job shows both as children", async () => {
    const { parentId, childId, result } = await nestedRun("tree");
    expect(result.values).toMatchObject({ echoed: "tree tree", childOf: parentId });

    // The subgraph's nodes are steps of the parent run, under the node that ran them.
    expect(await stepsOf(parentId)).toEqual([
      { node: "echo_inside", status: "success", namespace: null },
      { node: "echo_twice", status: "success", namespace: "echo_inside" },
      { node: "measure", status: "success", namespace: "echo_inside" },
      { node: "start_background", status: "success", namespace: null },
    ]);
    // The background run is a run of its own, recorded under the run that started it.
    expect(await runRow(childId)).toEqual({ assistant_id: "echo", status: "success", parent_run_id: parentId });

    const { root, parent, truncated } = await treeOf(parentId);
    expect(parent).toBeNull();
    expect(truncated).toBe(false);
    expect(root.steps.map((s) => [s.node, s.steps.map((inner) => inner.node)])).toEqual([
      ["echo_inside", ["echo_twice", "measure"]],
      ["start_background", []],
    ]);
    expect(root.children.map((c) => [c.run.id, c.run.assistantId, c.run.status, c.steps.map((s) => s.node)])).toEqual([
      [childId, "echo", "success", ["echo_message", "measure"]],
    ]);
    // The child's page names its parent.
    expect((await treeOf(childId)).parent).toEqual({ id: parentId, assistantId: "nesting" });
  });

  it("the tree nests children of children, and says when its bounds left runs out", async () => {
    const { parentId, childId } = await nestedRun("deep");
    const grandchild = await client.run("echo", { message: "grandchild" }, { parentRunId: childId });
    const greatGrandchild = await client.run("echo", { message: "great" }, { parentRunId: grandchild.runId });

    const { root, truncated } = await treeOf(parentId);
    expect(truncated).toBe(false);
    const child = root.children[0]!;
    expect(child.run.id).toBe(childId);
    expect(child.children.map((c) => c.run.id)).toEqual([grandchild.runId]);
    expect(child.children[0]!.children.map((c) => c.run.id)).toEqual([greatGrandchild.runId]);

    const shallow = await listRunTree(db(), parentId, { depth: 2, runs: 200 });
    expect(shallow!.runs.map((r) => [r.run.id, r.depth])).toEqual([[parentId, 0], [childId, 1], [grandchild.runId, 2]]);
    expect(shallow!.truncated).toBe(true);
    const narrow = await listRunTree(db(), parentId, { depth: 5, runs: 2 });
    expect(narrow!.runs.map((r) => r.run.id)).toEqual([parentId, childId]);
    expect(narrow!.truncated).toBe(true);
  });

  it("a loop of parent ids written by hand still ends, each run listed once", async () => {
    const now = new Date();
    await db().run(sql`INSERT INTO runs (id, assistant_id, status, started_at, parent_run_id) VALUES
      ('loop-a', 'echo', 'success', ${now.getTime()}, 'loop-b'), ('loop-b', 'echo', 'success', ${now.getTime()}, 'loop-a')`);
    const tree = await listRunTree(db(), "loop-a");
    expect(tree!.runs.map((r) => r.run.id)).toEqual(["loop-a", "loop-b"]);
    expect(tree!.truncated).toBe(false);
  });

  it("an SDK caller names a parent in the run's metadata, even one this runtime never ran", async () => {
    let created: { run_id: string } | undefined;
    await rt.client.runs.wait(null, "echo", { input: { message: "orphan" }, metadata: { parent_run_id: "run-on-another-deployment", purpose: "x" }, onRunCreated: (m) => (created = m) });
    expect(await runRow(created!.run_id)).toEqual({ assistant_id: "echo", status: "success", parent_run_id: "run-on-another-deployment" });
    expect((await treeOf(created!.run_id)).parent).toEqual({ id: "run-on-another-deployment", assistantId: null });
    // A run with no parent named has none.
    const plain = await client.run("echo", { message: "plain" });
    expect((await runRow(plain.runId))!.parent_run_id).toBeNull();
  });

  it("a caller naming a parent that is not a run id gets a 422 naming the field, and nothing is written", async () => {
    const before = await runCount();
    for (const parent of ["has spaces", "x".repeat(101), 42, ""]) {
      const res = await call(rt.url, "/runs/wait", { method: "POST", json: { assistant_id: "echo", input: { message: "x" }, metadata: { parent_run_id: parent } } });
      expect(res.status).toBe(422);
      expect(res.body.error.field).toBe("metadata.parent_run_id");
    }
    expect(await runCount()).toBe(before);
  });

  it("a streaming caller that did not ask for subgraphs gets the run's own events only, and a subgraph's custom events as before", async () => {
    const events: { event: string; data: unknown }[] = [];
    for await (const e of rt.client.runs.stream(null, "nesting", { input: { message: "quiet" }, streamMode: ["tasks", "updates", "custom", "values"] })) events.push(e);
    await Promise.all(background.splice(0));
    const tasks = events.filter((e) => e.event === "tasks").map((e) => (e.data as { name: string }).name);
    expect(tasks).toEqual(["echo_inside", "echo_inside", "start_background", "start_background"]);
    expect(events.filter((e) => e.event === "updates").map((e) => Object.keys(e.data as object))).toEqual([["echo_inside"], ["start_background"]]);
    expect(events.filter((e) => e.event === "custom").map((e) => e.data)).toEqual([{ echoing: "quiet" }]);
    const values = events.filter((e) => e.event === "values").map((e) => e.data as Record<string, unknown>);
    expect(values.at(-1)).toMatchObject({ message: "quiet", echoed: "quiet quiet" });
    // No subgraph state (its `length`) ever reached the caller as the run's values.
    expect(values.every((v) => !("length" in v))).toBe(true);
  });
});
