import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database and no model (offline), so every
// proposal is written by the offline path and must say so.
const testEnv = ownEnvironment("proposal-offline");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { approveProposal, draftProposalFor, exportProposal, rejectProposal, saveProposalEdits } = await import("@/lib/services/proposals");
const { approveDraft, draftOutreach, rejectDraft } = await import("@/lib/services/drafts");
const { sectionDrafts } = await import("@/lib/outreach/proposal");
const { emailHash } = await import("@/db/queries/suppression");
const { TEMPLATE_VERSION } = await import("./rules");

const rep = { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };
const otherRep = { id: "usr_demo_rep2", name: "Sam Seller", email: "rep2@demo.local", role: "rep" as const };
const operator = { id: "usr_demo_operator", name: "Omar Operator", email: "operator@demo.local", role: "operator" as const };

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}

let offset = 0;
/** A contact of the rep with a title, at a company with at least two facts, not yet given a proposal. */
async function repContact(): Promise<number> {
  const row = await one<{ id: number }>(sql`
    SELECT c.id FROM contacts c WHERE c.owner_id = ${rep.id} AND c.title IS NOT NULL
      AND (SELECT count(*) FROM company_facts f WHERE f.company_id = c.company_id) >= 2
    ORDER BY c.id LIMIT 1 OFFSET ${offset++}`);
  return row.id;
}
const draftRow = (id: number) =>
  one<{ kind: string; status: string; model: string; prompt_version: string; provenance: string; document: string; body: string; edited_body: string | null; assigned_rep_id: string; thread_id: string; review_flags: string }>(
    sql`SELECT kind, status, model, prompt_version, provenance, document, body, edited_body, assigned_rep_id, thread_id, review_flags FROM drafts WHERE id = ${id}`,
  );
