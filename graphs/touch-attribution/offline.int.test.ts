import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database and no model at all.
const testEnv = ownEnvironment("attribution-offline");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { graphClient } = await import("@/lib/langgraph/instance");
const { closeReadOnly } = await import("@/db/read-only/pool");
const { attributeTouches } = await import("@/lib/analytics/attribution");
const { RULES_VERSION } = await import("./rules");
const { CAMPAIGNS } = await import("@/db/seed/campaigns");

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 20, contacts: 400, emails: 3_000, anchor: new Date() });
}, 60_000);
afterAll(() => {
  closeReadOnly(testEnv.url);
  db().$client.close();
  testEnv.removeDir();
});

describe("touch_attribution without a model", () => {
  it("credits every conversion's last touch and says why, with the last-touch totals of the whole scope", async () => {
    // The seed's campaign with the most conversions, so the checks below have conversions to look at.
    let campaignId = 1;
    for (let id = 2; id <= CAMPAIGNS.length; id++) if ((await attributeTouches({ campaignId: id })).total > (await attributeTouches({ campaignId })).total) campaignId = id;
    const expected = await attributeTouches({ campaignId });
    expect(expected.total).toBeGreaterThan(1);
    const { values } = await graphClient().run("touch_attribution", { campaignId });
    const result = values.result!;
    expect(result.method).toBe("last-touch");
    expect(result.promptVersion).toBe(RULES_VERSION);
    expect(result.note).toMatch(/^Last touch: each conversion credits the latest email before it \(no model configured\)\./);
    expect(result.lastTouch).toEqual({ total: expected.total, byStep: expected.byStep });
    expect(result.conversions.map((c) => c.outcomeId)).toEqual(expected.conversions.slice(0, 10).map((c) => c.outcomeId));
    for (const c of result.conversions) {
      expect(c.provenance.source).not.toBe("model");
      expect(c.touches.map((t) => t.weight)).toEqual(c.touches.map((_, i) => (i === 0 ? 1 : 0)));
      // The credited touch is the one last-touch attribution names.
      const named = expected.conversions.find((e) => e.outcomeId === c.outcomeId)!.credited;
      expect(c.touches[0]?.emailId ?? null).toBe(named?.emailId ?? null);
      if (c.touches.length > 1) {
        expect(c.provenance).toMatchObject({
          source: "rule_based_fallback",
          reason: expect.stringContaining("no model configured"),
          path: { node: "weigh_touches", path: "fallback", fallback: "last_touch", why: "offline", templateVersion: RULES_VERSION },
        });
      }
    }
  });
});
