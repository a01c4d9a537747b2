import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database and no model (offline).
const testEnv = ownEnvironment("campaign-panel-offline");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { graphClient } = await import("@/lib/langgraph/instance");
const { coerceCoachPlan } = await import("@/lib/campaigns/coach-plan");
const { RULES_VERSION } = await import("./rules");

let ids: number[] = [];
beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 12, contacts: 60, emails: 0, anchor: new Date() });
  ids = (await db().all<{ id: number }>(sql`SELECT id FROM contacts ORDER BY id`)).map((r) => r.id);
}, 60_000);
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

const offline = (node: string, fallback: string) => ({ node, path: "fallback", fallback, why: "offline", templateVersion: RULES_VERSION });

describe("campaign_panel, offline", () => {
  it("each lens argues from the audience's own facts, labelled as the audience rules, and the agreed plan keeps the coach plan's limits", async () => {
    const { values } = await graphClient().run("campaign_panel", { contactIds: ids, campaignName: "Q1 pipeline" });
    const { companies } = (await db().all<{ companies: number }>(sql`SELECT count(DISTINCT company_id) AS companies FROM contacts`))[0]!;
    expect(values.outcome).toBe("agreed");
    expect(values.profile).toMatchObject({ contacts: 60, companies });
    expect(values.lenses.map((l) => l.lens)).toEqual(["strategist", "skeptic", "brand_voice"]);
    for (const l of values.lenses) {
      expect(l.provenance).toMatchObject({ source: "rule_based_fallback", path: offline(l.lens, "audience_rules") });
      expect(l.provenance.reason).toBe("Argued by the audience rules (no model configured).");
      expect(l.promptVersion).toBe(RULES_VERSION);
      expect(l.argument.length).toBeGreaterThan(40);
    }
    const top = values.profile!.themes[0]!;
    expect(values.lenses[0]!.argument).toContain(`${top.label}: ${top.companies} of ${companies} companies`);
    expect(values.calls.map((c) => c.path)).toEqual(["fallback", "fallback", "fallback", "fallback"]);

    const agreed = values.agreed!;
    expect(coerceCoachPlan(agreed)).toMatchObject({ ok: true, clamped: [] });
    expect(agreed.perTouchAngles).toHaveLength(agreed.maxTouches);
    expect(agreed.cadenceDays).toHaveLength(agreed.maxTouches);
    expect(agreed.tone).toBe(values.lenses[2]!.proposals.tone);
    expect(values.promptVersion).toBe(RULES_VERSION);
    expect(values.provenance).toMatchObject({ source: "rule_based_fallback", path: offline("agree_plan", "lens_merge") });
    expect(values.provenance!.evidence).toContain("tone: brand_voice");
  });

  it("the same audience gets the same panel: the offline path is deterministic", async () => {
    const a = (await graphClient().run("campaign_panel", { contactIds: ids.slice(0, 20) })).values;
    const b = (await graphClient().run("campaign_panel", { contactIds: [...ids.slice(0, 20)].reverse() })).values;
    expect(b.lenses.map((l) => l.argument)).toEqual(a.lenses.map((l) => l.argument));
    expect(b.agreed).toEqual(a.agreed);
  });

  it("an audience whose contacts no longer exist ends without a plan and no lens speaks", async () => {
    const { values } = await graphClient().run("campaign_panel", { contactIds: [9_999_991, 9_999_992] });
    expect(values).toMatchObject({ outcome: "empty_audience", lenses: [], calls: [] });
    expect(values.agreed).toBeUndefined();
  });

  it("an empty audience or one over 20,000 contacts is refused naming contactIds, and no run is recorded", async () => {
    const runs = async () => (await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM runs`))[0]!.n;
    const before = await runs();
    await expect(graphClient().run("campaign_panel", { contactIds: [] })).rejects.toThrow(/contactIds/);
    await expect(graphClient().run("campaign_panel", { contactIds: Array.from({ length: 20_001 }, (_, i) => i + 1) })).rejects.toThrow(/contactIds/);
    expect(await runs()).toBe(before);
  });
});
