import { FLEET, type Fleet } from "@/graphs/registry";
import { env } from "@/lib/env";
import { embeddedRuntime, runtimeToken } from "@/lib/runtime/instance";
import { createGraphClient, type GraphClient } from "./client";
import { inProcessFetch, IN_PROCESS_URL } from "./in-process";

const holder = globalThis as unknown as { __graphClient?: GraphClient<Fleet> };

/**
 * The console's graph client: LangGraph Platform / a LangGraph server when LANGGRAPH_API_URL is
 * set, otherwise this console's embedded runtime, called in-process.
 */
export function graphClient(): GraphClient<Fleet> {
  if (holder.__graphClient) return holder.__graphClient;
  const { LANGGRAPH_API_URL, LANGGRAPH_API_KEY, LANGGRAPH_RUNTIME_SECRET, LANGGRAPH_MAX_CONCURRENCY } = env();
  holder.__graphClient = LANGGRAPH_API_URL
    ? createGraphClient(FLEET, {
        apiUrl: LANGGRAPH_API_URL,
        apiKey: LANGGRAPH_API_KEY ?? null,
        token: LANGGRAPH_RUNTIME_SECRET ?? null,
        maxConcurrency: LANGGRAPH_MAX_CONCURRENCY,
      })
    : createGraphClient(FLEET, {
        apiUrl: IN_PROCESS_URL,
        token: runtimeToken(),
        maxConcurrency: LANGGRAPH_MAX_CONCURRENCY,
        fetch: inProcessFetch(embeddedRuntime()),
      });
  return holder.__graphClient;
}
