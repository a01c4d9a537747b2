import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database and no model (offline).
const testEnv = ownEnvironment("score-contact-offline");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { graphClient } = await import("@/lib/langgraph/instance");
const { scoreContactsOffline } = await import("@/lib/scoring/bulk");
const { insertScoringFixture } = await import("@/db/queries/testing/scoring-fixture");
const { RULES_VERSION } = await import("./rules");

type Stored = { score: number; tier: string; source: string; terms: string; reason: string; prompt_version: string; model: string | null; run_id: string | null; confidence: number };
const stored = async (contactId: number) => (await db().all<Stored>(sql`SELECT * FROM contact_scores WHERE contact_id = ${contactId}`))[0];
let ids: number[] = [];

beforeAll(async () => {
  await applyMigrations(db());
  ({ contactIds: ids } = await insertScoringFixture(db(), "offline", "saas", [
    { first: "Vera", title: "VP of Sales", seniority: "vp", linkedin: true },
    { first: "Nemo", title: null, department: null },
  ], { enriched: true, employees: 120, country: "US" }));
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("score_contact, offline", () => {
  it("a rep's contact is scored with the keyword rules for role fit, labelled rule_based_fallback with why, and stored with its run", async () => {
    const { values, runId } = await graphClient().run("score_contact", { contactId: ids[0]! });
    expect(values.decision).toMatchObject({
      contactId: ids[0],
      source: "rule_based_fallback",
      model: null,
      promptVersion: RULES_VERSION,
      terms: { roleFit: { value: 0.9, source: "rule_based_fallback" }, seniority: { value: 0.85, source: "rules" }, propensity: { value: null, weight: 0 } },
      provenance: { source: "rule_based_fallback", path: { node: "judge_role_fit", path: "fallback", fallback: "keyword_rules", why: "offline", templateVersion: RULES_VERSION } },
    });
    expect(values.decision!.provenance.reason).toMatch(/^Scored by rules \(no model configured\)\. Tier [ABCD]: /);
    const row = (await stored(ids[0]!))!;
    expect(row).toMatchObject({ score: values.decision!.score, tier: values.decision!.tier, source: "rule_based_fallback", prompt_version: RULES_VERSION, model: null, run_id: runId });
    expect(JSON.parse(row.terms).reachability).toMatchObject({ value: 0.95, why: expect.stringContaining("LinkedIn profile") });
  });

  it("the bulk scorer gives the same score and tier as the graph: one set of rules", async () => {
    const viaGraph = (await stored(ids[0]!))!;
    const [bulk] = await scoreContactsOffline(db(), [ids[0]!]);
    expect(bulk).toMatchObject({ contactId: ids[0], score: viaGraph.score, tier: viaGraph.tier, source: "rules" });
    expect((await stored(ids[0]!))!).toMatchObject({ source: "rules", run_id: null });
  });

  it("a contact with no title or department is scored without asking for a role fit, labelled rules", async () => {
    const { values } = await graphClient().run("score_contact", { contactId: ids[1]! });
    expect(values.calls).toEqual([]);
    expect(values.decision).toMatchObject({ source: "rules", terms: { roleFit: { value: null, weight: 0 }, seniority: { value: null, weight: 0 } } });
    // Only reachability is known: it carries the whole weight.
    expect(values.decision!.terms.reachability.weight).toBe(1);
    expect(values.decision!.score).toBe(values.decision!.terms.reachability.value);
  });

  it("a contact that does not exist stores nothing, and a malformed id is refused naming the field", async () => {
    const { values } = await graphClient().run("score_contact", { contactId: 999_999 });
    expect(values.stored).toBeUndefined();
    expect(await stored(999_999)).toBeUndefined();
    await expect(graphClient().run("score_contact", { contactId: -1 })).rejects.toThrow(/contactId/);
  });
});
