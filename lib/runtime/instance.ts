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
  });
  return holder.__embeddedRuntime;
}
