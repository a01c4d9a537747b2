import { describe, expect, it } from "vitest";
import { HOSTILE, LEGIT } from "./testing/corpus";
import { functionsLayer, gateSql, parseLayer, statementLayer, tablesLayer, type GateLayer, type ParsedQuery } from "./sql-gate";
import { CRM_TABLES, FORBIDDEN_TABLES, functionVerdict, isForbiddenName } from "./sql-policy";

const ORDER: GateLayer[] = ["parse", "statement", "tables", "functions"];

/** Runs the layers one by one, as separate functions, and says which refused first. */
function firstRefusal(sql: string): { layer: GateLayer; reason: string } | null {
  const parsed = parseLayer(sql);
  if (!parsed.ok) return parsed;
  const query: ParsedQuery = parsed.parsed;
  for (const [layer, run] of [["statement", statementLayer], ["tables", tablesLayer], ["functions", functionsLayer]] as const) {
    const result = run(query);
    if (!result.ok) {
      expect(result.layer).toBe(layer);
      return result;
    }
  }
  return null;
}

describe("the SQL gate's corpus", () => {
  it("holds at least 60 hostile and 40 legitimate statements", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(60);
    expect(LEGIT.length).toBeGreaterThanOrEqual(40);
    for (const layer of ORDER) expect(HOSTILE.filter((c) => c.layer === layer).length, layer).toBeGreaterThanOrEqual(8);
  });

  it.each(HOSTILE.map((c) => [c.why, c] as const))("an attacker is stopped at the expected layer: %s", (_why, c) => {
    const refusal = firstRefusal(c.sql);
    expect(refusal, c.sql).not.toBeNull();
    expect(refusal!.layer, `${c.sql}\n${refusal!.reason}`).toBe(c.layer);
    expect(refusal!.reason.length).toBeGreaterThan(15);
    // End to end agrees with the layers run one at a time.
    expect(gateSql(c.sql)).toEqual({ ok: false, layer: c.layer, reason: refusal!.reason });
  });

  it.each(LEGIT.map((c) => [c.why, c] as const))("an operator's legitimate query passes every layer: %s", (_why, c) => {
    expect(firstRefusal(c.sql), c.sql).toBeNull();
    const result = gateSql(c.sql);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) {
      expect(result.tables.every((t) => (CRM_TABLES as readonly string[]).includes(t))).toBe(true);
      // The normal form is stable: gating it again changes nothing.
      expect(gateSql(result.sql)).toEqual(result);
    }
  });
});

describe("the parse layer", () => {
  it("hands the parser SQL without comments, so a comment cannot hide or reveal code", () => {
    const parsed = parseLayer("SELECT 1 AS a -- , (SELECT 1 FROM users)\n");
    expect(parsed.ok && parsed.parsed.normalised).toBe('SELECT 1 AS "a"');
  });

  it("falls back to a second grammar for valid SQLite the sqlite grammar cannot read, and says which", () => {
    const parsed = parseLayer("SELECT rank() OVER (ORDER BY id) AS r FROM contacts");
    expect(parsed.ok && parsed.parsed.dialect).toBe("postgresql");
    expect(parseLayer("SELECT 1 AS x").ok && (parseLayer("SELECT 1 AS x") as { parsed: ParsedQuery }).parsed.dialect).toBe("sqlite");
  });

  it("refuses what neither grammar can read, with the parser's position, never letting it through", () => {
    const result = gateSql("SELECT * FROM contacts INDEXED BY contacts_company_idx");
    expect(result).toMatchObject({ ok: false, layer: "parse" });
    expect(!result.ok && result.reason).toMatch(/could not read the query: it stopped at .*line 1, column \d+/);
  });
});

describe("the tables layer", () => {
  it("forbids every table outside the CRM that the schema defines, and allows the seven CRM tables", () => {
    for (const table of ["users", "accounts", "sessions", "verifications", "llm_calls", "llm_cache", "settings", "audit_log", "runs", "run_steps", "threads", "checkpoints", "checkpoint_blobs", "drafts", "outbox", "dead_letters", "memories", "prompts", "suppression", "__drizzle_migrations", "sqlite_master"]) {
      expect(isForbiddenName(table), table).toBe(true);
    }
    for (const table of CRM_TABLES) expect(FORBIDDEN_TABLES.has(table)).toBe(false);
  });

  it("reports the CRM tables a query reads, but not its CTE names", () => {
    const result = gateSql("WITH recent AS (SELECT contact_id FROM emails) SELECT c.id FROM contacts c JOIN recent r ON r.contact_id = c.id JOIN companies co ON co.id = c.company_id");
    expect(result).toMatchObject({ ok: true, tables: ["companies", "contacts", "emails"] });
  });

  it("allows json_each over a CRM column because it reads only its argument", () => {
    expect(gateSql("SELECT j.value FROM email_campaigns c, json_each(c.cadence_days) j")).toMatchObject({ ok: true, tables: ["email_campaigns"] });
  });
});

describe("the functions layer", () => {
  it("says why a denied function is denied", () => {
    expect(functionVerdict("readfile")).toMatch(/reads files/);
    expect(functionVerdict("sqlite_version")).toMatch(/internals/);
    expect(functionVerdict("count")).toBeNull();
  });

  it("allows a small blob but not one sized by data or past 1 KiB", () => {
    expect(gateSql("SELECT hex(zeroblob(1024)) AS z").ok).toBe(true);
    expect(gateSql("SELECT hex(zeroblob(1025)) AS z")).toMatchObject({ ok: false, layer: "functions" });
  });
});
