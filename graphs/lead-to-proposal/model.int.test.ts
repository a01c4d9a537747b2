import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { startStubServer, type StubRequest, type StubServer } from "@/lib/llm/testing/stub-server";

// This file owns its process's environment: a fresh database and a model served by a loopback
// stub, scripted per test from the facts the prompt actually carried.
type Fact = { id: number; fact: string };
type Script = { research: (facts: Fact[]) => string; proposal: (facts: Fact[]) => string };
const script: Script = { research: () => "", proposal: () => "" };
const system = (body: StubRequest) => String(body.messages[0]?.content ?? "");
/** The numbered facts the prompt gave the model ("[12] Raised a Series B…"). */
const factsIn = (body: StubRequest): Fact[] =>
  [...String(body.messages[1]?.content ?? "").matchAll(/^\[(\d+)\] (.+)$/gm)].map((m) => ({ id: Number(m[1]), fact: m[2]! }));
const stub: StubServer = await startStubServer({
  handler: (body) => {
    const prompt = system(body);
    if (prompt.startsWith("You research a sales lead")) return { content: script.research(factsIn(body)) };
    if (prompt.startsWith("You write a short sales proposal")) return { content: script.proposal(factsIn(body)) };
    return { status: 500, content: "unexpected prompt" };
  },
});
const testEnv = ownEnvironment("proposal-model", { LLM_BASE_URL: stub.url, LLM_MODEL: "stub-model" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { approveProposal, draftProposal } = await import("@/lib/services/proposals");
const { PROMPT_VERSION } = await import("./prompts");
const { TEMPLATE_VERSION } = await import("./rules");

const rep = { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}
let offset = 0;
async function repContact(): Promise<number> {
  return (await one<{ id: number }>(sql`
    SELECT c.id FROM contacts c WHERE c.owner_id = ${rep.id} AND c.title IS NOT NULL
      AND (SELECT count(*) FROM company_facts f WHERE f.company_id = c.company_id) >= 2
    ORDER BY c.id LIMIT 1 OFFSET ${offset++}`)).id;
}
type Doc = { sections: { key: string; claims: { text: string; factIds: number[]; verdict: string; reason: string | null }[] }[]; findings: { text: string; factIds: number[] }[] };
const stored = async (draftId: number) => {
  const row = await one<{ model: string; prompt_version: string; provenance: string; document: string; body: string; review_flags: string }>(
    sql`SELECT model, prompt_version, provenance, document, body, review_flags FROM drafts WHERE id = ${draftId}`,
  );
  return { ...row, provenance: JSON.parse(row.provenance) as { source: string; confidence: number; path: Record<string, string> }, document: JSON.parse(row.document) as Doc };
};
const claim = (text: string, factIds: number[] = [], assumption = false) => ({ text, fact_ids: factIds, assumption });
const grounded = (facts: Fact[]) => ({
  title: "A plan for your growth",
  sections: {
    problem: [claim(`The company ${facts[0]!.fact.charAt(0).toLowerCase()}${facts[0]!.fact.slice(1)}.`, [facts[0]!.id])],
    approach: [claim("Assumption: a two-week pilot with the sales team.", [], true)],
    value: [claim("Assumption: faster ramp for new hires.", [], true)],
    next_step: [claim("Assumption: a call next week.", [], true)],
  },
});

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 20, contacts: 160, emails: 0, anchor: new Date() });
}, 60_000);
beforeEach(() => {
  script.research = (facts) => JSON.stringify({ findings: facts.slice(0, 2).map((f) => ({ text: f.fact, fact_ids: [f.id] })) });
  script.proposal = (facts) => JSON.stringify(grounded(facts));
});
afterAll(async () => {
  await stub.close();
  db().$client.close();
  testEnv.removeDir();
});

