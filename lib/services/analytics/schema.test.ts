import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { CRM_TABLES } from "@/lib/analytics/sql-policy";
import { analyticsSchema, describeCrmTables } from "./schema";

const operator = { id: "op-1", name: "Otto", email: "otto@x", role: "operator" as const };
const rep = { id: "rep-1", name: "Rita", email: "rita@x", role: "rep" as const };

describe("the schema browser's tables", () => {
  it("an operator is shown every CRM table an analytics query may read, and nothing else", () => {
    const tables = analyticsSchema(operator).map((t) => t.table);
    expect(tables).toEqual([...CRM_TABLES]);
    for (const secret of ["users", "sessions", "accounts", "settings", "llm_calls", "runs", "checkpoints", "drafts", "outbox"]) expect(tables).not.toContain(secret);
  });

  it("a schema holding only users, sessions and settings describes no table at all", () => {
    expect(describeCrmTables([schema.users, schema.sessions, schema.settings, schema.llmCalls, "not a table", null])).toEqual([]);
    expect(describeCrmTables([schema.users, schema.contacts]).map((t) => t.table)).toEqual(["contacts"]);
  });

  it("an operator reads each column's storage type, and how to read timestamps, flags and fixed values", () => {
    const contacts = analyticsSchema(operator).find((t) => t.table === "contacts")!;
    const column = (name: string) => contacts.columns.find((c) => c.name === name);
    expect(column("email")).toEqual({ name: "email", type: "text" });
    expect(column("company_id")).toEqual({ name: "company_id", type: "integer" });
    expect(column("created_at")).toEqual({ name: "created_at", type: "integer", note: "milliseconds since 1970, UTC" });
    expect(column("bounced")).toEqual({ name: "bounced", type: "integer", note: "0 or 1" });
    expect(column("seniority")?.note).toBe("one of c_level, vp, director, manager, senior, entry");
  });

  it("a rep is refused the schema like every other analytics operation", () => {
    expect(() => analyticsSchema(rep)).toThrow(expect.objectContaining({ code: "forbidden:analytics" }));
  });
});
