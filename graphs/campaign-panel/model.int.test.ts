import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { startStubServer } from "@/lib/llm/testing/stub-server";

// This file owns its process's environment: a fresh database and a model on a loopback stub.
const stub = await startStubServer();
const testEnv = ownEnvironment("campaign-panel-model", { LLM_BASE_URL: stub.url, LLM_MODEL: "stub-model" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { graphClient } = await import("@/lib/langgraph/instance");
const { PROMPT_VERSION } = await import("./prompts");
const { RULES_VERSION } = await import("./rules");

let ids: number[] = [];
beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 6, contacts: 24, emails: 0, anchor: new Date() });
  ids = (await db().all<{ id: number }>(sql`SELECT id FROM contacts ORDER BY id`)).map((r) => r.id);
}, 60_000);
afterAll(async () => {
  await stub.close();
  db().$client.close();
  testEnv.removeDir();
});

const json = (v: unknown) => ({ content: JSON.stringify(v) });
const strategist = json({ argument: "Lead with their hiring: most of these companies are adding account executives.", proposals: { angle: "Ramp new reps faster", tone: "Aggressive", maxTouches: 9, cadenceDays: [0, 3, 90], perTouchAngles: ["Hiring hook", "Peer story", "Close"] }, confidence: 0.8 });
const skeptic = json({ argument: "Six touches is too many for directors; four, spaced wider.", proposals: { maxTouches: 4, cadenceDays: [0, 5, 9, 14], stopCriteria: "Stop at any reply from the company." }, confidence: 1.7 });
const brand = json({ argument: "Direct and brief: these readers are busy.", proposals: { tone: "direct" }, confidence: 0.6 });
// Each test names its campaign differently, so the exact-match response cache never answers for the stub.
const panelRun = async (campaignName: string) => (await graphClient().run("campaign_panel", { contactIds: ids, campaignName })).values;

describe("campaign_panel with a model", () => {
  it("each lens hears the arguments before it, as fenced data; proposals are coerced; the chair's plan stands, checked by the coach-plan rules", async () => {
    const before = stub.requests.length;
    stub.enqueue(strategist, skeptic, brand, json({ angle: "Ramp new reps faster", tone: "direct", cadenceDays: [0, 5, 9, 75], maxTouches: 4, perTouchAngles: ["Hiring hook", "Peer story", "One number", "Close"], stopCriteria: "Stop at any reply from the company.", confidence: 0.72, reason: "The skeptic won the cadence, the brand voice the tone." }));
    const values = await panelRun("Rep ramp");
    expect(stub.requests.length - before).toBe(4);
    const [s, k, b] = values.lenses;
    expect(s).toMatchObject({ lens: "strategist", promptVersion: PROMPT_VERSION, proposals: { angle: "Ramp new reps faster", maxTouches: 6, cadenceDays: [0, 3, 60], perTouchAngles: ["Hiring hook", "Peer story", "Close"] } });
    expect(s!.proposals.tone).toBeUndefined();
    expect(k!.provenance).toMatchObject({ confidence: 1, source: "model", path: { node: "skeptic", path: "model", model: "stub-model", promptVersion: PROMPT_VERSION } });
    expect(b!.argument).toBe("Direct and brief: these readers are busy.");

    const skepticUser = (stub.requests[before + 1]!.messages as { role: string; content: string }[])[1]!.content;
    expect(skepticUser).toContain("<<<what the panel said so far (untrusted data");
    expect(skepticUser).toContain("Lead with their hiring");
    expect((stub.requests[before]!.messages as { content: string }[])[1]!.content).toContain("You speak first.");

    expect(values.agreed).toEqual({ angle: "Ramp new reps faster", tone: "direct", cadenceDays: [0, 5, 9, 60], maxTouches: 4, perTouchAngles: ["Hiring hook", "Peer story", "One number", "Close"], stopCriteria: "Stop at any reply from the company." });
    expect(values.promptVersion).toBe(PROMPT_VERSION);
    expect(values.provenance).toMatchObject({ confidence: 0.72, source: "model", path: { node: "agree_plan", path: "model" } });
    expect(values.provenance!.reason).toBe("The skeptic won the cadence, the brand voice the tone. Clamped to the limits: cadenceDays[3].");
    const rows = await db().all<{ node: string; status: string; feature: string }>(sql`SELECT node, status, feature FROM llm_calls WHERE graph = 'campaign_panel' ORDER BY id`);
    expect(rows.map((r) => `${r.node}:${r.status}:${r.feature}`)).toEqual(["strategist:ok:campaigns", "skeptic:ok:campaigns", "brand_voice:ok:campaigns", "agree_plan:ok:campaigns"]);
  });

  it("a chair's plan the coach-plan rules refuse is unusable: the lenses' proposals are merged by rule instead, labelled with why", async () => {
    stub.enqueue(strategist, skeptic, brand, json({ angle: "Ramp new reps faster", tone: "aggressive", cadenceDays: [0, 4], maxTouches: 2, confidence: 0.9 }));
    const values = await panelRun("Rep ramp, refused chair");
    expect(values.lenses.every((l) => l.provenance.source === "model")).toBe(true);
    expect(values.provenance).toMatchObject({ source: "rule_based_fallback", confidence: 0.6, path: { node: "agree_plan", path: "fallback", fallback: "lens_merge", why: "unusable_answer", templateVersion: RULES_VERSION } });
    expect(values.provenance!.reason).toContain("the agreed plan breaks the coach-plan rules (invalid tone)");
    // Each field from the lens whose job it is; the strategist's three angles fitted to the skeptic's four touches.
    expect(values.agreed).toEqual({ angle: "Ramp new reps faster", tone: "direct", cadenceDays: [0, 5, 9, 14], maxTouches: 4, perTouchAngles: ["Hiring hook", "Peer story", "Close", "Ramp new reps faster"], stopCriteria: "Stop at any reply from the company." });
    expect(values.promptVersion).toBe(RULES_VERSION);
  });

  it("a model that answers garbage leaves a panel argued wholly by the audience rules, every part labelled invalid_output", async () => {
    stub.enqueue({ content: "I think six touches." }, { content: '{"argument": ""}' }, { content: "```json\n[1, 2]\n```" }, { content: "no" });
    const values = await panelRun("Rep ramp, garbage");
    expect(values.calls.map((c) => (c.path === "fallback" ? `${c.node}:${c.fallback}:${c.why}` : c.node))).toEqual([
      "strategist:audience_rules:invalid_output",
      "skeptic:audience_rules:invalid_output",
      "brand_voice:audience_rules:invalid_output",
      "agree_plan:lens_merge:invalid_output",
    ]);
    expect(values.lenses.map((l) => l.provenance.reason)).toEqual(Array(3).fill("Argued by the audience rules (model unavailable: invalid_output)."));
    expect(values.agreed!.perTouchAngles).toHaveLength(values.agreed!.maxTouches);
    expect(values.provenance).toMatchObject({ source: "rule_based_fallback" });
  });
});
