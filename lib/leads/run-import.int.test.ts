import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listContacts } from "@/db/queries/contacts";
import { createLeadImport, getLeadImport, moveLeadImport, refusalsAfter } from "@/db/queries/lead-imports";
import { emailHash } from "@/db/queries/suppression";
import { tempDatabase } from "@/db/testing";
import { safetyVerdict } from "@/lib/safety/gate";
import { guessMapping } from "./columns";
import { staleUploadSweep, UPLOAD_KEPT_MS } from "@/lib/jobs/kinds/lead-import";
import { runLeadImport } from "./run-import";

let env: Awaited<ReturnType<typeof tempDatabase>>;

const CSV = [
  "Email,First Name,Last Name,Title,Company,Website,Industry,HQ,Status",
  "ada@acme.io,Ada,Lovelace,CEO,Acme,acme.io,SaaS,,", // merges into Ada: keeps CTO, says so; fills nothing else → unchanged
  "grace@acme.io,Grace,Hopper,Engineer,Acme,acme.io,SaaS,,", // new contact at a known company
  "listed@acme.io,Lis,Ted,,Acme,acme.io,SaaS,,", // on the suppression list: created, never contactable
  "gone@newco.de,Gone,Away,,NewCo,newco.de,fintech,\"Karlsruhe, Baden-Württemberg\",unsubscribed", // new company (country DE from HQ), unsubscribed
  "bob@newco.de,Bob,Builder,CTO,NewCo,newco.de,fintech,,", // second contact of the company just created
  "not-an-email,Bad,Row,,X,x.io,saas,,", // bad email
  "eve@crypto.io,Eve,Adams,,Crypto Inc,crypto.io,Crypto,,", // unknown vertical
  "grace@acme.io,Grace,Again,,Acme,acme.io,SaaS,,", // duplicate of line 3
  "nolast@acme.io,Nolast,,,Acme,acme.io,SaaS,,", // missing last name
  "new@nowhere.io,New,Person,,Nowhere,nowhere.io,,,", // new company without a vertical
  "dan@acme.io,Dan,Brown,,Acme,acme.io,SaaS,,bounced", // bounced: created, flagged, suppressed
].join("\n");

