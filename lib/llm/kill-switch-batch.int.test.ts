import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { KILL_SWITCH_TTL_MS } from "./kill-switch";
import { startStubServer, type StubRequest } from "./testing/stub-server";

// This file owns its process's environment: a seeded database, a slow model on loopback, and at
// most three graph runs in flight, so a batch of six is still queueing when the switch flips.
let delayMs = 2_500;
/** When each request reached the stub, in the stub's own order: the truth about what the model saw. */
const arrivals: number[] = [];
const system = (body: StubRequest) => String(body.messages[0]?.content ?? "");
const stub = await startStubServer({
  handler: (body) => {
    arrivals.push(Date.now());
    const prompt = system(body);
    if (prompt.startsWith("You plan the next steps")) return { content: '{"tasks":["qualify","analyze_opportunity","compose"]}', delayMs };
    if (prompt.startsWith("Pick the roles")) return { content: '{"roles":["researcher","composer"]}', delayMs };
    return { content: '{"subject":"A note","body":"Hi,\\n\\nA grounded note.\\n\\nBest,\\nRiley"}', delayMs };
  },
});
const testEnv = ownEnvironment("kill-switch-batch", { LLM_BASE_URL: stub.url, LLM_MODEL: "gpt-4o-mini", LANGGRAPH_MAX_CONCURRENCY: "3" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { emailHash } = await import("@/db/queries/suppression");
const { draftOutreach } = await import("@/lib/services/drafts");
const { setKillSwitch } = await import("@/lib/services/model-controls");
const { complete, isModelUnavailable } = await import("@/lib/llm");

const admin = { id: "usr_demo_admin", name: "Ada Admin", email: "admin@demo.local", role: "admin" as const };

/** Contacts nothing stops: no flag, never emailed, not suppressed. */
async function draftableContacts(n: number): Promise<number[]> {
  const rows = await db().all<{ id: number; email: string }>(sql`
    SELECT c.id, c.email FROM contacts c WHERE c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
      AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id) ORDER BY c.id`);
  const suppressed = new Set((await db().all<{ email_hash: string }>(sql`SELECT email_hash FROM suppression`)).map((r) => r.email_hash));
  const clean = rows.filter((c) => !suppressed.has(emailHash(c.email))).map((c) => c.id);
  expect(clean.length).toBeGreaterThanOrEqual(n);
  return clean.slice(0, n);
}

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 12, contacts: 60, emails: 40, anchor: new Date() });
}, 60_000);
afterAll(async () => {
  await stub.close();
  db().$client.close();
  testEnv.removeDir();
});

