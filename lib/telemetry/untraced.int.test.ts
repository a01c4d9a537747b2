import http from "node:http";
import { ProxyTracerProvider, trace } from "@opentelemetry/api";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process: instrumentation.ts runs with no exporter endpoint configured.
const testEnv = ownEnvironment("untraced", { DEMO_MODE: "false", NEXT_RUNTIME: "nodejs" });

const fetchBefore = globalThis.fetch;
const httpRequestBefore = http.request;
const { register } = await import("@/instrumentation");
await register();

const { db } = await import("@/db/client");
const { graphClient } = await import("@/lib/langgraph/instance");
const { withSpan } = await import("./span");

afterAll(async () => {
  // instrumentation.ts started this process's job runner, as in the console.
  await (await import("@/lib/jobs/instance")).stopJobs();
  db().$client.close();
  testEnv.removeDir();
});

describe("with no OTLP endpoint configured", () => {
  it("nothing is registered: fetch and http are the originals and the tracer provider is the no-op", () => {
    expect(globalThis.fetch).toBe(fetchBefore);
    expect(http.request).toBe(httpRequestBefore);
    const provider = trace.getTracerProvider() as ProxyTracerProvider;
    expect(provider.getDelegate().constructor.name).toBe("NoopTracerProvider");
    expect(trace.getTracer("probe").startSpan("probe").isRecording()).toBe(false);
  });

  it("withSpan runs its work with the caller's context untouched and no recording span", async () => {
    const seen = await withSpan("drafts.draft_outreach", { graph: "email_orchestrator" }, (span) => ({ recording: span.isRecording(), active: trace.getActiveSpan() }));
    expect(seen).toEqual({ recording: false, active: undefined });
    await expect(withSpan("fails", {}, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });

  it("a graph run works as before and carries no trace id anywhere", async () => {
    const result = await graphClient().run("inbound_classify", { subject: "Please unsubscribe me", body: "remove me from the list", from: "ann@example.com" });
    expect(result.values.classification).toMatchObject({ label: "unsubscribe" });
    expect(result.traceId).toBeNull();
    const run = (await db().all<{ trace_id: string | null }>(sql`SELECT trace_id FROM runs WHERE id = ${result.runId}`))[0];
    expect(run).toEqual({ trace_id: null });
  });
});
