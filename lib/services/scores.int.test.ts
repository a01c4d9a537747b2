import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database, no model (offline), inbound mail on.
const testEnv = ownEnvironment("scores-service", { INBOUND_TOKEN: "scores-inbound-token-0123456789abcdef" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { insertScoringFixture } = await import("@/db/queries/testing/scoring-fixture");
const { graphClient } = await import("@/lib/langgraph/instance");
const { JOB_SPECS } = await import("@/lib/jobs/catalog");
const { consoleJobs } = await import("@/lib/jobs/handlers");
const { createJobQueue } = await import("@/lib/jobs/queue");
const { createJobRunner } = await import("@/lib/jobs/runner");
const { createTransport } = await import("@/lib/mail/transport");
const { openGovernance } = await import("@/lib/mail/testing/governance");
const { receiveInbound } = await import("./inbound");
const { upsertScores } = await import("@/db/queries/scores");
const { queueCompanyRescore, queueRescore, scoreAllStep, scoreContacts } = await import("./scores");

type Row = { score: number; tier: string; source: string; terms: string; run_id: string | null; scored_at: number };
const stored = async (contactId: number) => (await db().all<Row>(sql`SELECT score, tier, source, terms, run_id, scored_at FROM contact_scores WHERE contact_id = ${contactId}`))[0]!;
const jobs = (contactId: number) => db().all<{ status: string; payload: string }>(sql`SELECT status, payload FROM jobs WHERE kind = 'contact_score' AND dedupe_key = ${`contact_score:${contactId}`}`);

let companyId = 0;
let ids: number[] = [];
beforeAll(async () => {
  await applyMigrations(db());
  ({ companyId, contactIds: ids } = await insertScoringFixture(db(), "svc", "saas", [
    { first: "Rita", title: "VP of Sales", seniority: "vp", linkedin: true },
    { first: "Sam", title: "Office Manager", seniority: "manager" },
    { first: "Tia", title: "Head of Growth", seniority: "director" },
  ], { enriched: true, employees: 90, country: "US" }));
}, 60_000);
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

function runner() {
  const queue = createJobQueue({ database: db(), specs: JOB_SPECS });
  const { kinds } = consoleJobs({ database: db(), mail: { transport: createTransport(undefined), from: "Sales <s@test.local>" }, queue, graphs: graphClient(), governor: openGovernance() });
  return createJobRunner({ database: db(), kinds: { contact_score: kinds.contact_score }, log: { warn: () => {}, error: () => {} } });
}

describe("scoreContacts, the action the orchestrator and the list call", () => {
  it("scores a batch by the rules, stores every score, and ranks it highest first with ties by ascending id", async () => {
    const ranked = await scoreContacts(db(), [ids[2]!, ids[0]!, ids[1]!, ids[0]!, 999_999], { by: null });
    expect(ranked.map((r) => r.contactId).sort()).toEqual([...ids].sort());
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      expect(a.score > b.score || (a.score === b.score && a.contactId < b.contactId)).toBe(true);
    }
    for (const r of ranked) expect(await stored(r.contactId)).toMatchObject({ score: r.score, tier: r.tier, source: "rules", run_id: null });
  });

  it("with the model path each contact runs score_contact (offline here: labelled rule_based_fallback), at most fifty at once", async () => {
    const [one] = await scoreContacts(db(), [ids[1]!], { by: "usr_demo_rep", path: "model" });
    expect(one).toMatchObject({ contactId: ids[1], source: "rule_based_fallback" });
    expect((await stored(ids[1]!)).run_id).not.toBeNull();
    await expect(scoreContacts(db(), Array.from({ length: 51 }, (_, i) => i + 1), { by: null, path: "model" })).rejects.toThrow(/At most 50/);
  });
});

describe("Score all", () => {
  it("an operator scores every contact, step by step; a rep is refused (it would rescore other reps' contacts) and nothing is written", async () => {
    const rep = { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };
    const operator = { id: "usr_demo_operator", name: "Omar Operator", email: "operator@demo.local", role: "operator" as const };
    await db().run(sql`DELETE FROM contact_scores`);
    await expect(scoreAllStep(rep, 0)).rejects.toMatchObject({ code: "forbidden:contacts" });
    expect((await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM contact_scores`))[0]!.n).toBe(0);
    const step = await scoreAllStep(operator, 0);
    expect(step).toMatchObject({ scored: ids.length, lastId: null, total: ids.length });
    expect((await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM contact_scores`))[0]!.n).toBe(ids.length);
  });
});

describe("recomputing a score when the contact changes", () => {
  it("an inbound reply queues one rescore for its contact; the job rescores with the reply counted", async () => {
    const before = await stored(ids[0]!);
    expect(JSON.parse(before.terms).propensity).toMatchObject({ value: null });
    const email = (await db().all<{ email: string }>(sql`SELECT email FROM contacts WHERE id = ${ids[0]}`))[0]!.email;
    const raw = `From: Rita <${email}>\r\nTo: sales@test.local\r\nSubject: Re: Quick question\r\nMessage-ID: <reply-1@svc.example>\r\nContent-Type: text/plain\r\n\r\nYes, I am interested. Can we book a call next week?\r\n`;
    const result = await receiveInbound({ contentType: "message/rfc822", raw: Buffer.from(raw) });
    expect(result).toMatchObject({ contactId: ids[0], duplicate: false });
    expect(await jobs(ids[0]!)).toEqual([{ status: "queued", payload: expect.stringContaining(`"contactId":${ids[0]}`) }]);
    // A second change before it runs: still one job for the contact.
    await queueRescore([ids[0]!], "another change");
    expect(await jobs(ids[0]!)).toHaveLength(1);

    expect(await runner().tick()).toMatchObject({ claimed: 1, done: 1 });
    const after = await stored(ids[0]!);
    expect(after.run_id).not.toBeNull();
    expect(after.scored_at).toBeGreaterThanOrEqual(before.scored_at);
    expect(JSON.parse(after.terms).propensity).toMatchObject({ value: expect.any(Number), why: expect.stringContaining("1 reply") });
    expect(await jobs(ids[0]!)).toEqual([{ status: "done", payload: expect.any(String) }]);
  });

  it("a change to the company queues a rescore of each of its contacts", async () => {
    await queueCompanyRescore(companyId, "company country changed");
    for (const id of ids.slice(1)) expect(await jobs(id)).toEqual([{ status: "queued", payload: expect.stringContaining("company country changed") }]);
    // Rita's earlier rescore is done, so she gets a new one too.
    expect((await jobs(ids[0]!)).map((j) => j.status).sort()).toEqual(["done", "queued"]);
    expect(await runner().tick()).toMatchObject({ claimed: 3, done: 3 });
  });
});

describe("a draft's tier", () => {
  it("comes from the contact's stored score, so a D contact's draft says D (the qualify score never gave D)", async () => {
    const contactId = ids[2]!;
    const current = await stored(contactId);
    await upsertScores(db(), [{ contactId, score: 0.21, tier: "D", terms: JSON.parse(current.terms), source: "rules", confidence: 0.5, reason: "test", evidence: [], promptVersion: "test", model: null, runId: null, scoredAt: new Date() }]);
    const result = await graphClient().run("email_orchestrator", { contactId });
    const draftId = (result.values.outcome as { draftId: number }).draftId;
    const draft = (await db().all<{ tier: string; provenance: string }>(sql`SELECT tier, provenance FROM drafts WHERE id = ${draftId}`))[0]!;
    expect(draft.tier).toBe("D");
    expect(JSON.parse(draft.provenance).evidence).toContain("contact score 0.21, tier D (rules)");
  });
});
