import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseContactListQuery } from "./contacts";

describe("contact list parameters", () => {
  it("fill in defaults and ignore empty fields", () => {
    expect(parseContactListQuery(new URLSearchParams("q=&vertical="))).toEqual({ owner: "all", page: 1, pageSize: 25 });
  });

  it("coerce numbers and trim the search", () => {
    const q = parseContactListQuery({ q: "  acme ", page: "3", pageSize: "50", vertical: "saas" });
    expect(q).toMatchObject({ q: "acme", page: 3, pageSize: 50, vertical: "saas" });
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
        expect((e as AppError).message).toContain(field);
      }
    }
  });
});
