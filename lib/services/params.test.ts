import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseContactListQuery } from "./contacts";
import { visibleText } from "./params";

describe("contact list parameters", () => {
  it("fill in defaults and ignore empty fields", () => {
    expect(parseContactListQuery(new URLSearchParams("q=&vertical="))).toEqual({ owner: "all", sort: "name", page: 1, pageSize: 25 });
  });

  it("coerce numbers and trim the search", () => {
    const q = parseContactListQuery({ q: "  acme ", page: "3", pageSize: "50", vertical: "saas" });
    expect(q).toMatchObject({ q: "acme", page: 3, pageSize: 50, vertical: "saas" });
  });

  it("a user who edits the URL to a tier that does not exist is told the tiers in words", () => {
    expect(() => parseContactListQuery({ tier: "Z" })).toThrow("Tier must be one of A, B, C, D.");
  });

  it("reject a bad parameter with a 400 that names it", () => {
    const attempts: [Record<string, string>, string][] = [
      [{ page: "0" }, "page"],
      [{ pageSize: "1000" }, "pageSize"],
      [{ vertical: "space" }, "vertical"],
      [{ status: "angry" }, "status"],
      [{ q: "x".repeat(101) }, "q"],
    ];
    for (const [params, field] of attempts) {
      try {
        parseContactListQuery(params);
        expect.unreachable(`${field} should have been rejected`);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).status).toBe(400);
        expect((e as AppError).field).toBe(field);
        expect((e as AppError).message.toLowerCase()).toContain(field.toLowerCase());
      }
    }
  });
});

describe("visibleText", () => {
  const Subject = visibleText({ max: 20, empty: "Subject cannot be empty.", tooLong: "Too long." });

  it.each(["\u200B", " \u200B\u200C ", "\u202E\u202C", "\uFEFF", "\u2066\u2069\u00AD"])("a rep's subject made only of invisible characters (%j) is refused as empty", (text) => {
    const parsed = Subject.safeParse(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("Subject cannot be empty.");
  });

  it("keeps visible text as typed, trimmed", () => {
    expect(Subject.parse("  Hello\u200Bthere ")).toBe("Hello\u200Bthere");
  });
});
