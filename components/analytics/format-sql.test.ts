import { describe, expect, it } from "vitest";
import { CATALOGUE } from "@/lib/analytics/catalogue";
import { gateSql } from "@/lib/analytics/sql-gate";
import { formatSql } from "./format-sql";

const normalised = (sql: string) => {
  const gate = gateSql(sql);
  if (!gate.ok) throw new Error(gate.reason);
  return gate.sql;
};

describe("formatSql", () => {
  it("lays the gate's one-line form of every catalogue report out by clause, and it still gates to the same query", () => {
    for (const report of CATALOGUE) {
      const once = normalised(report.sql);
      const formatted = formatSql(once);
      expect(formatted, report.id).toMatch(/\nFROM /);
      expect(normalised(formatted), report.id).toBe(once);
      expect(formatSql(formatted), report.id).toBe(formatted);
    }
  });

  it("drops quotes a name does not need and keeps those a keyword or capital letter needs", () => {
    expect(formatSql(`SELECT "c"."name" AS "campaign", "key", "Mixed" FROM "contacts" AS "c"`)).toBe(`SELECT c.name AS campaign, "key", "Mixed"\nFROM contacts AS c`);
  });

  it("puts joins and subqueries on their own lines and leaves literals and window clauses alone", () => {
    const sql = `SELECT 'FROM x WHERE y' AS a, count(*) OVER (ORDER BY b) FROM (SELECT b FROM emails WHERE direction = 'outbound') AS x LEFT OUTER JOIN contacts c ON c.id = x.b GROUP BY a ORDER BY a DESC LIMIT 5`;
    expect(formatSql(sql)).toBe(
      [
        `SELECT 'FROM x WHERE y' AS a, count(*) OVER (ORDER BY b)`,
        `FROM (SELECT b`,
        `  FROM emails`,
        `  WHERE direction = 'outbound') AS x`,
        `LEFT OUTER JOIN contacts c ON c.id = x.b`,
        `GROUP BY a`,
        `ORDER BY a DESC`,
        `LIMIT 5`,
      ].join("\n"),
    );
  });

  it("keeps a line comment's line break and returns SQL it cannot read unchanged", () => {
    expect(formatSql("SELECT 1 -- one\n, 2 FROM contacts")).toBe("SELECT 1 -- one\n, 2\nFROM contacts");
    expect(formatSql("SELECT 'open")).toBe("SELECT 'open");
  });
});
