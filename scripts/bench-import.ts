/**
 * `npm run bench:import`: a lead CSV of --rows rows (default 100,000) through the whole import
 * path — the upload check streamed to disk (lib/leads/csv.ts `receiveCsv`), then the import job's
 * work (lib/leads/run-import.ts) — into a fresh SQLite file seeded with 20,000 contacts, so the
 * file's rows are a realistic mix: new contacts at new companies (HQ strings for the country
 * resolver), contacts already known (merges), duplicates, suppressed and bad rows. Prints the
 * time of each phase, rows/s and the process's peak RSS (sampled every 50 ms). Goal (issue #13):
 * 100,000 rows in < 60 s without running out of memory. `npm run bench:leads` runs it as its
 * `import` section; `--only import` is accepted here for symmetry.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { Readable } from "node:stream";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createLeadImport, getLeadImport, moveLeadImport } from "@/db/queries/lead-imports";
import { seedDatabase } from "@/db/seed/seed";
import { tempDatabase } from "@/db/testing";
import { guessMapping } from "@/lib/leads/columns";
import { receiveCsv } from "@/lib/leads/csv";
import { runLeadImport } from "@/lib/leads/run-import";

/**
 * The import section: its own fresh SQLite file (so the benchmark database is left as it was),
 * a CSV of `rows` rows, then the upload check and the import job, timed. bench:leads can run it
 * as one more section.
 */
export async function benchImport({ rows: ROWS }: { rows: number }): Promise<{ totalMs: number; importMs: number; uploadMs: number; peakRss: number }> {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

  const env = await tempDatabase("bench-import");
  let t = performance.now();
  await seedDatabase(env.database, { companies: 2_000, contacts: 20_000, emails: 0, anchor: new Date() });
  const known = (await env.database.all<{ email: string; domain: string }>(sql`SELECT c.email, co.domain FROM contacts c JOIN companies co ON co.id = c.company_id LIMIT 10000`));
  console.log(`seeded 20,000 contacts in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const HQS = ["Austin, TX", "Berlin, Germany", "London, England", "Paris", "Toronto, ON", "Sydney NSW", "München", "Remote", "São Paulo", "Cambridge, MA", "Dublin, Ireland", "Bengaluru", ""];
  const VERTICALS = ["SaaS", "fintech", "Healthcare", "manufacturing", "logistics", "retail"];
  const source = join(env.dir, "source.csv");
  const out = createWriteStream(source);
  out.write("Email,First Name,Last Name,Title,Company,Website,Industry,HQ,Employees,Status\n");
  const mix = { fresh: 0, known: 0, duplicate: 0, badEmail: 0, badVertical: 0, unsubscribed: 0 };
  for (let i = 0; i < ROWS; i++) {
    const kind = i % 100;
    const company = i % 12_000;
    let line: string;
    if (kind < 8 && known.length) {
      const k = known[i % known.length]!;
      line = `${k.email},Known,Person${i},Head of Ops,,${k.domain},,,,`;
      mix.known++;
    } else if (kind < 11 && i > 200) {
      line = `lead${i - 150}@co${(i - 150) % 12_000}.example,Dup,Licate,,Co ${(i - 150) % 12_000},,SaaS,,,`;
      mix.duplicate++;
    } else if (kind < 13) {
      line = `not-an-address-${i},Bad,Email,,Co,co.example,SaaS,,,`;
      mix.badEmail++;
    } else if (kind < 15) {
      line = `lead${i}@co${company}.example,Odd,Vertical,,Co ${company},,Crypto,,,`;
      mix.badVertical++;
    } else {
      const status = kind < 17 ? "unsubscribed" : "";
      if (status) mix.unsubscribed++;
      line = `lead${i}@co${company}.example,First${i},Last${i},VP Sales,Co ${company},https://www.co${company}.example/,${VERTICALS[company % 6]},"${HQS[company % HQS.length]}",${(company % 900) + 10},${status}`;
      mix.fresh++;
    }
    if (!out.write(`${line}\n`)) await new Promise((resolve) => out.once("drain", () => resolve(undefined)));
  }
  out.end();
  await finished(out);
  console.log(`file: ${ROWS.toLocaleString("en")} rows`, mix);

  const started = performance.now();
  t = started;
  const target = join(env.dir, "upload.csv");
  const summary = await receiveCsv(Readable.toWeb(createReadStream(source)) as ReadableStream<Uint8Array>, target, 1024 * 1024 * 1024);
  const uploadMs = performance.now() - t;
  const mapping = guessMapping(summary.headers, summary.sample);
  const row = await createLeadImport(env.database, { filename: "bench.csv", path: target, headers: summary.headers, bytes: summary.bytes, createdBy: null, ownerId: null });
  await moveLeadImport(env.database, row.id, ["uploaded"], "queued", { mapping });
  t = performance.now();
  const done = await runLeadImport({ database: env.database }, row.id);
  const importMs = performance.now() - t;
  const totalMs = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  console.log(`upload check (${mb(summary.bytes)} streamed to disk): ${(uploadMs / 1000).toFixed(1)} s`);
  console.log(`import job: ${(importMs / 1000).toFixed(1)} s  (${Math.round(ROWS / (importMs / 1000)).toLocaleString("en")} rows/s)`);
  console.log(`total: ${(totalMs / 1000).toFixed(1)} s  goal < 60 s for 100,000 rows: ${totalMs < 60_000 ? "met" : "MISSED"}`);
  console.log(`peak RSS: ${mb(peakRss)}`);
  const report = await getLeadImport(env.database, row.id);
  const { contactsCreated, contactsMerged, contactsUnchanged, companiesCreated, companiesMerged, refused, suppressed, countriesResolved, conflicts } = report!;
  console.log("report:", { status: done.status, contactsCreated, contactsMerged, contactsUnchanged, companiesCreated, companiesMerged, refused, suppressed, countriesResolved, conflicts });
  env.cleanup();
  return { totalMs, importMs, uploadMs, peakRss };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" }, only: { type: "string" } } });
  if (values.only && values.only !== "import") throw new Error(`bench:import has one section, "import" (asked for "${values.only}").`);
  await benchImport({ rows: Number(values.rows) });
}
