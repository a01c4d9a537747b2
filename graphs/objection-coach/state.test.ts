import { describe, expect, it } from "vitest";
import { inputSchema } from "./state";

describe("objection_coach's input", () => {
  it("a caller gives an inbound email, or a contact with a note", () => {
    expect(inputSchema.parse({ emailId: 4 })).toEqual({ emailId: 4, requestedBy: null, by: "rep" });
    expect(inputSchema.parse({ contactId: 9, note: "  Too expensive.  ", by: "plan" })).toEqual({ contactId: 9, note: "Too expensive.", requestedBy: null, by: "plan" });
  });

  it.each([
    [{}, "emailId"],
    [{ emailId: 4, contactId: 9, note: "x" }, "emailId"],
    [{ emailId: 4, contactId: 9 }, "emailId"],
    [{ contactId: 9 }, "emailId"],
    [{ note: "Too expensive." }, "emailId"],
    [{ contactId: 9, note: "   " }, "note"],
    [{ contactId: 9, note: "x".repeat(2_001) }, "note"],
    [{ emailId: 4, by: "someone" }, "by"],
    [{ emailId: 4, extra: 1 }, ""],
  ])("a caller sending %j is refused, naming %s", (input, field) => {
    const result = inputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join(".")).toBe(field);
  });
});
