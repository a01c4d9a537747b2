import { readdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a seeded demo database, uploads in its own temp dir, a 64 KB upload limit.
const testEnv = ownEnvironment("lead-import-route", { DEMO_MODE: "true", IMPORT_MAX_BYTES: String(64 * 1024) });
const importDir = join(testEnv.dir, "imports");
process.env.IMPORT_DIR = importDir;

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { demoSessionHeaders, TEST_HOST } = await import("@/lib/auth/testing");
const { jobRunner } = await import("@/lib/jobs/instance");
const upload = (await import("./route")).POST;
const status = (await import("../[id]/route")).GET;
const preview = (await import("../[id]/preview/route")).POST;
const start = (await import("../[id]/start/route")).POST;
const refused = (await import("../[id]/refused/route")).GET;

const send = (body: BodyInit | null, headers: Headers, filename = "leads.csv") =>
  upload(new Request(`http://${TEST_HOST}/api/lead-imports/upload?filename=${encodeURIComponent(filename)}`, { method: "POST", body, headers, duplex: "half" } as RequestInit));
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const post = (id: number, route: typeof preview, body: unknown, headers: Headers) =>
  route(new Request(`http://${TEST_HOST}/api/lead-imports/${id}`, { method: "POST", body: JSON.stringify(body), headers }), params(id));
const imports = async () => (await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM lead_imports`))[0]!.n;
const filesKept = () => {
  try {
    return readdirSync(importDir).length;
  } catch {
    return 0;
  }
};

let rep: Headers;

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 5, contacts: 20, emails: 20, anchor: new Date() });
  rep = await demoSessionHeaders("rep@demo.local");
}, 60_000);
afterAll(async () => {
  await jobRunner().stop();
  db().$client.close();
  testEnv.removeDir();
});

describe("POST /api/lead-imports/upload", () => {
  it("refuses bad files with a 4xx that names the file and says what is wrong, keeping nothing", async () => {
    const cases: [string, BodyInit, RegExp, number?][] = [
      ["empty", "", /empty/],
      ["UTF-16", Buffer.from([0xff, 0xfe, 0x65, 0x00, 0x6d, 0x00]), /UTF-16/],
      ["Latin-1", Buffer.concat([Buffer.from("email,name\nzoe@acme.io,Zo"), Buffer.from([0xeb]), Buffer.from("\n")]), /not UTF-8/],
      ["binary (a spreadsheet)", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /binary data/],
      ["header only", "email,first name,last name\n", /no rows/],
      ["no email column", "name,company\nAda,Acme\nBob,Acme\n", /no email column/],
      ["broken quoting", 'email,name\n"ada@acme.io,Ada\nbob@acme.io,"Bob"x\n', /^The file is not a valid CSV: on line 3, a quoted cell has more text after its closing quote/],
      ["a quote never closed", 'email,name\nada@acme.io,"Ada\nbob@acme.io,Bob\n', /^The file is not a valid CSV: a cell opens a quote \(\"\) that is never closed/],
      ["duplicate headers", "email,Email\na@b.io,c@d.io\n", /names two columns/],
      ["too large", `email,name\n${"a@acme.io,Ada\n".repeat(6_000)}`, /^The file is over 64 KB, the most one import takes/, 413],
    ];
    for (const [name, body, message, code] of cases) {
      const response = await send(body, rep);
      expect(response.status, name).toBe(code ?? 422);
      const { error } = await response.json();
      expect(error, name).toMatchObject({ field: "file", message: expect.stringMatching(message) });
    }
    const spreadsheet = await send("email\na@b.io\n", rep, "leads.xlsx");
    expect(spreadsheet.status).toBe(422);
    expect((await spreadsheet.json()).error).toMatchObject({ field: "file", message: expect.stringMatching(/spreadsheet file, not CSV/) });
    expect(await imports()).toBe(0);
    expect(filesKept()).toBe(0);
  });

  it("answers 401 to a caller with no session, before reading anything", async () => {
    const response = await send("email\na@b.io\n", new Headers({ host: TEST_HOST }));
    expect(response.status).toBe(401);
    expect(await imports()).toBe(0);
  });

  it("lets a rep upload a semicolon CSV, preview it, import it in the background and download the refused rows", async () => {
    const csv = ["E-mail;First name;Last name;Company;Website;Industry;HQ", "ada@newlead.io;Ada;Lovelace;NewLead;newlead.io;SaaS;Austin, TX", "bad-address;Bo;Bad;NewLead;newlead.io;SaaS;", "ada@newlead.io;Ada;Twice;NewLead;newlead.io;SaaS;"].join("\r\n");
    const uploaded = await send(csv, rep);
    expect(uploaded.status).toBe(201);
    const body = await uploaded.json();
    expect(body).toMatchObject({ rows: 3, headers: ["E-mail", "First name", "Last name", "Company", "Website", "Industry", "HQ"], mapping: { email: "E-mail", firstName: "First name", companyDomain: "Website", vertical: "Industry", hq: "HQ" } });
    const id: number = body.import.id;

    const unmapped = await post(id, preview, { mapping: { firstName: "First name", lastName: "Last name" } }, rep);
    expect(unmapped.status).toBe(422);
    expect((await unmapped.json()).error).toMatchObject({ field: "mapping.email" });
    const missing = await post(id, preview, { mapping: { ...body.mapping, title: "Job title" } }, rep);
    expect((await missing.json()).error).toMatchObject({ field: "mapping.title", message: 'The file has no column "Job title".' });
    const unknown = await post(id, preview, { mapping: { ...body.mapping, favouriteColour: "HQ" } }, rep);
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error).toMatchObject({ field: "mapping.favouriteColour" });

    const previewed = await (await post(id, preview, { mapping: body.mapping }, rep)).json();
    expect(previewed.rows.map((r: { action: string }) => r.action)).toEqual(["create", "refuse", "refuse"]);
    expect(previewed.rows[0]).toMatchObject({ line: 2, values: { email: "ada@newlead.io", hq: "Austin, TX" }, company: "create" });
    expect(previewed.rows[2].problems).toEqual(["Email repeats the address on line 2"]);
    expect((await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM contacts WHERE email = 'ada@newlead.io'`))[0]!.n).toBe(0);

    const started = await post(id, start, { mapping: body.mapping }, rep);
    expect(started.status).toBe(202);
    expect(await started.json()).toMatchObject({ status: "queued" });
    expect((await post(id, start, { mapping: body.mapping }, rep)).status).toBe(409);
    await jobRunner().tick();

    const report = await (await status(new Request(`http://${TEST_HOST}/api/lead-imports/${id}`, { headers: rep }), params(id))).json();
    expect(report).toMatchObject({ status: "done", progress: 1, contacts: { created: 1, merged: 0, unchanged: 0 }, companies: { created: 1 }, refused: 2, countriesResolved: 1 });
    const [ada] = await db().all<{ owner_id: string; country: string }>(sql`SELECT c.owner_id, co.country FROM contacts c JOIN companies co ON co.id = c.company_id WHERE c.email = 'ada@newlead.io'`);
    expect(ada).toEqual({ owner_id: "usr_demo_rep", country: "US" });
    expect(filesKept()).toBe(0);

    const download = await refused(new Request(`http://${TEST_HOST}/api/lead-imports/${id}/refused`, { headers: rep }), params(id));
    expect(download.headers.get("content-type")).toContain("text/csv");
    expect(await download.text()).toBe(
      ["E-mail,First name,Last name,Company,Website,Industry,HQ,line,reasons", 'bad-address,Bo,Bad,NewLead,newlead.io,SaaS,,3,"Email ""bad-address"" is not a valid email address"', "ada@newlead.io,Ada,Twice,NewLead,newlead.io,SaaS,,4,Email repeats the address on line 2", ""].join("\n"),
    );
  });

  it("shows an import only to the rep who uploaded it and to operators", async () => {
    const id = (await (await send("email,first name,last name\nx@y.io,X,Y\n", rep)).json()).import.id as number;
    const ask = async (headers: Headers) => (await status(new Request(`http://${TEST_HOST}/api/lead-imports/${id}`, { headers }), params(id))).status;
    expect(await ask(rep)).toBe(200);
    expect(await ask(await demoSessionHeaders("rep2@demo.local"))).toBe(404);
    expect(await ask(await demoSessionHeaders("operator@demo.local"))).toBe(200);
  });
});
