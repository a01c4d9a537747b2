import type { InStatement, InValue } from "@libsql/client";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { contactScores } from "../schema";

/** A contact's scoring inputs as stored: the contact, its company's authority signals, its email stats and outcomes. */
export type ScoreSignalRow = {
  id: number;
  vertical: string;
  title: string | null;
  seniority: string | null;
  department: string | null;
  email: string;
  linkedinUrl: string | null;
  bounced: number;
  doNotContact: number;
  unsubscribed: number;
  lastContactedAt: number | null;
  enriched: number;
  employeeCount: number | null;
  country: string | null;
  strongFacts: number;
  outbound: number;
  opened: number;
  inbound: number;
  positive: number;
  negative: number;
  lastOutcomeAt: number | null;
};

/**
 * The inputs of each contact's score, either for given ids or for the next `limit` contacts after
 * `afterId` (the bulk scorer pages through every contact by id). Reads the stats table and the
 * outcomes' covering index, never the emails.
 */
export async function scoreSignals(database: Database, which: { ids: number[] } | { afterId: number; limit: number }, strongFactAt: number): Promise<ScoreSignalRow[]> {
  const where = "ids" in which ? sql`c.id IN (SELECT value FROM json_each(${JSON.stringify(which.ids)}))` : sql`c.id > ${which.afterId}`;
  const tail = "ids" in which ? sql`` : sql`ORDER BY c.id LIMIT ${which.limit}`;
  return database.all<ScoreSignalRow>(sql`SELECT c.id, co.vertical, c.title, c.seniority, c.department, c.email,
      c.linkedin_url AS linkedinUrl, c.bounced, c.do_not_contact AS doNotContact, c.unsubscribed, c.last_contacted_at AS lastContactedAt,
      co.enriched_at IS NOT NULL AS enriched, co.employee_count AS employeeCount, co.country,
      (SELECT count(*) FROM company_facts f WHERE f.company_id = co.id AND f.confidence >= ${strongFactAt}) AS strongFacts,
      coalesce(s.outbound, 0) AS outbound, coalesce(s.opened, 0) AS opened, coalesce(s.inbound, 0) AS inbound,
      coalesce(o.positive, 0) AS positive, coalesce(o.negative, 0) AS negative, o.lastAt AS lastOutcomeAt
    FROM contacts c
    JOIN companies co ON co.id = c.company_id
    LEFT JOIN contact_email_stats s ON s.contact_id = c.id
    LEFT JOIN (SELECT contact_id, sum(polarity = 'positive') AS positive, sum(polarity = 'negative') AS negative, max(at) AS lastAt
               FROM outcomes WHERE contact_id IN (SELECT c.id FROM contacts c WHERE ${where} ${tail}) GROUP BY contact_id) o ON o.contact_id = c.id
    WHERE ${where} ${tail}`);
}

export type ContactScoreRow = typeof contactScores.$inferInsert & { contactId: number };
export type StoredContactScore = typeof contactScores.$inferSelect;

/** Rows per INSERT: 13 parameters each, well under SQLite's limit on bound parameters. */
const WRITE_CHUNK = 250;

// Written by hand: a bulk score or an import stores thousands of rows, and building the same
// upsert with drizzle cost more than running it.
const SCORE_COLUMNS = "contact_id, score, tier, terms, source, confidence, reason, evidence, prompt_version, model, run_id, scored_at";
const SCORE_UPDATE = SCORE_COLUMNS.split(", ").slice(1).map((c) => `${c} = excluded.${c}`).join(", ");
const ROW_PLACEHOLDERS = `(${SCORE_COLUMNS.split(", ").map(() => "?").join(", ")})`;

const scoreArgs = (r: ContactScoreRow): InValue[] => [
  r.contactId, r.score, r.tier, JSON.stringify(r.terms), r.source, r.confidence, r.reason, JSON.stringify(r.evidence), r.promptVersion,
  r.model ?? null, r.runId ?? null, r.scoredAt.getTime(),
];

/** Stores scores, replacing each contact's previous one; one batch, so readers see a whole write or none of it. */
export async function upsertScores(database: Database, rows: ContactScoreRow[]): Promise<void> {
  if (!rows.length) return;
  const statements: InStatement[] = [];
  for (let at = 0; at < rows.length; at += WRITE_CHUNK) {
    const chunk = rows.slice(at, at + WRITE_CHUNK);
    statements.push({
      sql: `INSERT INTO contact_scores (${SCORE_COLUMNS}) VALUES ${chunk.map(() => ROW_PLACEHOLDERS).join(", ")}
        ON CONFLICT (contact_id) DO UPDATE SET ${SCORE_UPDATE}`,
      args: chunk.flatMap(scoreArgs),
    });
  }
  await database.$client.batch(statements, "write");
}

export async function getContactScore(database: Database, contactId: number): Promise<StoredContactScore | null> {
  const [row] = await database.select().from(contactScores).where(eq(contactScores.contactId, contactId)).limit(1);
  return row ?? null;
}

export async function contactIdsOfCompany(database: Database, companyId: number): Promise<number[]> {
  return (await database.all<{ id: number }>(sql`SELECT id FROM contacts WHERE company_id = ${companyId} ORDER BY id`)).map((r) => r.id);
}

/** How many contacts there are and how many have a score (the bulk scorer's progress). */
export async function scoreCoverage(database: Database): Promise<{ contacts: number; scored: number }> {
  const [row] = await database.all<{ contacts: number; scored: number }>(sql`SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM contact_scores) AS scored`);
  return row ?? { contacts: 0, scored: 0 };
}

/** How many contacts have an id up to `lastId` (all of them when null), and how many there are. */
export async function contactPosition(database: Database, lastId: number | null): Promise<{ position: number; total: number }> {
  const [row] = await database.all<{ position: number; total: number }>(
    sql`SELECT (SELECT count(*) FROM contacts WHERE id <= ${lastId ?? Number.MAX_SAFE_INTEGER}) AS position, (SELECT count(*) FROM contacts) AS total`,
  );
  return row ?? { position: 0, total: 0 };
}
