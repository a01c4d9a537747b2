import { describe, expect, it } from "vitest";
import { chartLabel, chartPoints, nextSort, planChart, sortRows, toCsv } from "./result-shape";

describe("planChart", () => {
  it("draws a time-like first column as a line, in time order", () => {
    const plan = planChart(["week", "bounces"], [["2026-47", 3], ["2026-45", 5], ["2026-46", 1]]);
    expect(plan).toMatchObject({ kind: "line", x: 0, measure: 1 });
    if (plan.kind === "table") throw new Error("expected a chart");
    expect(chartPoints(plan, [["2026-47", 3], ["2026-45", 5], ["2026-46", 1]]).map((p) => p.key)).toEqual(["2026-45", "2026-46", "2026-47"]);
    expect(planChart(["label", "n"], [["2026-11-20", 1], ["2026-11-21", 2]]).kind).toBe("line");
  });

  it("draws a text column with a numeric second column as a bar, plotting the measure the question names", () => {
    const columns = ["campaign", "sent", "replies", "replies_per_100_sent"];
    const rows = [["Spring", 100, 7, 7], ["Autumn", 80, 9, 11.25]];
    expect(planChart(columns, rows)).toMatchObject({ kind: "bar", measure: 1, measures: [1, 2, 3] });
    const asked = planChart(columns, rows, "Which campaign gets the most replies?");
    expect(asked).toMatchObject({ kind: "bar", measure: 2 });
    expect(chartLabel(columns, 0, 2)).toBe("Replies by campaign");
    expect(chartLabel(["vertical", "contacted", "reply_rate_pct"], 0, 2)).toBe("Reply rate by vertical");
    // A unit suffix is not part of what the question names.
    expect(planChart(["vertical", "sent", "opened", "open_rate_pct"], [["saas", 10, 4, 40]], "Open rate by vertical")).toMatchObject({ kind: "bar", measure: 3 });
  });

  it("keeps a table when the shape has no obvious chart", () => {
    expect(planChart(["company", "vertical", "engagement"], [["Acme", "saas", 4]]).kind).toBe("table");
    expect(planChart(["n"], [[1]]).kind).toBe("table");
    expect(planChart(["campaign", "sent"], []).kind).toBe("table");
    expect(planChart(["id", "sent"], [[1, 2]]).kind).toBe("table");
  });
});

describe("sorting", () => {
  const rows = [["b", 10], ["a", 9], [null, 1], ["c", 100]];
  it("sorts numbers as numbers and text naturally, empty cells last, and a third click restores the order", () => {
    expect(sortRows(rows, { column: 1, direction: "asc" }).map((r) => r[1])).toEqual([1, 9, 10, 100]);
    expect(sortRows(rows, { column: 0, direction: "desc" }).map((r) => r[0])).toEqual(["c", "b", "a", null]);
    expect(sortRows(rows, { column: 0, direction: "asc" }).map((r) => r[0])).toEqual(["a", "b", "c", null]);
    let sort = nextSort(null, 1);
    expect(sort).toEqual({ column: 1, direction: "asc" });
    sort = nextSort(sort, 1);
    expect(sort).toEqual({ column: 1, direction: "desc" });
    expect(nextSort(sort, 1)).toBeNull();
    expect(nextSort(sort, 0)).toEqual({ column: 0, direction: "asc" });
  });
});

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks, leaves empty cells empty and uses CRLF", () => {
    expect(toCsv(["name", "note", "n"], [["Acme, Inc.", 'said "hi"\nthen left', 3], [null, " padded", 0]])).toBe(
      'name,note,n\r\n"Acme, Inc.","said ""hi""\nthen left",3\r\n," padded",0\r\n',
    );
  });

  it("defuses text a spreadsheet would run as a formula, but not numbers", () => {
    expect(toCsv(["a", "b"], [["=HYPERLINK(1)", -5]])).toBe("a,b\r\n'=HYPERLINK(1),-5\r\n");
  });
});
