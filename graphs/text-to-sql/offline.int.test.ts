import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh seeded database and no model.
const testEnv = ownEnvironment("text-to-sql");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { graphClient } = await import("@/lib/langgraph/instance");
const { RULES_VERSION } = await import("./rules");

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 30, contacts: 200, emails: 800, anchor: new Date() });
}, 60_000);
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("text_to_sql without a model", () => {
  it("answers a question that is a catalogue report's title from the fixed report, labelled as such, with the real numbers", async () => {
    const { values } = await graphClient().run("text_to_sql", { question: "Replies by campaign" });
    expect(values.sqlSource).toBe("catalogue");
    expect(values.reportId).toBe("replies_by_campaign");
    expect(values.answer?.status).toBe("answered");
    expect(values.provenance).toMatchObject({
      source: "catalogue",
      confidence: 0.9,
      path: { node: "generate_sql", path: "fallback", fallback: "metrics_layer", why: "offline", templateVersion: RULES_VERSION },
    });
    const answer = values.answer as { columns: string[]; rows: unknown[][] };
    const totalReplies = answer.rows.reduce((sum, row) => sum + Number(row[answer.columns.indexOf("replies")] ?? 0), 0);
    const [independent] = await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM emails WHERE direction = 'inbound' AND campaign_id IS NOT NULL`);
    expect(totalReplies).toBe(independent!.n);
  });

  it("answers a question the metrics layer understands, saying how it read it, with the real numbers", async () => {
    const { values } = await graphClient().run("text_to_sql", { question: "Which campaign gets the most replies?" });
    expect(values.sqlSource).toBe("metrics");
    expect(values.answer?.status).toBe("answered");
    expect(values.provenance).toMatchObject({
      source: "metrics_layer",
      confidence: 0.9,
      path: { node: "generate_sql", path: "fallback", fallback: "metrics_layer", why: "offline", templateVersion: RULES_VERSION },
    });
    expect(values.provenance?.reason).toContain("measure: replies; by campaign; window: all time (no window named); largest first");
    const answer = values.answer as { columns: string[]; rows: unknown[][] };
    expect(answer.columns).toEqual(["campaign", "replies"]);
    const replies = answer.rows.map((row) => Number(row[1]));
    expect(replies).toEqual([...replies].sort((a, b) => b - a));
    const [independent] = await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM emails WHERE direction = 'inbound' AND campaign_id IS NOT NULL`);
    expect(replies.reduce((a, b) => a + b, 0)).toBe(independent!.n);
  });

  it("says which words it did not understand instead of answering another question", async () => {
    const { values } = await graphClient().run("text_to_sql", { question: "reply rate by vertical compared to last quarter" });
    expect(values.sqlSource).toBe("none");
    expect(values.answer).toMatchObject({ status: "needs_model" });
    expect(values.answer?.summary).toContain('I did not understand "compared", "last", "quarter"');
    expect(values.answer?.summary).toContain("Closest reports:");
    expect(values.provenance?.confidence).toBe(0);
  });

  it("refuses a question that is too short, naming the field", async () => {
    await expect(graphClient().run("text_to_sql", { question: "x" })).rejects.toMatchObject({ status: 422, field: "input.question" });
  });
});
