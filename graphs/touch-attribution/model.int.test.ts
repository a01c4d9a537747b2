import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { startStubServer, type StubRequest } from "@/lib/llm/testing/stub-server";

// This file owns its process's environment: a fresh database and a model on a loopback stub.
/** The stub's model: the newest email offered gets weight 1, every older one 3. */
const offeredIds = (body: StubRequest) => [...String(body.messages.at(-1)!.content).matchAll(/emailId (\d+)/g)].map((m) => Number(m[1]));
const stub = await startStubServer({
  handler: (body) => ({ content: JSON.stringify({ weights: offeredIds(body).map((emailId, i) => ({ emailId, weight: i === 0 ? 1 : 3 })), reason: "Earlier emails set up the reply." }) }),
});
const testEnv = ownEnvironment("attribution", { LLM_BASE_URL: stub.url, LLM_MODEL: "stub-model" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { graphClient } = await import("@/lib/langgraph/instance");
const { closeReadOnly } = await import("@/db/read-only/pool");
const { PROMPT_VERSION } = await import("./prompts");
const { RULES_VERSION } = await import("./rules");
let campaignId = 0;

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 20, contacts: 400, emails: 3_000, anchor: new Date() });
  // The campaign whose emails drew the most positive replies.
  const [top] = await db().all<{ id: number }>(sql`SELECT r.campaign_id AS id FROM outcomes o JOIN emails r ON r.id = o.email_id
    WHERE o.label IN ('interested', 'meeting_scheduled') AND r.campaign_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  campaignId = top!.id;
}, 60_000);
afterAll(async () => {
  closeReadOnly(testEnv.url);
  await stub.close();
  db().$client.close();
  testEnv.removeDir();
});

describe("touch_attribution with a model", () => {
  it("spreads each recent conversion's credit over the emails before it, labelled, and keeps last-touch totals for all", async () => {
    const before = stub.requests.length;
    const { values, runId } = await graphClient().run("touch_attribution", { campaignId });
    const result = values.result!;
    expect(result.method).toBe("model-weighted");
    expect(result.promptVersion).toBe(PROMPT_VERSION);
    expect(result.conversions.length).toBeGreaterThan(1);
    const weighed = result.conversions.filter((c) => c.provenance.source === "model");
    expect(weighed.length).toBe(stub.requests.length - before);
    for (const c of weighed) {
      const n = c.touches.length;
      expect(n).toBeGreaterThan(1);
      // Newest 1, the rest 3 each, scaled to sum to 1.
      expect(c.touches[0]!.weight).toBeCloseTo(1 / (1 + 3 * (n - 1)), 10);
      expect(c.touches.reduce((s, t) => s + t.weight, 0)).toBeCloseTo(1, 10);
      expect(c.provenance.reason).toMatch(/^Weighted by stub-model: Earlier emails set up the reply\./);
      expect(c.provenance.path).toMatchObject({ node: "weigh_touches", path: expect.stringMatching(/^(model|cache)$/), model: "stub-model", promptVersion: PROMPT_VERSION });
    }
    for (const c of result.conversions.filter((c) => c.provenance.source !== "model")) expect(c.touches.length).toBeLessThanOrEqual(1);
    const credit = result.creditByStep.reduce((s, r) => s + r.credit, 0);
    expect(credit).toBeCloseTo(result.conversions.filter((c) => c.touches.length > 0).length, 2);
    const [calls] = await db().all<{ n: number; version: string }>(sql`SELECT count(*) AS n, max(prompt_version) AS version FROM llm_calls WHERE run_id = ${runId} AND graph = 'touch_attribution'`);
    expect(calls).toEqual({ n: weighed.length, version: PROMPT_VERSION });
    const last = stub.requests.at(-1)!.messages.at(-1)!.content as string;
    expect(last).toMatch(/^Outcome: (interested|meeting_scheduled) on \d{4}-\d{2}-\d{2}\.\n<<<emails before the reply \(untrusted data/);
  });

  it("falls back to the last touch for a conversion whose weights name emails that were not offered", async () => {
    // A contact none of whose conversions the first test weighed (those answers are cached now).
    const [contact] = await db().all<{ id: number }>(sql`SELECT o.contact_id AS id FROM outcomes o JOIN emails r ON r.id = o.email_id
      WHERE o.label IN ('interested', 'meeting_scheduled')
        AND (SELECT count(*) FROM emails e WHERE e.contact_id = o.contact_id AND e.direction = 'outbound' AND e.sent_at <= r.sent_at) >= 2
        AND o.contact_id NOT IN (SELECT o2.contact_id FROM outcomes o2 JOIN emails r2 ON r2.id = o2.email_id WHERE r2.campaign_id = ${campaignId})
      ORDER BY o.id LIMIT 1`);
    stub.enqueue({ content: JSON.stringify({ weights: [{ emailId: 999_999, weight: 1 }], reason: "made up" }) });
    const { values } = await graphClient().run("touch_attribution", { contactId: contact!.id });
    const fallback = values.result!.conversions.find((c) => c.provenance.source === "rule_based_fallback")!;
    expect(fallback.provenance.reason).toMatch(/weights named other emails/);
    expect(fallback.provenance.path).toEqual({ node: "weigh_touches", path: "fallback", fallback: "last_touch", why: "unusable_answer", templateVersion: RULES_VERSION });
    expect(fallback.touches.map((t) => t.weight)).toEqual([1, ...Array(fallback.touches.length - 1).fill(0)]);
    expect(values.result!.method).toBe(values.result!.conversions.some((c) => c.provenance.source === "model") ? "model-weighted" : "last-touch");
  });

  it("refuses an input with both or neither scope, naming the field", async () => {
    await expect(graphClient().run("touch_attribution", { campaignId: 1, contactId: 2 })).rejects.toMatchObject({ status: 422 });
    await expect(graphClient().run("touch_attribution", {})).rejects.toMatchObject({ status: 422, field: expect.stringContaining("campaignId") });
  });
});
