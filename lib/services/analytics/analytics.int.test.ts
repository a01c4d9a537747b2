import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh seeded database and no model (offline mode).
const testEnv = ownEnvironment("analytics-service");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { closeReadOnly } = await import("@/db/read-only/pool");
const { seedDatabase } = await import("@/db/seed/seed");
const analytics = await import(".");
const { runDetailFor } = await import("../runs");

const rep = { id: "rep-1", name: "Rita", email: "rita@x", role: "rep" as const };
const operator = { id: "op-1", name: "Otto", email: "otto@x", role: "operator" as const };
const otherOperator = { id: "op-2", name: "Olga", email: "olga@x", role: "operator" as const };
const admin = { id: "ad-1", name: "Ada", email: "ada@x", role: "admin" as const };

const count = async (table: "contacts" | "runs") => (await db().all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n;

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 30, contacts: 200, emails: 800, anchor: new Date() });
}, 60_000);
afterAll(() => {
  closeReadOnly(testEnv.url);
  db().$client.close();
  testEnv.removeDir();
});

describe("who may use analytics", () => {
  it("a rep is refused every analytics operation, and no graph runs for them", async () => {
    const runsBefore = await count("runs");
    const calls = [
      analytics.askQuestion(rep, { question: "Which campaign gets the most replies?" }),
      analytics.runEditedSql(rep, { sql: "SELECT count(*) FROM contacts" }),
      analytics.runCatalogueReport(rep, { reportId: "replies_by_campaign" }),
      analytics.questionHistory(rep),
      analytics.funnelView(rep, {}),
      analytics.analyticsHome(rep),
    ];
    for (const call of calls) await expect(call).rejects.toMatchObject({ code: "forbidden:analytics", status: 403 });
    expect(() => analytics.catalogueFor(rep)).toThrow(expect.objectContaining({ code: "forbidden:analytics" }));
    // The stream refuses when it is asked for, not when it is first read.
    expect(() => analytics.askQuestionStream(rep, { question: "Which campaign gets the most replies?" })).toThrow(expect.objectContaining({ code: "forbidden:analytics" }));
    expect(await count("runs")).toBe(runsBefore);
  });
});

describe("edited SQL goes through the gate", () => {
  it("an operator's DELETE is refused in a plain sentence and every contact is still there", async () => {
    const before = await count("contacts");
    const answer = await analytics.runEditedSql(operator, { sql: "DELETE FROM contacts", title: "Which campaign gets the most replies?" });
    expect(answer).toMatchObject({ status: "failed", source: "operator", rows: [], problem: { kind: "rejected" } });
    expect(answer.problem?.message).toBe("This SQL was refused: Only SELECT queries may run; this is a DELETE statement.");
    expect(answer.title).toBe("Which campaign gets the most replies?");
    expect(await count("contacts")).toBe(before);
  });

  it("an operator cannot read a table outside the CRM, or sneak a write into a second statement", async () => {
    const users = await analytics.runEditedSql(operator, { sql: "SELECT * FROM users" });
    expect(users.problem?.message).toMatch(/^This SQL was refused: The table "users" is outside the CRM/);
    const stacked = await analytics.runEditedSql(operator, { sql: "SELECT 1 FROM contacts; DELETE FROM contacts" });
    expect(stacked.problem).toMatchObject({ kind: "rejected" });
    expect(await count("contacts")).toBe(200);
  });

  it("an operator's SELECT runs on the read-only path and returns the same numbers as the database", async () => {
    const answer = await analytics.runEditedSql(operator, { sql: "SELECT vertical, count(*) AS companies FROM companies GROUP BY vertical ORDER BY vertical" });
    const raw = await db().all<{ vertical: string; n: number }>(sql`SELECT vertical, count(*) AS n FROM companies GROUP BY vertical ORDER BY vertical`);
    expect(answer).toMatchObject({ status: "answered", problem: null, columns: ["vertical", "companies"], truncated: false });
    expect(answer.rows).toEqual(raw.map((r) => [r.vertical, r.n]));
    expect(answer.attempts).toEqual([expect.objectContaining({ kind: "ok", error: null })]);
  });

  it("a database error reads as the database's own words", async () => {
    const answer = await analytics.runEditedSql(operator, { sql: "SELECT no_such_column FROM contacts" });
    expect(answer.problem).toMatchObject({ kind: "database" });
    expect(answer.problem?.message).toMatch(/^The database could not run this query: .*no such column: no_such_column/);
  });

  it("an operator's empty SQL is refused naming the field", async () => {
    await expect(analytics.runEditedSql(operator, { sql: "   " })).rejects.toMatchObject({ code: "bad_request:analytics", field: "sql" });
  });
});

