import { describe, expect, it } from "vitest";
import { codeNames, lexSql, splitStatements } from "./sql-lexer";

const tokens = (sql: string) => {
  const result = lexSql(sql);
  if (!result.ok) throw new Error(result.reason);
  return result.tokens;
};

describe("the SQLite-faithful lexer", () => {
  it("keeps doubled quotes inside a string, as SQLite does", () => {
    expect(tokens("SELECT 'it''s'").at(-1)).toMatchObject({ kind: "string", text: "'it''s'" });
  });

  it("ends a line comment only at a newline and does not nest block comments", () => {
    expect(splitStatements(tokens("SELECT 1 -- x\r; y\nAS a"))).toEqual(["SELECT 1  \nAS a"]);
    expect(splitStatements(tokens("SELECT 1 /* /* */ AS a"))).toEqual(["SELECT 1   AS a"]);
  });

  it("splits statements on semicolons outside literals and comments only", () => {
    expect(splitStatements(tokens("SELECT ';' AS a; -- ;\n SELECT 2 /* ; */;;"))).toEqual(["SELECT ';' AS a", "SELECT 2"]);
  });

  it("refuses backslashes, bind sigils, brackets and characters outside ASCII in code", () => {
    for (const sql of ["SELECT 'a\\'", "SELECT 1 # x", "SELECT $x", "SELECT @x", "SELECT ?", "SELECT :x", "SELECT [x]", "SELECT ｘ", "SELECT 1\u0000"]) {
      expect(lexSql(sql).ok, sql).toBe(false);
    }
  });

  it("accepts any text inside a string literal, Müller included", () => {
    expect(lexSql("SELECT 'Müller — drop table; /* -- '").ok).toBe(true);
  });

  it("tells calls from other names", () => {
    expect(codeNames(tokens('SELECT upper(x), "readfile" (y) FROM t'))).toEqual({ names: ["select", "x", "y", "from", "t"], calls: ["upper", "readfile"] });
  });
});
