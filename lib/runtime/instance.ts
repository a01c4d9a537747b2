import { db } from "@/db/client";
import { FLEET } from "@/graphs/registry";
import { env } from "@/lib/env";
import { processToken } from "@/lib/http/auth";
import { LibsqlSaver } from "./checkpointer";
import { createRuntime, type Runtime } from "./runtime";

/** The token this process's runtime accepts: the configured secret, or the per-process token. */
export function runtimeToken(): string {
  return env().LANGGRAPH_RUNTIME_SECRET ?? processToken();
}

const holder = globalThis as unknown as { __embeddedRuntime?: Runtime };

/** The console's embedded runtime over the fleet, created on first use (no graph is compiled). */
export function embeddedRuntime(): Runtime {
  holder.__embeddedRuntime ??= createRuntime({
    database: db(),
    registry: FLEET,
    checkpointer: new LibsqlSaver(db()),
    tokens: [runtimeToken()],
    langsmith: Boolean(env().LANGSMITH_API_KEY),
  });
  return holder.__embeddedRuntime;
}

/**
 * Start-up: settles the runs a previous process left running (killed, crashed) before any new
 * run starts here, and starts this process's lease renewal and sweep. Logs what it settled.
 */
export async function recoverEmbeddedRuns(): Promise<void> {
  const report = await embeddedRuntime().recover();
  if (report.failed) {
    console.log(
      `[runtime] ${report.failed} run(s) interrupted by a restart: ${report.interrupted} thread(s) waiting on a person again, ` +
        `${report.continued} carried on from their checkpoint, ${report.released} released`,
    );
  }
}
