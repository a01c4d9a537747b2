import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { startStubServer, type StubRequest } from "@/lib/llm/testing/stub-server";

// This file owns its process's environment: a seeded database and a model served by a loopback stub.
let sqlAnswers: string[] = [];
const system = (body: StubRequest) => String(body.messages[0]?.content ?? "");
const stub = await startStubServer({
  handler: (body) => {
    const prompt = system(body);
    if (prompt.startsWith("Restate")) return { content: JSON.stringify({ understanding: "Count contacts per vertical.", tables: ["contacts", "companies", "users"] }) };
    if (prompt.startsWith("Answer the question")) return { content: JSON.stringify({ summary: "Grounded summary from the rows." }) };
    return { content: JSON.stringify({ sql: sqlAnswers.shift() ?? "SELECT 1" }) };
  },
});
const testEnv = ownEnvironment("text-to-sql-model", { LLM_BASE_URL: stub.url, LLM_MODEL: "stub-model" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { graphClient } = await import("@/lib/langgraph/instance");

const GOOD = "SELECT co.vertical, count(*) AS contacts FROM contacts c JOIN companies co ON co.id = c.company_id GROUP BY co.vertical ORDER BY contacts DESC LIMIT 50";
const WRONG_COLUMN = "SELECT co.industry, count(*) AS contacts FROM contacts c JOIN companies co ON co.id = c.company_id GROUP BY co.industry LIMIT 50";

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 30, contacts: 200, emails: 400, anchor: new Date() });
}, 60_000);
beforeEach(() => {
  sqlAnswers = [];
});
afterAll(async () => {
  await stub.close();
  db().$client.close();
  testEnv.removeDir();
});

const repairRequests = () => stub.requests.filter((r) => system(r).startsWith("A SQLite query failed"));

describe("text_to_sql with a model", () => {
  it("repairs a wrong column from the database's own error text, then answers from the rows", async () => {
    sqlAnswers = [WRONG_COLUMN, GOOD];
    const before = repairRequests().length;
    const { values } = await graphClient().run("text_to_sql", { question: "How many contacts do we have per vertical?" });
    expect(values.repairs).toBe(1);
    expect(values.attempts?.map((a) => a.kind)).toEqual(["database", "ok"]);
    const repair = repairRequests().slice(before)[0]!;
    expect(String(repair.messages[1]?.content)).toContain("no such column: co.industry");
    expect(values.answer?.status).toBe("answered");
    expect(values.answer?.summary).toBe("Grounded summary from the rows.");
    const answer = values.answer as { rows: unknown[][] };
    const [count] = await db().all<{ n: number }>(sql`SELECT count(DISTINCT vertical) AS n FROM companies`);
    expect(answer.rows).toHaveLength(count!.n);
    // The model named a forbidden table while reading the question; it never reaches the SQL.
    expect(values.tables).not.toContain("users");
    // The SQL that ran is the repair's, and its provenance says so.
    expect(values.provenance).toMatchObject({ source: "model", confidence: 0.7, path: { node: "repair_sql", path: "model", model: "stub-model" } });
    expect(values.calls.map((c) => `${c.node}:${c.path}`)).toEqual(["understand_question:model", "generate_sql:model", "repair_sql:model", "summarize:model"]);
  });

  it("stops after two repairs and says why", async () => {
    // Three different wrong columns: identical repair prompts would be answered from the cache.
    sqlAnswers = [WRONG_COLUMN, WRONG_COLUMN.replaceAll("industry", "sector"), WRONG_COLUMN.replaceAll("industry", "segment"), GOOD];
    const before = repairRequests().length;
    const { values } = await graphClient().run("text_to_sql", { question: "How many contacts per vertical?" });
    expect(repairRequests().length - before).toBe(2);
    expect(values.repairs).toBe(2);
    expect(values.answer).toMatchObject({ status: "failed" });
    expect((values.answer as { error: string }).error).toContain("no such column");
  });

  it("feeds a gate rejection to the repair, and gates the repaired SQL again", async () => {
    sqlAnswers = ["DELETE FROM contacts", "SELECT * FROM users", GOOD];
    const { values } = await graphClient().run("text_to_sql", { question: "Contacts per vertical, please" });
    expect(values.attempts?.map((a) => a.kind)).toEqual(["rejected", "rejected", "ok"]);
    expect(values.answer?.status).toBe("answered");
    const [{ n } = { n: 0 }] = await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM contacts`);
    expect(n).toBe(200);
  });

  it("an empty result is a success, summarised without a model", async () => {
    sqlAnswers = ["SELECT id FROM contacts WHERE id < 0"];
    const { values } = await graphClient().run("text_to_sql", { question: "Contacts with a negative id?" });
    expect(values.answer).toMatchObject({ status: "answered", summary: "The query ran successfully but matched no records.", rows: [] });
  });
});