describe("the kill switch during a batch", () => {
  it("an admin flipping the kill switch mid-batch lets the calls in flight finish and stops every call the batch had not started", async () => {
    const contacts = await draftableContacts(6);
    const batch = draftOutreach(admin, contacts);
    // The first three runs are waiting on the (slow) model for their plans; the other three are queued.
    await expect.poll(() => stub.requests.length, { interval: 20, timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    expect(stub.requests.map(system).every((p) => p.startsWith("You plan the next steps"))).toBe(true);
    expect(stub.requests).toHaveLength(3);
    const requestedAt = Date.now();
    await setKillSwitch(admin, true);

    const results = await batch;
    expect(results.map((r) => r.status)).toEqual(Array(6).fill("drafted"));
    // Nothing reached the model after the flip: the three plans in flight are all it ever saw.
    expect(stub.requests).toHaveLength(3);
    expect(arrivals.every((t) => t < requestedAt)).toBe(true);

    const calls = await db().all<{ node: string; status: string; error: string | null; latency_ms: number; created_at: number }>(
      sql`SELECT node, status, error, latency_ms, created_at FROM llm_calls WHERE graph IN ('email_orchestrator', 'email_compose') ORDER BY id`,
    );
    const ok = calls.filter((c) => c.status === "ok");
    const refused = calls.filter((c) => c.status === "refused");
    // The calls in flight finished normally, after the flip, with the model's answer.
    expect(ok.map((c) => c.node)).toEqual(["plan_tasks", "plan_tasks", "plan_tasks"]);
    for (const c of ok) expect(c.latency_ms).toBeGreaterThanOrEqual(delayMs - 100);
    for (const c of ok) expect(c.created_at).toBeGreaterThanOrEqual(requestedAt);
    // Every later call was refused and recorded as such: the first wave's roles and drafts, and all of the second wave.
    expect(refused).toHaveLength(3 * 2 + 3 * 3);
    expect(refused.every((c) => c.error?.startsWith("kill_switch: an admin switched model calls off"))).toBe(true);
    expect(calls).toHaveLength(ok.length + refused.length);

    // Every draft took its deterministic path and says so.
    const drafts = await db().all<{ model: string; provenance: string }>(
      sql`SELECT model, provenance FROM drafts WHERE id IN (${sql.join(results.map((r) => sql`${r.status === "drafted" ? r.draftId : 0}`), sql`, `)})`,
    );
    expect(drafts).toHaveLength(6);
    for (const d of drafts) {
      expect(d.model).toBe("offline template");
      expect(JSON.parse(d.provenance)).toMatchObject({ source: "rule_based_fallback", reason: expect.stringContaining("kill_switch") });
    }

    await setKillSwitch(admin, false);
  });

  it("model calls started more than a second after an admin's flip never reach the model, while those in flight finish", async () => {
    // Let the previous test's reading of the switch expire, and make each answer quick.
    await new Promise((r) => setTimeout(r, KILL_SWITCH_TTL_MS + 100));
    delayMs = 150;
    const base = stub.requests.length;
    const baseArrival = arrivals.length;
    type Outcome = { startedAt: number; endedAt: number; outcome: "answered" | "refused" };
    const outcomes: Outcome[] = [];
    let stopAt = Number.POSITIVE_INFINITY;
    let seq = 0;
    // Four workers calling back to back, as a busy batch would.
    const worker = async () => {
      while (Date.now() < stopAt) {
        const startedAt = Date.now();
        try {
          await complete({ graph: "email_compose", node: "draft_email", promptVersion: "batch-v1" }, [{ role: "user", content: `call ${seq++}` }], { maxTokens: 50 });
          outcomes.push({ startedAt, endedAt: Date.now(), outcome: "answered" });
        } catch (e) {
          if (!(isModelUnavailable(e) && e.reason === "kill_switch")) throw e;
          outcomes.push({ startedAt, endedAt: Date.now(), outcome: "refused" });
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const workers = Promise.all([worker(), worker(), worker(), worker()]);
    await new Promise((r) => setTimeout(r, 700));
    // Before the write and after its commit: what started before the first was never told; what starts a second after the second must be.
    const requestedAt = Date.now();
    await setKillSwitch(admin, true);
    const flippedAt = Date.now();
    stopAt = flippedAt + 2_500;
    await workers;

    // The documented propagation: a call that starts a second after the flip sees it. A call that
    // passed the check just before may still be on its way (budget, cache, HTTP), hence the slack.
    const deadline = flippedAt + KILL_SWITCH_TTL_MS;
    expect(arrivals.slice(baseArrival).every((t) => t <= deadline + 250)).toBe(true);
    const late = outcomes.filter((o) => o.startedAt >= deadline);
    expect(late.length).toBeGreaterThan(10);
    expect(late.every((o) => o.outcome === "refused")).toBe(true);
    // Calls in flight across the flip were answered, not cut off.
    const spanning = outcomes.filter((o) => o.startedAt < requestedAt && o.endedAt > flippedAt);
    expect(spanning.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.startedAt < requestedAt).every((o) => o.outcome === "answered")).toBe(true);
    // The stub's count is the truth: exactly the answered calls reached it.
    expect(stub.requests.length - base).toBe(outcomes.filter((o) => o.outcome === "answered").length);

    await setKillSwitch(admin, false);
  });
});
