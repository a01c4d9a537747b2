/**
 * `npm run bench:leads`: lead intelligence at benchmark scale, in named sections.
 *  - scoring: every contact scored offline by the bulk scorer (lib/scoring/bulk.ts, the rules the
 *    score_contact graph uses), in a child process of its own so its peak RSS is the scorer's
 *    alone: contacts/s and peak RSS (goals ≥ 2,000 contacts/s, < 1 GB).
 *  - list: the contacts list sorted by score (listContacts, what the page and /api/contacts run)
 *    vs its raw query — the same statements written by hand — and the list's default sort by name
 *    (goal: sorted by score ≤ 3× raw).
 *  - import: a --rows-row lead CSV (default 100,000) through the upload check and the import job,
 *    into a fresh SQLite file of its own (scripts/bench-import.ts `benchImport`, also
 *    `npm run bench:import`), the new and merged contacts scored as the job goes (goal < 60 s).
 * Flags: --only scoring,list,import (default: every section) · --url file:… (default ./data/bench.db; an
 * empty or missing file is seeded with --contacts contacts first) · --contacts N (default 100000)
 * · --rounds N (list samples per query, default 200) · --rows N (import rows, default 100000).
 * A section is one entry of SECTIONS.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { openDatabase, type Database } from "@/db/client";
import { listContacts, type ContactListFilter } from "@/db/queries/contacts";
import { applyMigrations } from "@/db/migrate";
import { scaledOptions } from "@/db/seed/seed";
import { seedIfEmpty } from "@/db/setup";
import { scoreAllContactsOffline } from "@/lib/scoring/bulk";
import { benchImport } from "./bench-import";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    url: { type: "string", default: "file:./data/bench.db" },
    contacts: { type: "string", default: "100000" },
    rounds: { type: "string", default: "200" },
    rows: { type: "string", default: "100000" },
    child: { type: "string" },
  },
});
const url = values.url;

type Context = { database: Database; url: string };
type Section = (ctx: Context) => Promise<void>;

const turn = () => new Promise((resolve) => setImmediate(resolve));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const count = async (database: Database, table: string) => Number((await database.$client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

/** The child's side of the scoring section: score every contact, print one JSON line with the figures. */
async function scoringChild(): Promise<void> {
  const database = await openDatabase(url);
  await database.$client.execute("DELETE FROM contact_scores");
  const started = performance.now();
  const { scored } = await scoreAllContactsOffline(database);
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ scored, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  database.$client.close();
}

const scoring: Section = async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench-leads.ts", "--child", "scoring", "--url", url], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const line = out.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || !line.startsWith("{")) throw new Error(`the scoring child failed (exit ${code}): ${out}`);
  const { scored, seconds, peakRssMb } = JSON.parse(line) as { scored: number; seconds: number; peakRssMb: number };
  const perSecond = scored / seconds;
  console.log(`\nscoring: ${scored.toLocaleString("en")} contacts offline in ${seconds.toFixed(1)} s = ${Math.round(perSecond).toLocaleString("en")} contacts/s (goal ≥ 2,000); peak RSS of the scoring process ${peakRssMb.toFixed(0)} MB (goal < 1,024)`);
};

// The columns and joins listContacts reads, by hand; `{order}` and `{from}` differ per sort.
const RAW_COLUMNS = `c.id, c.first_name, c.last_name, c.email, c.title, c.seniority, c.do_not_contact, c.bounced, c.unsubscribed, c.replied,
  c.last_contacted_at, co.id, co.name, co.vertical, c.owner_id, u.name, s.score, s.tier`;
const RAW_BY_SCORE = `SELECT ${RAW_COLUMNS} FROM contact_scores s JOIN contacts c ON c.id = s.contact_id JOIN companies co ON co.id = c.company_id
  LEFT JOIN users u ON u.id = c.owner_id ORDER BY s.score DESC, s.contact_id LIMIT 50`;
const RAW_TOTAL = "SELECT count(*) FROM contacts c JOIN companies co ON co.id = c.company_id";

