import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/safety/normalize";
import { extractReturnDate } from "./return-date";

// Friday 18 December 2026.
const received = new Date("2026-12-18T09:00:00Z");
const back = (text: string, at = received) => extractReturnDate(normalizeText(text), at);

describe("extractReturnDate", () => {
  it.each([
    ["I will be back on 5 January 2027.", "2027-01-05"],
    ["Back on 12 January.", "2027-01-12"],
    ["Returning January 12th, 2027.", "2027-01-12"],
    ["Returning 2027-01-12.", "2027-01-12"],
    ["Ich bin ab dem 5.1. wieder im Büro.", "2027-01-05"],
    ["Ab 05.01.2027 wieder erreichbar.", "2027-01-05"],
    ["De retour le 4 janvier.", "2027-01-04"],
    ["Volveré el 8 de enero.", "2027-01-08"],
    ["Rientrerò il 7 gennaio.", "2027-01-07"],
    ["Vanaf 5 januari weer aanwezig.", "2027-01-05"],
    ["De férias até 10/01/2027.", "2027-01-10"],
    ["Out until 01/15/2027.", "2027-01-15"],
    ["Back on 22 December.", "2026-12-22"],
  ])("an out-of-office saying %j is read as back on %s", (text, date) => {
    expect(back(text)).toBe(date);
  });

  it("with two dates (away from … until …, back on …) the later one is the return", () => {
    expect(back("Away from 20 December until 4 January, back on 5 January.")).toBe("2027-01-05");
  });

  it("a weekday or 'tomorrow' counts only when no date is written", () => {
    expect(back("Back on Monday.")).toBe("2026-12-21");
    expect(back("Back tomorrow.")).toBe("2026-12-19");
    expect(back("Back Monday 11 January.")).toBe("2027-01-11");
  });

  it("dates in the past, impossible dates, decimals and times are not return dates", () => {
    expect(back("Away since 1 December.")).toBeNull();
    expect(back("Away since 2026-12-01.")).toBeNull();
    expect(back("Back on 31 February.")).toBeNull();
    expect(back("Response within 3.5 hours, at 10:30.")).toBeNull();
    expect(back("I am out of the office.")).toBeNull();
  });
});
