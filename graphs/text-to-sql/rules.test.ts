import { describe, expect, it } from "vitest";
import { canRepair, confidenceOf, tablesFromKeywords, metricsSummary } from "./rules";
import { readOffline } from "@/lib/analytics/metrics";

describe("the keyword reading of a question's tables", () => {
  it("names the tables the question's words point to, and contacts with companies when nothing matches", () => {
    expect(tablesFromKeywords("Which campaign booked the most meetings?")).toEqual(["email_campaigns", "outcomes"]);
    expect(tablesFromKeywords("how are we doing?")).toEqual(["contacts", "companies"]);
  });
});

describe("repairs", () => {
  it("only the model's SQL is repaired, and only while repairs are left", () => {
    expect(canRepair({ sqlSource: "model", repairs: 1 }, 2)).toBe(true);
    expect(canRepair({ sqlSource: "model", repairs: 2 }, 2)).toBe(false);
    expect(canRepair({ sqlSource: "catalogue", repairs: 0 }, 2)).toBe(false);
  });
});

describe("an answer's confidence", () => {
  it("is 0.9 for a fixed report, 0.85 less 0.15 per repair for the model's SQL (at least 0.3), 0 for none", () => {
    expect(confidenceOf({ sqlSource: "catalogue", repairs: 0 })).toBe(0.9);
    expect([0, 1, 2, 5].map((repairs) => confidenceOf({ sqlSource: "model", repairs }))).toEqual([0.85, 0.7, 0.55, 0.3]);
    expect(confidenceOf({ sqlSource: "none", repairs: 0 })).toBe(0);
  });
});

describe("metricsSummary", () => {
  const NOW = Date.UTC(2026, 11, 6);
  const offline = (question: string) => readOffline(question, NOW);

  it("names the largest and smallest value of the plotted measure by the breakdown, from the rows only", () => {
    const summary = metricsSummary({ offline: offline("reply rate by vertical last 30 days") }, ["vertical", "sent", "replies", "reply_rate_pct"], [
      ["healthcare", 463, 25, 5.4],
      ["fintech", 500, 15, 3],
      ["saas", 400, 16, 4],
    ]);
    expect(summary).toBe("Highest reply rate: healthcare (5.4 %); lowest: fintech (3.0 %), over 3 verticals shown (the last 30 days).");
  });

  it("states a total, pluralises the breakdown, and stays silent for anything but a metrics answer", () => {
    expect(metricsSummary({ offline: offline("emails sent this month") }, ["sent"], [[1234]])).toBe("Emails sent: 1,234 (this month (UTC)).");
    expect(metricsSummary({ offline: offline("how many contacts per country") }, ["country", "contacts"], [["DE", 3], ["US", 9]])).toContain("over 2 countries shown");
    expect(metricsSummary({ offline: offline("Replies by campaign") }, ["campaign", "replies"], [["A", 1]])).toBeNull();
    expect(metricsSummary({ offline: undefined }, ["n"], [[1]])).toBeNull();
  });
});