const list: Section = async ({ database }) => {
  if ((await count(database, "contact_scores")) === 0) await scoreAllContactsOffline(database);
  const rounds = Number(values.rounds);
  const timeIt = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await fn();
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
      // libSQL frees finished statements when the event loop turns.
      await turn();
    }
    return samples.sort((a, b) => a - b);
  };
  const exec = (sql: string) => database.$client.execute(sql);
  const page = (filter: Partial<ContactListFilter>) => () => listContacts(database, { page: 1, pageSize: 50, ...filter });
  const rawRows = await timeIt(() => exec(RAW_BY_SCORE));
  const rawWithTotal = await timeIt(() => Promise.all([exec(RAW_BY_SCORE), exec(RAW_TOTAL)]));
  const byScore = await timeIt(page({ sort: "score" }));
  const byScoreDeep = await timeIt(page({ sort: "score", page: 200 }));
  const byScoreTierA = await timeIt(page({ sort: "score", tier: "A" }));
  const byName = await timeIt(page({ sort: "name" }));
  const plan = (await exec(`EXPLAIN QUERY PLAN ${RAW_BY_SCORE}`)).rows.map((r) => String(r.detail));
  const [contacts, scored] = [await count(database, "contacts"), await count(database, "contact_scores")];
  console.log(`\ncontacts list at ${contacts.toLocaleString("en")} contacts (${scored.toLocaleString("en")} scored), ${rounds} samples each, ms`);
  const row = (query: string, s: number[]) => ({ query, p50: percentile(s, 0.5).toFixed(3), p99: percentile(s, 0.99).toFixed(3) });
  console.table([
    row("raw: page by score (SELECT … ORDER BY score DESC, id LIMIT 50)", rawRows),
    row("raw: page by score + total count (the list's two statements)", rawWithTotal),
    row("list sorted by score, page 1", byScore),
    row("list sorted by score, page 200", byScoreDeep),
    row("list sorted by score, tier A only", byScoreTierA),
    row("list sorted by name (the default), page 1", byName),
  ]);
  console.log(`plan of the score sort: ${plan.join(" · ")}`);
  const p50 = (s: number[]) => percentile(s, 0.5);
  console.log(`list sorted by score / raw (rows + total) at p50: ${(p50(byScore) / p50(rawWithTotal)).toFixed(2)}× (goal ≤ 3×); / raw rows alone: ${(p50(byScore) / p50(rawRows)).toFixed(2)}×; / list sorted by name: ${(p50(byScore) / p50(byName)).toFixed(2)}×`);
};

// Its own fresh database: importing into the benchmark file would change what the other sections measure.
const importSection: Section = async () => {
  const rows = Number(values.rows);
  console.log(`\nimport: a ${rows.toLocaleString("en")}-row lead CSV`);
  const { totalMs, importMs, peakRss } = await benchImport({ rows });
  console.log(`import: ${rows.toLocaleString("en")} rows in ${(totalMs / 1000).toFixed(1)} s (goal < 60 s), of which the import job ${(importMs / 1000).toFixed(1)} s; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
};

const SECTIONS: Record<string, Section> = { scoring, list, import: importSection };

if (values.child === "scoring") {
  await scoringChild();
  process.exit(0);
}

const only = values.only ? values.only.split(",").map((s) => s.trim()).filter(Boolean) : Object.keys(SECTIONS);
const unknown = only.filter((s) => !(s in SECTIONS));
if (unknown.length) {
  console.error(`unknown section(s): ${unknown.join(", ")}; known: ${Object.keys(SECTIONS).join(", ")}`);
  process.exit(2);
}

const database = await openDatabase(url);
await applyMigrations(database);
const seededAt = performance.now();
const seeded = await seedIfEmpty(database, scaledOptions(Number(values.contacts)));
if (seeded) console.log(`seeded ${url} with ${Number(values.contacts).toLocaleString("en")} contacts in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`);
console.log(`${url}: ${(await count(database, "contacts")).toLocaleString("en")} contacts; sections: ${only.join(", ")}`);
for (const name of only) await SECTIONS[name]!({ database, url });
database.$client.close();
process.exit(0);
