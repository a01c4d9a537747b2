import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, errorResponse, invalidInput, userMessage } from "./errors";

describe("AppError", () => {
  it("derives its HTTP status from the type part of the code", () => {
    expect(new AppError("not_found:contacts").status).toBe(404);
    expect(new AppError("forbidden:admin").status).toBe(403);
    expect(new AppError("unauthorized:auth").status).toBe(401);
    expect(new AppError("bad_request:contacts").status).toBe(400);
    expect(new AppError("payload_too_large:api").status).toBe(413);
  });

  it("prefers a message for the whole code, then for the type", () => {
    expect(new AppError("unauthorized:auth").message).toBe("Wrong email or password.");
    expect(new AppError("not_found:drafts").message).toBe("We could not find that.");
  });

  it("carries the field at fault into its JSON", () => {
    const e = new AppError("bad_request:contacts", { field: "page", message: "Invalid page" });
    expect(e.toJSON()).toEqual({ code: "bad_request:contacts", message: "Invalid page", field: "page" });
  });
});

describe("errorResponse", () => {
  it("answers an app error with its status and code", async () => {
    const response = errorResponse(new AppError("forbidden:admin"));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden:admin", message: "Only admins can open this." } });
  });

  it("never echoes an unexpected error's text to the caller, but logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(new Error("SQLITE_CORRUPT at /secret/path"), "contacts");
    const body = await response.json();
    expect(response.status).toBe(500);
    expect(body.error.code).toBe("internal:contacts");
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("gives people a generic message for unknown errors", () => {
    expect(userMessage(new Error("boom"))).toBe("Something went wrong on our side.");
  });
});

describe("invalidInput", () => {
  const Body = z.strictObject({ subject: z.string().min(1, "Subject cannot be empty."), nested: z.object({ n: z.number() }).optional() });
  const issues = (value: unknown) => Body.safeParse(value).error!.issues;

  it("names the field at fault as a dotted path, under the caller's prefix", () => {
    const error = invalidInput(issues({ subject: "x", nested: { n: "1" } }), "unprocessable:runs", { prefix: "input" });
    expect(error.status).toBe(422);
    expect(error.field).toBe("input.nested.n");
    expect(error.message).toMatch(/^Invalid "input\.nested\.n": /);
  });

  it("names the first unknown key and counts the rest", () => {
    const error = invalidInput(issues({ subject: "x", a: 1, b: 2 }), "bad_request:drafts");
    expect(error.field).toBe("a");
    expect(error.message).toBe('Unknown field "a" (and 1 more).');
  });

  it("keeps the schema's own sentence for a form when asked for plain messages", () => {
    const error = invalidInput(issues({ subject: "" }), "bad_request:drafts", { named: false });
    expect(error).toMatchObject({ field: "subject", message: "Subject cannot be empty.", status: 400 });
  });
});

describe("invalidInput for a choice", () => {
  it("a user who typed a value outside an enum is told the choices in words, naming the field", () => {
    const result = z.object({ tier: z.enum(["A", "B", "C", "D"]) }).safeParse({ tier: "Z" });
    const error = invalidInput(result.success ? [] : result.error.issues, "bad_request:contacts");
    expect(error.field).toBe("tier");
    expect(error.message).toBe("Tier must be one of A, B, C, D.");
  });

  it("a schema author's own enum message is kept as written", () => {
    const result = z.object({ v: z.enum(["x", "y"], { error: "Choose x or y." }) }).safeParse({ v: "z" });
    const error = invalidInput(result.success ? [] : result.error.issues, "bad_request:contacts");
    expect(error.message).toBe('Invalid "v": Choose x or y.');
  });
});
