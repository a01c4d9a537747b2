import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvOptions, headerNames, readCsv, sizeText, sniffDelimiter } from "./csv";

describe("sniffDelimiter", () => {
  it("reads the delimiter from the header line, ignoring what sits inside quotes and on later lines", () => {
    expect(sniffDelimiter("email,name,company\na;b;c;d;e\n")).toBe(",");
    expect(sniffDelimiter('E-Mail;Name;"Firma, GmbH";Ort\n')).toBe(";");
    expect(sniffDelimiter("email\tname\tcompany")).toBe("\t");
    expect(sniffDelimiter('"a,b,c,d";x;y\r\n')).toBe(";");
  });
  it("falls back to a comma when the header has a single column", () => {
    expect(sniffDelimiter("email\nada@acme.io\n")).toBe(",");
  });
});

describe("headerNames and sizeText", () => {
  it("names blank header cells by their position and trims the others", () => {
    expect(headerNames([" Email ", "", "Name"])).toEqual(["Email", "Column 2", "Name"]);
  });
  it("states a limit as a person reads it", () => {
    expect([64 * 1024, 100 * 1024 * 1024, 1.5 * 1024 * 1024].map(sizeText)).toEqual(["64 KB", "100 MB", "1.5 MB"]);
  });
});

describe("readCsv", () => {
  it("skips blank lines and the rows of empty cells a spreadsheet exports, and keeps each row's line number", async () => {
    expect(csvOptions(",")).toMatchObject({ skip_empty_lines: true, skip_records_with_empty_values: true });
    const dir = mkdtempSync(join(tmpdir(), "csv-"));
    try {
      const path = join(dir, "leads.csv");
      writeFileSync(path, "email,first,last\nada@acme.io,Ada,Lovelace\n,,\n\n , ,\nbo@acme.io,Bo,Brown\n,,\n");
      const rows: [number, string[]][] = [];
      for await (const { record, info } of readCsv(path)) rows.push([info.lines, record]);
      expect(rows).toEqual([
        [1, ["email", "first", "last"]],
        [2, ["ada@acme.io", "Ada", "Lovelace"]],
        [6, ["bo@acme.io", "Bo", "Brown"]],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