describe("lead_to_proposal with a model", () => {
  it("the model's grounded proposal passes the check and is stamped with the prompt's version and the model's name", async () => {
    const contactId = await repContact();
    const result = await draftProposal(db(), { contactId, by: rep.id });
    expect(result).toMatchObject({ status: "drafted", flaggedClaims: 0 });
    const draft = await stored((result as { draftId: number }).draftId);
    expect(draft).toMatchObject({ model: "stub-model", prompt_version: PROMPT_VERSION, provenance: { source: "model", confidence: 0.25, path: { node: "draft_proposal", path: "model", model: "stub-model" } } });
    expect(draft.document.findings).toHaveLength(2);
    const calls = await db().all<{ node: string; status: string }>(sql`SELECT node, status FROM llm_calls WHERE run_id = (SELECT run_id FROM drafts WHERE id = ${(result as { draftId: number }).draftId}) ORDER BY id`);
    expect(calls.map((c) => c.node)).toEqual(["research", "draft_proposal"]);
  });

  it("a model that invents a figure, cites a fact that does not exist, or cites nothing has each such claim flagged, and the proposal cannot be approved", async () => {
    script.proposal = (facts) => {
      const base = grounded(facts);
      base.sections.problem.push(
        claim(`The company ${facts[0]!.fact.charAt(0).toLowerCase()}${facts[0]!.fact.slice(1)} and doubled revenue to $480M.`, [facts[0]!.id]),
        claim("The company is preparing an IPO on Nasdaq.", [facts[1]!.id]),
        claim("The company won a Gartner award.", [999_999]),
      );
      base.sections.value.push(claim("Customers like them cut churn by a third."));
      return JSON.stringify(base);
    };
    const result = await draftProposal(db(), { contactId: await repContact(), by: rep.id });
    expect(result).toMatchObject({ status: "drafted", flaggedClaims: 4 });
    const draftId = (result as { draftId: number }).draftId;
    const draft = await stored(draftId);
    const flagged = draft.document.sections.flatMap((s) => s.claims).filter((c) => c.verdict === "unsupported");
    expect(flagged.map((c) => c.reason)).toEqual([
      expect.stringMatching(/figure 480,000,000/),
      expect.stringMatching(/names "ipo"|content words|clause/),
      "it cites fact 999999, which this company does not have",
      "it cites no fact and is not marked as an assumption",
    ]);
    expect(draft.body).toContain("4 claims failed the faithfulness check");
    expect(JSON.parse(draft.review_flags)).toEqual(["unsupported_claims"]);
    // One grounded claim of eight: the confidence is the grounded share, not a constant.
    expect(draft.provenance.confidence).toBe(0.13);
    await expect(approveProposal(rep, draftId)).rejects.toMatchObject({ code: "conflict:drafts" });
  });

  it("research citing only facts it was not given is unusable: the facts become the findings, labelled, and the model still writes the proposal", async () => {
    script.research = () => JSON.stringify({ findings: [{ text: "Invented", fact_ids: [424_242] }] });
    const result = await draftProposal(db(), { contactId: await repContact(), by: rep.id });
    const draft = await stored((result as { draftId: number }).draftId);
    expect(draft.provenance.source).toBe("model");
    const evidence = (draft.provenance as unknown as { evidence: string[] }).evidence;
    expect(evidence).toContain("Findings restated from the company's facts (offline)");
    expect(draft.document.findings.every((f) => f.factIds.length === 1)).toBe(true);
  });

  it("a proposal with no problem or next step is unusable: the offline template writes it instead, and says so", async () => {
    script.proposal = () => JSON.stringify({ title: "Empty", sections: { problem: [], approach: [], value: [], next_step: [] } });
    const result = await draftProposal(db(), { contactId: await repContact(), by: rep.id });
    const draft = await stored((result as { draftId: number }).draftId);
    expect(draft).toMatchObject({
      model: "offline template",
      prompt_version: TEMPLATE_VERSION,
      provenance: { source: "rule_based_fallback", path: { node: "draft_proposal", path: "fallback", fallback: "offline_template", why: "unusable_answer" } },
    });
  });
});
