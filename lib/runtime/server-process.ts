// The runtime as a process of its own, on DATABASE_URL (already migrated), so tests and the chaos
// script can kill it with SIGKILL mid-run and start another on the same file. Started by
// `startRuntimeProcess` (./runtime-process.ts); not part of the console.
//
// Run: node --import tsx lib/runtime/server-process.ts [--registry test|fleet] [--lease-ms N]
// Bearer token: LANGGRAPH_RUNTIME_SECRET. Once recovered and listening it prints one JSON line
// {url, pid, owner, recovered}; it exits when its stdin closes, so it never outlives its parent.
import { parseArgs } from "node:util";
import { db } from "@/db/client";
import { FLEET } from "@/graphs/registry";
import { TEST_REGISTRY } from "@/graphs/testing/registry";
import { env } from "@/lib/env";
import { LibsqlSaver } from "./checkpointer";
import { DEFAULT_LEASE } from "./leases";
import { serveRuntime } from "./node-server";
import { createRuntime } from "./runtime";

const { values } = parseArgs({ options: { registry: { type: "string", default: "test" }, "lease-ms": { type: "string" } } });
const secret = env().LANGGRAPH_RUNTIME_SECRET;
if (!secret) throw new Error("LANGGRAPH_RUNTIME_SECRET must be set: it is the bearer token of this runtime.");
const leaseMs = values["lease-ms"] ? Number(values["lease-ms"]) : DEFAULT_LEASE.leaseMs;
const database = db();
const runtime = createRuntime({
  database,
  registry: values.registry === "fleet" ? FLEET : TEST_REGISTRY,
  checkpointer: new LibsqlSaver(database),
  tokens: [secret],
  lease: { leaseMs, renewMs: Math.max(50, Math.round(leaseMs / 3)) },
});
const recovered = await runtime.recover();
const server = await serveRuntime(runtime);
console.log(JSON.stringify({ url: server.url, pid: process.pid, owner: runtime.owner, recovered }));
process.stdin.on("close", () => process.exit(0));
process.stdin.resume();
