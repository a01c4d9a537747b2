import { describe, expect, it } from "vitest";
import type { Vertical } from "@/db/schema";
import { lastTouchCtes } from "./attribution";
import { CATALOGUE } from "./catalogue";
import { funnelSql, scoreReports, withRates } from "./reports";
import { gateSql } from "./sql-gate";

describe("the report catalogue", () => {
  it("offers at least ten reports with unique ids, a chart kind and keywords", () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(10);
    expect(new Set(CATALOGUE.map((r) => r.id)).size).toBe(CATALOGUE.length);
    for (const report of CATALOGUE) {
      expect(["bar", "line", "table"]).toContain(report.chart);
      expect(report.keywords.length).toBeGreaterThan(2);
      expect(report.description.length).toBeGreaterThan(20);
    }
  });

  it.each(CATALOGUE.map((r) => [r.id, r] as const))("report %s is a fixed SELECT that passes the same gate", (_id, report) => {
    expect(gateSql(report.sql)).toMatchObject({ ok: true });
  });
});

describe("the funnel and attribution SQL", () => {
  it("passes the gate for every scope", () => {
    for (const sql of [
      funnelSql({ by: "vertical" }),
      funnelSql({ by: "vertical", vertical: "fintech" }),
      funnelSql({ by: "campaign" }),
      funnelSql({ by: "campaign", campaignId: 3 }),
      `WITH ${lastTouchCtes({ contactId: 7 })} SELECT * FROM touches`,
      `WITH ${lastTouchCtes({ campaignId: 2 })} SELECT step, count(*) AS n FROM touches GROUP BY step`,
    ]) {
      expect(gateSql(sql), sql).toMatchObject({ ok: true });
    }
  });

  it("refuses a filter outside its closed set instead of pasting it into SQL", () => {
    expect(() => funnelSql({ by: "vertical", vertical: "saas' OR 1=1 --" as Vertical })).toThrow(/Unknown vertical/);
    expect(() => funnelSql({ by: "campaign", campaignId: 1.5 })).toThrow(/integer/);
    expect(() => lastTouchCtes({ contactId: -1 })).toThrow(/positive integer/);
  });

  it("computes stage-to-stage rates by arithmetic, with no rate after an empty stage", () => {
    const row = withRates("saas", { discovered: 200, enriched: 150, contacted: 100, opened: 0, replied: 3, converted: 1 });
    expect(row.rates).toEqual({ enriched: 0.75, contacted: 100 / 150, opened: 0, replied: null, converted: 1 / 3 });
    expect(row.overall).toBe(1 / 200);
  });
});

describe("the closest reports to a question", () => {
  it("scores a phrase above a single word", () => {
    const [best] = scoreReports("open rate");
    expect(best).toMatchObject({ score: 3 });
  });
});
