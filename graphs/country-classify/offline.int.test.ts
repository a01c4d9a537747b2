import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database and no model (offline).
const testEnv = ownEnvironment("country-classify-offline");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { graphClient } = await import("@/lib/langgraph/instance");
const { scoreCountries } = await import("@/lib/geo/testing/accuracy");
const { HQ_STRINGS } = await import("@/lib/geo/testing/hq-strings");
const { resolveCountry } = await import("@/lib/geo/resolve");
const { RULES_VERSION } = await import("./rules");

beforeAll(async () => {
  await applyMigrations(db());
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("country_classify, offline", () => {
  it("answers from the offline resolver, labelled rule_based_fallback with why, and says so in its reasons", async () => {
    const { values } = await graphClient().run("country_classify", { hq: "Cambridge, MA (remote-friendly)" });
    expect(values.decision).toMatchObject({
      country: "US",
      confidence: 0.95,
      model: null,
      promptVersion: RULES_VERSION,
      provenance: {
        source: "rule_based_fallback",
        confidence: 0.95,
        path: { node: "classify_with_model", path: "fallback", fallback: "offline_resolver", why: "offline", templateVersion: RULES_VERSION },
      },
    });
    expect(values.decision!.reasons[0]).toMatch(/^Offline resolver \(no model configured\): "MA" is the postal code of Massachusetts/);
    expect(values.decision!.provenance.evidence[0]).toBe('hq: "Cambridge, MA (remote-friendly)"');
    expect(values.resolution).toMatchObject({ country: "US", basis: "region" });
  });

  it("a blank HQ string is null from the rules without a model call, and a null for a non-place keeps the contract", async () => {
    const blank = (await graphClient().run("country_classify", { hq: "   " })).values;
    expect(blank.calls).toEqual([]);
    expect(blank.decision).toMatchObject({ country: null, confidence: 0.95, provenance: { source: "rules" } });
    const remote = (await graphClient().run("country_classify", { hq: "Remote (global)" })).values.decision!;
    expect(remote).toMatchObject({ country: null, confidence: 0.95, provenance: { source: "rule_based_fallback" } });
    expect(remote.reasons.length).toBeGreaterThanOrEqual(1);
    expect(remote.reasons.length).toBeLessThanOrEqual(2);
  });

  it("run end to end over the seed's examples, the non-places, the ambiguous and every fifth other labelled string, the graph gives the resolver's answers", async () => {
    const sample = HQ_STRINGS.filter((l, i) => ["seed", "null", "ambiguous"].includes(l.group) || i % 5 === 0);
    const answers = new Map<string, { country: string | null; confidence: number }>();
    for (let i = 0; i < sample.length; i += 8) {
      await Promise.all(sample.slice(i, i + 8).map(async ({ hq }) => answers.set(hq, (await graphClient().run("country_classify", { hq })).values.decision!)));
    }
    const viaGraph = scoreCountries(sample, (hq) => answers.get(hq)!);
    expect(viaGraph).toEqual(scoreCountries(sample, resolveCountry));
    expect(viaGraph.countryForNonPlace).toEqual([]);
  }, 60_000);

  it("an HQ string over 300 characters is refused naming the field, and no run is recorded", async () => {
    const before = (await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM runs`))[0]!.n;
    await expect(graphClient().run("country_classify", { hq: "x".repeat(301) })).rejects.toThrow(/hq/);
    expect((await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM runs`))[0]!.n).toBe(before);
  });
});
