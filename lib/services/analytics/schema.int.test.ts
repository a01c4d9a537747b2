import { describe, expect, it } from "vitest";
import { tempDatabase } from "@/db/testing";
import { analyticsSchema } from "./schema";

const operator = { id: "op-1", name: "Otto", email: "otto@x", role: "operator" as const };

describe("the schema browser against the migrated database", () => {
  it("an operator is shown exactly the columns each CRM table has in the database, with their declared types", async () => {
    const { database, cleanup } = await tempDatabase("analytics-schema");
    try {
      for (const { table, columns } of analyticsSchema(operator)) {
        const live = await database.all<{ name: string; type: string }>(`SELECT name, type FROM pragma_table_info('${table}') ORDER BY cid`);
        expect(live.length, table).toBeGreaterThan(0);
        const byName = new Map(live.map((c) => [c.name, c.type.toLowerCase()]));
        expect(new Set(columns.map((c) => c.name)), table).toEqual(new Set(byName.keys()));
        for (const c of columns) expect(`${table}.${c.name} ${c.type}`).toBe(`${table}.${c.name} ${byName.get(c.name)}`);
      }
    } finally {
      cleanup();
    }
  });
});