const drafted = async (contactId: number) => {
  const result = await draftProposalFor(rep, { contactId });
  if (result.status !== "drafted") throw new Error(`expected a proposal, got ${JSON.stringify(result)}`);
  return result;
};

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 20, contacts: 160, emails: 0, anchor: new Date() });
}, 60_000);
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("lead_to_proposal, offline", () => {
  it("a rep's qualified lead gets a proposal in the rep's queue, written from the company's facts by the labelled template, paused for approval", async () => {
    const contactId = await repContact();
    const result = await drafted(contactId);
    expect(result.flaggedClaims).toBe(0);
    const row = await draftRow(result.draftId);
    expect(row).toMatchObject({ kind: "proposal", status: "draft", model: "offline template", prompt_version: TEMPLATE_VERSION, assigned_rep_id: rep.id, thread_id: result.threadId });
    const provenance = JSON.parse(row.provenance) as { source: string; reason: string; evidence: string[]; confidence: number };
    expect(provenance).toMatchObject({
      source: "rule_based_fallback",
      reason: expect.stringContaining("Offline template (no model configured)"),
      path: { node: "draft_proposal", path: "fallback", fallback: "offline_template", why: "offline", templateVersion: TEMPLATE_VERSION },
    });
    expect(provenance.evidence).toEqual(expect.arrayContaining(["Findings restated from the company's facts (offline)", expect.stringMatching(/^qualified \(1\): Rules: base 0\.4/)]));

    // Every company claim cites one of this company's facts, and the confidence is the grounded share.
    const facts = await db().all<{ id: number; fact: string }>(sql`SELECT f.id, f.fact FROM company_facts f JOIN contacts c ON c.company_id = f.company_id WHERE c.id = ${contactId}`);
    const doc = JSON.parse(row.document) as { sections: { key: string; claims: { factIds: number[]; verdict: string }[] }[] };
    const claims = doc.sections.flatMap((s) => s.claims);
    const supported = claims.filter((c) => c.verdict === "supported");
    expect(supported.length).toBeGreaterThanOrEqual(2);
    expect(supported.every((c) => c.factIds.every((id) => facts.some((f) => f.id === id)))).toBe(true);
    expect(claims.filter((c) => c.verdict !== "supported").every((c) => c.verdict === "assumption")).toBe(true);
    expect(provenance.confidence).toBe(Math.round((supported.length / claims.length) * 100) / 100);

    const steps = await db().all<{ node: string }>(sql`SELECT node FROM run_steps WHERE run_id = (SELECT run_id FROM drafts WHERE id = ${result.draftId}) ORDER BY id`);
    expect(steps.map((s) => s.node)).toEqual(["hydrate", "qualify_lead", "research", "draft_proposal", "check_faithfulness", "store_proposal", "await_approval"]);
  });

  it("approving a proposal marks it approved and exportable and sends nothing; export before approval is refused", async () => {
    const { draftId } = await drafted(await repContact());
    await expect(exportProposal(rep, String(draftId))).rejects.toMatchObject({ code: "conflict:drafts" });
    const before = await one<{ n: number }>(sql`SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM emails) AS n`);

    expect(await approveProposal(rep, draftId)).toMatchObject({ status: "approved", message: expect.stringContaining("Nothing was sent") });
    expect((await draftRow(draftId)).status).toBe("approved");
    expect(await one<{ n: number }>(sql`SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM emails) AS n`)).toEqual(before);

    const exported = await exportProposal(rep, String(draftId));
    expect(exported.filename).toMatch(/^proposal-for-[a-z0-9-]+-\d+\.md$/);
    expect(exported.markdown).toMatch(/^# Proposal for /);
    expect(exported.markdown).toContain("## Sources");
    expect(exported.markdown).not.toContain("Flagged");
    await expect(approveProposal(rep, draftId)).rejects.toMatchObject({ code: "conflict:drafts" });
  });

  it("a rep's edit that invents a figure is flagged and blocks approval until the rep marks it an assumption", async () => {
    const { draftId } = await drafted(await repContact());
    const doc = JSON.parse((await draftRow(draftId)).document);
    const sections = sectionDrafts(doc);
    const cited = sections.problem.find((c) => c.factIds.length > 0)!;
    const invented = { text: `${cited.text.replace(/\.$/, "")}, and saved 4,200 hours last year.`, factIds: cited.factIds, assumption: false };
    sections.problem = [invented, ...sections.problem];

    expect(await saveProposalEdits(rep, draftId, { title: "Our proposal", sections })).toMatchObject({ flaggedClaims: 1 });
    const saved = await draftRow(draftId);
    expect(saved.edited_body).toContain("1 claim failed the faithfulness check");
    // The Provenance section beside the banner tells the same, latest check.
    const reason = (JSON.parse(saved.provenance) as { reason: string }).reason;
    expect(reason).toContain("Re-checked after the rep's edit: 1 claim failed the faithfulness check and is flagged.");
    expect(reason).not.toContain("Every claim passed");
    expect(saved.body).not.toContain("4,200"); // the first version is kept as written
    expect(JSON.parse(saved.review_flags)).toEqual(["unsupported_claims"]);
    await expect(approveProposal(rep, draftId)).rejects.toMatchObject({ code: "conflict:drafts", message: expect.stringContaining("1 claim is flagged") });

    sections.problem[0] = { ...invented, assumption: true };
    expect(await saveProposalEdits(rep, draftId, { title: "Our proposal", sections })).toMatchObject({ flaggedClaims: 0 });
    expect((JSON.parse((await draftRow(draftId)).provenance) as { reason: string }).reason).toMatch(/Re-checked after the rep's edit: Every claim passed the faithfulness check\.$/);
    await approveProposal(rep, draftId);
    const exported = await exportProposal(rep, String(draftId));
    expect(exported.markdown).toMatch(/^# Our proposal/);
    expect(exported.markdown).toContain("*Assumption:*");
  });

  it("a rep rejects a proposal with a reason; the email paths refuse to approve or reject a proposal", async () => {
    const { draftId } = await drafted(await repContact());
    await expect(approveDraft(rep, draftId)).rejects.toMatchObject({ code: "conflict:drafts", message: expect.stringContaining("proposal") });
    await expect(rejectDraft(rep, draftId, "no")).rejects.toMatchObject({ code: "conflict:drafts" });
    expect(await rejectProposal(rep, draftId, "Wrong angle", "wrong_angle")).toMatchObject({ status: "rejected" });
    expect(await one(sql`SELECT status, reject_reason, reject_label FROM drafts WHERE id = ${draftId}`)).toEqual({ status: "rejected", reject_reason: "Wrong angle", reject_label: "wrong_angle" });
  });

  it("a waiting proposal never holds back an email draft for the same contact", async () => {
    const candidates = await db().all<{ id: number; email: string }>(sql`
      SELECT c.id, c.email FROM contacts c WHERE c.owner_id = ${rep.id} AND c.title IS NOT NULL AND c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
        AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.contact_id = c.id)
        AND (SELECT count(*) FROM company_facts f WHERE f.company_id = c.company_id) >= 2
      ORDER BY c.id DESC`);
    const suppressed = new Set((await db().all<{ email_hash: string }>(sql`SELECT email_hash FROM suppression`)).map((r) => r.email_hash));
    const contactId = candidates.find((c) => !suppressed.has(emailHash(c.email)))!.id;
    await drafted(contactId);
    const [email] = await draftOutreach(rep, [contactId]);
    expect(email).toMatchObject({ contactId, status: "drafted" });
  });

  it("an unqualified lead stops with its reason, and no proposal is stored", async () => {
    const company = await one<{ id: number }>(sql`INSERT INTO companies (name, domain, vertical, size) VALUES ('', 'unnamed.example', 'saas', '1-10') RETURNING id`);
    const contact = await one<{ id: number }>(sql`INSERT INTO contacts (company_id, first_name, last_name, email, owner_id) VALUES (${company.id}, 'Nia', 'Nobody', 'nia@unnamed.example', ${rep.id}) RETURNING id`);
    const result = await draftProposalFor(rep, { contactId: contact.id });
    expect(result).toEqual({ status: "unqualified", contactId: contact.id, reason: "Not qualified: score 0.4 is below 0.6 (its company and the contact's role or seniority unknown)." });
    expect(await one(sql`SELECT count(*) AS n FROM drafts WHERE contact_id = ${contact.id}`)).toEqual({ n: 0 });
  });

  it("an operator drafts for a company: the proposal goes to its most senior reachable contact, in that contact's owner's queue", async () => {
    const companyId = (await one<{ id: number }>(sql`SELECT company_id AS id FROM contacts GROUP BY company_id HAVING count(*) >= 3 ORDER BY company_id LIMIT 1`)).id;
    const result = await draftProposalFor(operator, { companyId });
    expect(result.status).toBe("drafted");
    const expected = await one<{ id: number; owner_id: string }>(sql`
      SELECT id, owner_id FROM contacts WHERE company_id = ${companyId} AND do_not_contact = 0 AND bounced = 0 AND unsubscribed = 0
      ORDER BY CASE seniority WHEN 'c_level' THEN 0 WHEN 'vp' THEN 1 WHEN 'director' THEN 2 WHEN 'manager' THEN 3 WHEN 'senior' THEN 4 WHEN 'entry' THEN 5 ELSE 6 END, id LIMIT 1`);
    expect(result).toMatchObject({ contactId: expected.id });
    expect((await draftRow((result as { draftId: number }).draftId)).assigned_rep_id).toBe(expected.owner_id);
    await expect(draftProposalFor(operator, { companyId: 987_654 })).rejects.toMatchObject({ code: "not_found:companies" });

    // A company whose only contact asked not to be contacted has nobody to address: refused, with why, nothing stored.
    const closed = await one<{ id: number }>(sql`INSERT INTO companies (name, domain, vertical, size) VALUES ('Closed Door', 'closed.example', 'retail', '11-50') RETURNING id`);
    await db().run(sql`INSERT INTO contacts (company_id, first_name, last_name, email, title, do_not_contact) VALUES (${closed.id}, 'Cal', 'Closed', 'cal@closed.example', 'CEO', 1)`);
    expect(await draftProposalFor(operator, { companyId: closed.id })).toEqual({ status: "refused", reason: "This company has no contact who may be written to." });
    expect(await one(sql`SELECT count(*) AS n FROM drafts WHERE company_id = ${closed.id}`)).toEqual({ n: 0 });
  });

  it("a rep cannot draft a proposal for another rep's contact, nor decide another rep's proposal", async () => {
    const theirs = await one<{ id: number }>(sql`SELECT id FROM contacts WHERE owner_id = ${otherRep.id} AND title IS NOT NULL ORDER BY id LIMIT 1`);
    await expect(draftProposalFor(rep, { contactId: theirs.id })).rejects.toMatchObject({ code: "forbidden:contacts" });
    const { draftId } = await drafted(await repContact());
    await expect(approveProposal(otherRep, draftId)).rejects.toMatchObject({ code: "not_found:drafts" });
    await expect(exportProposal(otherRep, String(draftId))).rejects.toMatchObject({ code: "not_found:drafts" });
    await expect(exportProposal(rep, "abc")).rejects.toMatchObject({ code: "not_found:drafts" });
  });
});
