// A process for langsmith.int.test.ts to time: runs the echo graph a few times through the typed
// client and the in-process runtime (LangSmith configured, or not, by the environment the test
// gives it), prints one JSON line with each run's latency and when it finished, then ends on its
// own. The test measures how long the process takes to exit after that line.
import { tempDatabase } from "@/db/testing";
import { TEST_REGISTRY } from "@/graphs/testing/registry";
import { createGraphClient } from "@/lib/langgraph/client";
import { inProcessFetch, IN_PROCESS_URL } from "@/lib/langgraph/in-process";
import { LibsqlSaver } from "@/lib/runtime/checkpointer";
import { createRuntime } from "@/lib/runtime/runtime";

const TOKEN = "exit-probe-token-0123456789abcdef";
const RUNS = 5;

const db = await tempDatabase("exit-probe");
const runtime = createRuntime({ database: db.database, registry: TEST_REGISTRY, checkpointer: new LibsqlSaver(db.database), tokens: [TOKEN] });
const client = createGraphClient(TEST_REGISTRY, { apiUrl: IN_PROCESS_URL, token: TOKEN, maxConcurrency: 2, fetch: inProcessFetch(runtime) });
// Load and compile the graph's modules first: the timed runs measure the request path alone.
await (await import("@/graphs/testing/echo/graph")).graph.invoke({ message: "warm-up" });
const latencies: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  const result = await client.run("echo", { message: `probe ${i}` });
  if (result.values.echoed !== `probe ${i}`) throw new Error(`unexpected result ${JSON.stringify(result.values)}`);
  latencies.push(performance.now() - started);
}
db.cleanup();
console.log(JSON.stringify({ latencies, doneAt: Date.now() }));