async function importFile(csv: string, options: { batchRows?: number; signal?: AbortSignal } = {}) {
  const path = join(env.dir, `upload-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, csv);
  const headers = csv.split("\n")[0]!.split(",");
  const row = await createLeadImport(env.database, { filename: "leads.csv", path, headers, bytes: Buffer.byteLength(csv), createdBy: null, ownerId: null });
  await moveLeadImport(env.database, row.id, ["uploaded"], "queued", { mapping: guessMapping(headers) });
  return { id: row.id, path, run: () => runLeadImport({ database: env.database, batchRows: options.batchRows, signal: options.signal }, row.id) };
}

const count = async (table: string) => (await env.database.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n;
const contactByEmail = async (email: string) => (await env.database.all<Record<string, number | string | null>>(sql`SELECT * FROM contacts WHERE email = ${email}`))[0];

beforeAll(async () => {
  env = await tempDatabase("lead-import");
  await env.database.run(sql`INSERT INTO companies (id, name, domain, vertical, size) VALUES (1, 'Acme', 'acme.io', 'saas', '51-200')`);
  await env.database.run(sql`INSERT INTO contacts (company_id, first_name, last_name, email, title) VALUES (1, 'Ada', 'Lovelace', 'ada@acme.io', 'CTO')`);
  await env.database.run(sql`INSERT INTO suppression (email_hash, reason) VALUES (${emailHash("listed@acme.io")}, 'manual')`);
});
afterAll(() => env.cleanup());

describe("runLeadImport on a real SQLite file", () => {
  it("an operator's file with duplicates, suppressed addresses and bad rows gives exact created, merged and refused counts", async () => {
    const { id, path, run } = await importFile(CSV, { batchRows: 4 });
    const done = await run();
    expect(done).toMatchObject({
      status: "done", rowsDone: 11, path: null,
      contactsCreated: 5, contactsMerged: 0, contactsUnchanged: 1, companiesCreated: 1, companiesMerged: 0,
      refused: 5, suppressed: 3, countriesResolved: 1, conflicts: 1,
    });
    expect(done.conflictSamples).toEqual([{ line: 2, email: "ada@acme.io", field: "title", kept: "CTO", offered: "CEO" }]);
    expect(existsSync(path)).toBe(false);
    const refusals = await refusalsAfter(env.database, id, 0, 100);
    expect(refusals.map((r) => [r.line, r.reasons])).toEqual([
      [7, ['Email "not-an-email" is not a valid email address']],
      [8, [expect.stringMatching(/^Vertical "Crypto" is not a vertical/)]],
      [9, ["Email repeats the address on line 3"]],
      [10, ["Last name is empty"]],
      [11, ["Vertical is empty, and nowhere.io is a new company"]],
    ]);
    expect(refusals[0]!.cells).toEqual(["not-an-email", "Bad", "Row", "", "X", "x.io", "saas", "", ""]);
    expect(await contactByEmail("ada@acme.io")).toMatchObject({ title: "CTO" });
    expect(await contactByEmail("bob@newco.de")).toMatchObject({ title: "CTO" });
    const [newco] = await env.database.all<{ id: number; country: string; hq_city: string }>(sql`SELECT id, country, hq_city FROM companies WHERE domain = 'newco.de'`);
    expect(newco).toMatchObject({ country: "DE", hq_city: "Karlsruhe, Baden-Württemberg" });
    const [decision] = await env.database.all<{ target_id: string; detail: string }>(sql`SELECT target_id, detail FROM audit_log WHERE action = 'company.country_classified'`);
    expect(decision!.target_id).toBe(String(newco!.id));
    expect(JSON.parse(decision!.detail)).toMatchObject({ country: "DE", source: "rules", promptVersion: expect.stringMatching(/^geo-resolver/) });
  });

  it("writes suppressed addresses as never contactable: the gate refuses them and the contactable list leaves them out", async () => {
    const contactable = await listContacts(env.database, { status: "contactable", page: 1, pageSize: 100 });
    expect(contactable.rows.map((r) => r.email).sort()).toEqual(["ada@acme.io", "bob@newco.de", "grace@acme.io"]);
    const suppressed = await listContacts(env.database, { status: "suppressed", page: 1, pageSize: 100 });
    expect(suppressed.rows.map((r) => r.email).sort()).toEqual(["dan@acme.io", "gone@newco.de", "listed@acme.io"]);
    const gone = await contactByEmail("gone@newco.de");
    expect(gone).toMatchObject({ unsubscribed: 1 });
    const [listed] = await env.database.all<{ reason: string; source: string }>(sql`SELECT reason, source FROM suppression WHERE email_hash = ${emailHash("gone@newco.de")}`);
    expect(listed).toMatchObject({ reason: "unsubscribe", source: expect.stringMatching(/^lead_import:/) });
    for (const row of suppressed.rows) {
      expect(safetyVerdict({ suppressed: row.suppression !== null, doNotContact: row.doNotContact, bounced: row.bounced, unsubscribed: row.unsubscribed, replied: row.replied }).allowed).toBe(false);
    }
  });

  it("importing the same file again creates and changes nothing: every valid row is unchanged and the same rows are refused", async () => {
    const before = { contacts: await count("contacts"), companies: await count("companies"), suppression: await count("suppression"), audit: await count("audit_log") };
    const done = await (await importFile(CSV)).run();
    expect(done).toMatchObject({ contactsCreated: 0, contactsMerged: 0, contactsUnchanged: 6, companiesCreated: 0, companiesMerged: 0, refused: 5, countriesResolved: 0 });
    expect({ contacts: await count("contacts"), companies: await count("companies"), suppression: await count("suppression"), audit: await count("audit_log") }).toEqual(before);
  });

  it("a merge fills an existing contact's empty fields and never makes a flagged contact contactable again", async () => {
    const csv = ["email,first name,last name,department,status", "gone@newco.de,Gone,Away,Finance,active", "ada@acme.io,Ada,Lovelace,Research,"].join("\n");
    const done = await (await importFile(csv)).run();
    expect(done).toMatchObject({ contactsMerged: 2, contactsCreated: 0, suppressed: 1 });
    expect(await contactByEmail("gone@newco.de")).toMatchObject({ department: "Finance", unsubscribed: 1 });
    expect(await contactByEmail("ada@acme.io")).toMatchObject({ department: "Research", title: "CTO" });
  });

  it("an import stopped between batches resumes after the last batch written and ends with the same counts as one run", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `r${i}@resume.io,R${i},Resume,Resume Co,saas`);
    const csv = ["email,first name,last name,company,vertical", ...rows, "r3@resume.io,Dup,Licate,Resume Co,saas"].join("\n");
    const abort = new AbortController();
    const first = await importFile(csv, { batchRows: 10, signal: abort.signal });
    let batches = 0;
    const stopped = runLeadImport({ database: env.database, batchRows: 10, signal: abort.signal, onBatch: () => ++batches === 1 && abort.abort() }, first.id);
    await expect(stopped).rejects.toThrow();
    expect(await getLeadImport(env.database, first.id)).toMatchObject({ status: "running", rowsDone: 10, contactsCreated: 10 });
    const done = await runLeadImport({ database: env.database, batchRows: 10 }, first.id);
    expect(done).toMatchObject({ status: "done", rowsDone: 26, contactsCreated: 25, refused: 1, companiesCreated: 1 });
    expect((await refusalsAfter(env.database, first.id, 0, 10)).map((r) => r.reasons)).toEqual([["Email repeats the address on line 5"]]);
  });

  it("an operator's import leaves every contact it created or merged scored by the rules, so the list sorted by score shows their tiers", async () => {
    const csv = ["email,first name,last name,title,company,website,industry", "vp@scored.io,Val,Pres,VP Sales,Scored,scored.io,saas", "intern@scored.io,Ian,Tern,Intern,Scored,scored.io,saas", "ada@acme.io,Ada,Lovelace,,Acme,acme.io,saas"].join("\n");
    await env.database.run(sql`UPDATE contacts SET department = NULL WHERE email = 'ada@acme.io'`);
    await env.database.run(sql`DELETE FROM contact_scores`);
    const done = await (await importFile(csv)).run();
    expect(done).toMatchObject({ contactsCreated: 2, contactsMerged: 0 });
    const scores = await env.database.all<{ email: string; tier: string; source: string; score: number }>(sql`SELECT c.email, s.tier, s.source, s.score FROM contact_scores s JOIN contacts c ON c.id = s.contact_id ORDER BY c.email`);
    // Ada is unchanged by this file (nothing to fill): the import leaves her unscored.
    expect(scores.map((s) => [s.email, s.source])).toEqual([["intern@scored.io", "rules"], ["vp@scored.io", "rules"]]);
    for (const s of scores) expect(["A", "B", "C", "D"]).toContain(s.tier);
    expect(scores[1]!.score).toBeGreaterThan(scores[0]!.score);
    const list = await listContacts(env.database, { sort: "score", page: 1, pageSize: 2 });
    expect(list.rows.map((r) => [r.email, r.tier])).toEqual([["vp@scored.io", scores[1]!.tier], ["intern@scored.io", scores[0]!.tier]]);
  });

  it("a merge that fills a contact's empty field rescores that contact", async () => {
    await env.database.run(sql`DELETE FROM contact_scores`);
    const done = await (await importFile(["email,first name,last name,linkedin", "ada@acme.io,Ada,Lovelace,https://www.linkedin.com/in/ada-scored"].join("\n"))).run();
    expect(done).toMatchObject({ contactsMerged: 1 });
    const rows = await env.database.all<{ email: string; source: string }>(sql`SELECT c.email, s.source FROM contact_scores s JOIN contacts c ON c.id = s.contact_id`);
    expect(rows).toEqual([{ email: "ada@acme.io", source: "rules" }]);
  });

  it("the sweep drops an upload nobody started after a day, removing its file, and leaves a newer one alone", async () => {
    const path = (name: string) => join(env.dir, name);
    writeFileSync(path("old.csv"), "email\na@b.io\n");
    writeFileSync(path("new.csv"), "email\na@b.io\n");
    const old = await createLeadImport(env.database, { filename: "old.csv", path: path("old.csv"), headers: ["email"], bytes: 14, createdBy: null, ownerId: null });
    const fresh = await createLeadImport(env.database, { filename: "new.csv", path: path("new.csv"), headers: ["email"], bytes: 14, createdBy: null, ownerId: null });
    const later = new Date(old.createdAt.getTime() + UPLOAD_KEPT_MS + 1);
    await env.database.run(sql`UPDATE lead_imports SET created_at = ${later.getTime()} WHERE id = ${fresh.id}`);
    expect(await staleUploadSweep({ database: env.database }).run(later)).toBe(1);
    expect(await getLeadImport(env.database, old.id)).toMatchObject({ status: "failed", path: null, error: expect.stringMatching(/not imported within 24 hours/) });
    expect(existsSync(path("old.csv"))).toBe(false);
    expect(await getLeadImport(env.database, fresh.id)).toMatchObject({ status: "uploaded" });
    expect(existsSync(path("new.csv"))).toBe(true);
  });
});
