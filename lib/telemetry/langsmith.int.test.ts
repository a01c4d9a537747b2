import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Client } from "langsmith";
import { traceable } from "langsmith/traceable";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLangsmithStub, STUB_PROJECT_ID, STUB_TENANT_ID, type IngestedRun } from "./testing/langsmith-stub";

// This file owns its process: LangSmith is configured (the API key and a loopback endpoint)
// before any module reads the environment.
const stub = await startLangsmithStub();
const PROJECT = "sales-console-test";
Object.assign(process.env, { LANGSMITH_API_KEY: "lsv2-test-key", LANGSMITH_ENDPOINT: stub.url, LANGSMITH_PROJECT: PROJECT });
for (const key of ["LANGSMITH_TRACING", "LANGCHAIN_TRACING_V2", "OTEL_EXPORTER_OTLP_ENDPOINT"]) delete process.env[key];

const { tempDatabase } = await import("@/db/testing");
const { TEST_REGISTRY } = await import("@/graphs/testing/registry");
const { createGraphClient } = await import("@/lib/langgraph/client");
const { inProcessFetch, IN_PROCESS_URL } = await import("@/lib/langgraph/in-process");
const { LibsqlSaver } = await import("@/lib/runtime/checkpointer");
const { createRuntime } = await import("@/lib/runtime/runtime");
const { env } = await import("@/lib/env");
const { langsmithTracing, boundedFetch, LangsmithUnreachableError, LANGSMITH_REQUEST_TIMEOUT_MS } = await import("./langsmith");