describe("asking and the history", () => {
  it("an operator asks a catalogue question offline: the fixed report answers, with the run's real steps, and it joins only their history", async () => {
    const answer = await analytics.askQuestion(operator, { question: "  Replies by campaign " });
    expect(answer).toMatchObject({ origin: "question", status: "answered", source: "catalogue", reportId: "replies_by_campaign", problem: null, confidence: 0.9 });
    expect(answer.columns).toEqual(["campaign", "sent", "replies", "replies_per_100_sent"]);
    expect(answer.rows.length).toBeGreaterThan(0);
    expect(answer.runId).toBeTruthy();
    const nodes = answer.steps.map((s) => s.node);
    expect(nodes).toEqual(["understand_question", "identify_tables", "generate_sql", "validate_sql", "execute_sql", "summarize"]);
    expect(answer.steps.every((s) => s.status === "success" && typeof s.ms === "number" && s.ms >= 0)).toBe(true);

    const history = await analytics.questionHistory(operator);
    expect(history[0]).toMatchObject({ runId: answer.runId, question: "Replies by campaign", status: "success" });
    expect(await analytics.questionHistory(otherOperator)).toEqual([]);
  });

  it("a question the metrics layer cannot read says which words it did not understand, and asking twice lists it once", async () => {
    const answer = await analytics.askQuestion(operator, { question: "how are we doing?" });
    expect(answer).toMatchObject({ status: "needs_model", source: "none", sql: null, problem: { kind: "needs_model" } });
    expect(answer.problem?.message).toContain('I did not understand "doing"');
    await analytics.askQuestion(operator, { question: "How are we doing?" });
    const history = await analytics.questionHistory(operator);
    expect(history.map((h) => h.question)).toEqual(["How are we doing?", "Replies by campaign"]);
  });

  it("an operator's too-short question is refused naming the field, before any graph runs", async () => {
    const runsBefore = await count("runs");
    await expect(analytics.askQuestion(operator, { question: "x" })).rejects.toMatchObject({ code: "bad_request:analytics", field: "question" });
    expect(await count("runs")).toBe(runsBefore);
  });
});

describe("a question's run page", () => {
  it("an operator's question keeps its answer on the run, without rows, beside who asked; the operator and admins see it, another operator does not", async () => {
    const answer = await analytics.askQuestion(operator, { question: "Replies by campaign" });
    const detail = await runDetailFor(operator, answer.runId!);
    expect(detail.question).toBe("Replies by campaign");
    expect(detail.answer).toEqual({
      status: "answered",
      summary: answer.summary,
      sql: answer.sql,
      row_count: answer.rows.length,
      truncated: false,
      confidence: 0.9,
      source: "catalogue",
      report_id: "replies_by_campaign",
      tables: answer.tables,
      repairs: 0,
    });
    expect([...answer.tables].sort()).toEqual(["campaign_email_stats", "email_campaigns"]);
    expect(detail.run.metadata).toMatchObject({ requested_by: operator.id, question: "Replies by campaign" });
    expect((await runDetailFor(admin, answer.runId!)).answer?.summary).toBe(answer.summary);
    await expect(runDetailFor(otherOperator, answer.runId!)).rejects.toMatchObject({ code: "not_found:runs" });
  });

  it("an operator's streamed question yields its steps as they start and end, then the same answer", async () => {
    const events = [];
    for await (const event of analytics.askQuestionStream(operator, { question: "Bounces by week" })) events.push(event);
    expect(events[0]).toMatchObject({ type: "started" });
    const last = events.at(-1);
    expect(last).toMatchObject({ type: "answer", answer: { status: "answered", reportId: "bounces_by_week" } });
    const finished = events.flatMap((e) => (e.type === "step" && e.status !== "running" ? [e.node] : []));
    expect(finished).toEqual(last?.type === "answer" ? last.answer.steps.map((s) => s.node) : []);
  });
});

describe("reports and the funnel", () => {
  it("an operator runs a catalogue report directly, columns in the report's order", async () => {
    const answer = await analytics.runCatalogueReport(operator, { reportId: "bounces_by_week" });
    expect(answer).toMatchObject({ origin: "report", status: "answered", source: "catalogue", title: "Bounces by week", confidence: null });
    expect(answer.columns).toEqual(["week", "bounces"]);
    await expect(analytics.runCatalogueReport(operator, { reportId: "nope" })).rejects.toMatchObject({ code: "not_found:analytics" });
  });

  it("the funnel for all verticals is the sum of the verticals, and one vertical's is its own row", async () => {
    const all = await analytics.funnelView(operator, {});
    expect(all.total.counts.discovered).toBe(200);
    expect(all.total.counts.converted).toBe(all.byVertical.reduce((s, r) => s + r.counts.converted, 0));
    const first = all.byVertical[0]!;
    const one = await analytics.funnelView(operator, analytics.parseFunnelQuery(new URLSearchParams({ vertical: first.key })));
    expect(one).toMatchObject({ vertical: first.key, byVertical: [] });
    expect(one.total.counts).toEqual(first.counts);
    expect(() => analytics.parseFunnelQuery(new URLSearchParams({ vertical: "mining" }))).toThrow(expect.objectContaining({ code: "bad_request:analytics", field: "vertical" }));
  });
});
