import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import type { AskLine } from "@/lib/services/analytics";

// This file owns its process's environment: a fresh seeded database in demo mode, no model (offline).
const testEnv = ownEnvironment("analytics-ask", { DEMO_MODE: "true" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { closeReadOnly } = await import("@/db/read-only/pool");
const { seedDatabase } = await import("@/db/seed/seed");
const { demoSessionHeaders: sessionHeaders, TEST_HOST: HOST } = await import("@/lib/auth/testing");
const { POST } = await import("./route");

const QUESTION = "Replies by campaign";
const NODES = ["understand_question", "identify_tables", "generate_sql", "validate_sql", "execute_sql", "summarize"];

function ask(body: string, headers = new Headers({ host: HOST })) {
  headers.set("content-type", "application/json");
  return POST(new Request(`http://${HOST}/api/analytics/ask`, { method: "POST", headers, body }));
}

/** The NDJSON lines of a response, each parsed as soon as its newline arrives. */
async function lines(response: Response): Promise<AskLine[]> {
  const seen: AskLine[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
      seen.push(JSON.parse(buffer.slice(0, end)) as AskLine);
      buffer = buffer.slice(end + 1);
    }
  }
  expect(buffer).toBe("");
  return seen;
}

const runCount = async () => (await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM runs`))[0]!.n;

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 20, contacts: 120, emails: 400, anchor: new Date() });
}, 60_000);
afterAll(() => {
  closeReadOnly(testEnv.url);
  db().$client.close();
  testEnv.removeDir();
});

describe("POST /api/analytics/ask", () => {
  it("an operator's question streams each step as it starts and ends, in node order, and then the answer", async () => {
    const response = await ask(JSON.stringify({ question: QUESTION }), await sessionHeaders("operator@demo.local"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const seen = await lines(response);

    expect(seen[0]).toMatchObject({ type: "started", runId: expect.any(String) });
    const answer = seen.at(-1);
    expect(answer?.type).toBe("answer");
    if (answer?.type !== "answer") return;
    const steps = seen.slice(1, -1);
    expect(steps.every((l) => l.type === "step")).toBe(true);
    expect(steps.map((l) => l.type === "step" && `${l.node}:${l.status}`)).toEqual(NODES.flatMap((node) => [`${node}:running`, `${node}:success`]));
    for (const step of steps) if (step.type === "step") expect(step.status === "running" ? step.ms === null : step.ms! >= 0).toBe(true);

    expect(answer.answer).toMatchObject({ origin: "question", status: "answered", source: "catalogue", reportId: "replies_by_campaign", runId: seen[0]!.type === "started" && seen[0]!.runId });
    expect(answer.answer.steps.map((s) => s.node)).toEqual(NODES);
    expect(answer.answer.rows.length).toBeGreaterThan(0);

    // The run keeps the answer beside who asked and what, without the rows.
    const [meta] = await db().all<{ metadata: string }>(sql`SELECT metadata FROM runs WHERE id = ${answer.answer.runId}`);
    expect(JSON.parse(meta!.metadata)).toEqual({
      requested_by: "usr_demo_operator",
      question: QUESTION,
      answer: {
        status: "answered",
        summary: answer.answer.summary,
        sql: answer.answer.sql,
        row_count: answer.answer.rows.length,
        truncated: false,
        confidence: 0.9,
        source: "catalogue",
        report_id: "replies_by_campaign",
        tables: ["campaign_email_stats", "email_campaigns"],
        repairs: 0,
      },
    });
  });

  it("a question no report answers offline still streams its steps, and ends with an answer saying a model is needed", async () => {
    const seen = await lines(await ask(JSON.stringify({ question: "how are we doing?" }), await sessionHeaders("admin@demo.local")));
    expect(seen.filter((l) => l.type === "step").length).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatchObject({ type: "answer", answer: { status: "needs_model", problem: { kind: "needs_model" } } });
  });

  it("a rep gets 403 JSON and no graph runs", async () => {
    const before = await runCount();
    const response = await ask(JSON.stringify({ question: QUESTION }), await sessionHeaders("rep@demo.local"));
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect((await response.json()).error.code).toBe("forbidden:analytics");
    expect(await runCount()).toBe(before);
  });

  it("no session is a 401", async () => {
    const response = await ask(JSON.stringify({ question: QUESTION }));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized:analytics");
  });

  it("bad input is a 400 naming the field, before any graph runs", async () => {
    const before = await runCount();
    const headers = await sessionHeaders("operator@demo.local");
    const short = await ask(JSON.stringify({ question: "x" }), new Headers(headers));
    expect(short.status).toBe(400);
    expect((await short.json()).error).toMatchObject({ code: "bad_request:analytics", field: "question", message: "Ask a question of at least 3 characters." });
    const missing = await ask(JSON.stringify({}), new Headers(headers));
    expect((await missing.json()).error).toMatchObject({ field: "question", message: "Type a question." });
    const malformed = await ask("{nope", new Headers(headers));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.field).toBe("body");
    expect(await runCount()).toBe(before);
  });
});