const TOKEN = "langsmith-test-token-0123456789abcdef";
const PROBE = fileURLToPath(new URL("./testing/langsmith-exit-probe.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

let db: Awaited<ReturnType<typeof tempDatabase>>;
const responses: Headers[] = [];
let client: ReturnType<typeof createGraphClient<typeof TEST_REGISTRY>>;

beforeAll(async () => {
  db = await tempDatabase("langsmith");
  const runtime = createRuntime({ database: db.database, registry: TEST_REGISTRY, checkpointer: new LibsqlSaver(db.database), tokens: [TOKEN] });
  const local = inProcessFetch(runtime);
  client = createGraphClient(TEST_REGISTRY, {
    apiUrl: IN_PROCESS_URL,
    token: TOKEN,
    maxConcurrency: 4,
    fetch: async (input, init) => {
      const response = await local(input, init);
      responses.push(response.headers);
      return response;
    },
  });
});
afterAll(async () => {
  await stub.close();
  db.cleanup();
});

const callerClient = () => new Client({ apiUrl: stub.url, apiKey: "lsv2-caller", callerOptions: { maxRetries: 0 } });

async function flushed(): Promise<void> {
  await langsmithTracing(env)!.flush();
}

describe("LangSmith tracing of graph runs", () => {
  it("a graph run called from a traced caller is one run tree nested under the caller's run", async () => {
    const caller = callerClient();
    const action = traceable(async () => client.run("echo", { message: "nested" }), { name: "console_action", client: caller, project_name: PROJECT, tracingEnabled: true });
    const result = await action();
    expect(result.values.echoed).toBe("nested");
    const graphRunId = responses.at(-1)!.get("x-langsmith-run-id")!;
    expect(graphRunId).toMatch(/^[0-9a-f-]{36}$/);
    await caller.awaitPendingTraceBatches();
    await flushed();

    const posted = (id: string) => stub.runs.find((r) => r.op === "post" && r.id === id);
    await expect.poll(() => Boolean(posted(graphRunId)), { timeout: 5_000 }).toBe(true);
    const root = stub.runs.find((r) => r.op === "post" && r.name === "console_action")!;
    const graphRun = posted(graphRunId)!;
    expect(graphRun.parent_run_id).toBe(root.id);
    expect(graphRun.trace_id).toBe(root.id);
    expect(String(graphRun.dotted_order)).toMatch(new RegExp(`^${String(root.dotted_order)}\\.`));
    // The graph's nodes are runs beneath it, in the same trace.
    const children = stub.runs.filter((r): r is IngestedRun & { name: string } => r.op === "post" && r.parent_run_id === graphRunId);
    expect(children.map((r) => r.name)).toEqual(expect.arrayContaining(["echo_message", "measure"]));
    expect(children.every((r) => r.trace_id === root.id)).toBe(true);
  });

  it("a run with no traced caller is the root of its own run tree", async () => {
    await client.run("echo", { message: "alone" });
    const graphRunId = responses.at(-1)!.get("x-langsmith-run-id")!;
    await flushed();
    await expect.poll(() => stub.runs.find((r) => r.op === "post" && r.id === graphRunId), { timeout: 5_000 }).toMatchObject({ trace_id: graphRunId });
  });

  it("once the project is known, each run's URL is returned to the client and recorded on the run", async () => {
    await expect.poll(() => stub.hits.includes("/sessions"), { timeout: 5_000 }).toBe(true);
    const result = await client.run("echo", { message: "linked" });
    const graphRunId = responses.at(-1)!.get("x-langsmith-run-id")!;
    const host = new Client({ apiUrl: stub.url, apiKey: "x" }).getHostUrl();
    expect(result.runUrl).toBe(`${host}/o/${STUB_TENANT_ID}/projects/p/${STUB_PROJECT_ID}/r/${graphRunId}?poll=true`);
    const [row] = await db.database.all<{ run_url: string }>(sql`SELECT run_url FROM runs WHERE id = ${result.runId}`);
    expect(row?.run_url).toBe(result.runUrl);
  });
});

describe("a LangSmith endpoint that is slow or down", () => {
  /** Runs the exit probe; returns its run latencies and how long it took to exit after its work. */
  function probe(extraEnv: Record<string, string | undefined>) {
    return new Promise<{ latencies: number[]; exitDelayMs: number; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", PROBE], {
        cwd: REPO_ROOT,
        env: { ...process.env, LANGSMITH_API_KEY: undefined, LANGSMITH_ENDPOINT: undefined, ...extraEnv },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      let doneAt = 0;
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (!doneAt && out.includes("doneAt")) doneAt = Date.now();
      });
      child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (code !== 0 || !line) return reject(new Error(`probe exited ${code}: ${out}\n${err}`));
        resolve({ latencies: (JSON.parse(line) as { latencies: number[] }).latencies, exitDelayMs: Date.now() - doneAt, stderr: err });
      });
    });
  }

  it("never holds a run, and never holds the process's exit on the endpoint, when the endpoint hangs or is down", async () => {
    const hanging = await startLangsmithStub({ hang: true });
    const closed = await startLangsmithStub();
    await closed.close();
    try {
      const baseline = await probe({});
      const hung = await probe({ LANGSMITH_API_KEY: "lsv2-test-key", LANGSMITH_ENDPOINT: hanging.url });
      const down = await probe({ LANGSMITH_API_KEY: "lsv2-test-key", LANGSMITH_ENDPOINT: closed.url });
      // The hanging endpoint was really called, and never answered.
      expect(hanging.hits.length, hung.stderr).toBeGreaterThan(0);
      for (const run of [hung, down]) {
        // A run that waited on the endpoint would take at least the request timeout; none does.
        expect(Math.max(...run.latencies)).toBeLessThan(LANGSMITH_REQUEST_TIMEOUT_MS);
        // Held by the hanging endpoint, the exit would wait for the probe's 30 s kill; bounded by the
        // request timeout it comes within a few of them (the margin is for a busy machine's noise:
        // at load 6–10 a bound of one second failed now and then with 1.2 s).
        expect(run.exitDelayMs - baseline.exitDelayMs).toBeLessThanOrEqual(5 * LANGSMITH_REQUEST_TIMEOUT_MS);
      }
    } finally {
      await hanging.close();
    }
  }, 60_000);

  it("a failed request is final at once: no retry, and the next requests fail fast until the cooldown ends", async () => {
    let calls = 0;
    const messages: string[] = [];
    const fetchOnce = boundedFetch({
      timeoutMs: 50,
      cooldownMs: 60_000,
      log: (m) => messages.push(m),
      fetch: () => {
        calls += 1;
        return new Promise<Response>(() => undefined);
      },
    });
    const started = Date.now();
    await expect(fetchOnce("http://ls.invalid/info")).rejects.toMatchObject({ name: "LangsmithUnreachableError", status: 0 });
    expect(Date.now() - started).toBeLessThan(500);
    await expect(fetchOnce("http://ls.invalid/runs/multipart")).rejects.toBeInstanceOf(LangsmithUnreachableError);
    expect(calls).toBe(1);
    expect(messages).toEqual(["no answer within 50 ms; traces are dropped for the next 60 s"]);
  });
});
