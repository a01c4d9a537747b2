import { describe, expect, it } from "vitest";
import { headerNames, sizeText, sniffDelimiter } from "./csv";

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
