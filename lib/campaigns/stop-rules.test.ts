import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/clock";
import { decideOnInbound, stopDecision, type StopInput } from "./stop-rules";

const now = new Date("2030-03-04T10:00:00Z");
const clear = { suppressed: false, doNotContact: false, bounced: false, unsubscribed: false, replied: false };
const base: StopInput = { gate: clear, meetingBooked: false, companyReplied: false, stopOnCompanyReply: false, outOfOffice: null, now };

describe("stop rules", () => {
  it("a contact with nothing against them continues", () => {
    expect(stopDecision(base)).toEqual({ action: "continue" });
  });

  it.each([
    ["suppressed", "stopped"],
    ["doNotContact", "stopped"],
    ["bounced", "bounced"],
    ["unsubscribed", "unsubscribed"],
    ["replied", "replied"],
  ] as const)("a contact flagged %s is stopped with status %s", (flag, status) => {
    expect(stopDecision({ ...base, gate: { ...clear, [flag]: true } })).toMatchObject({ action: "stop", status });
  });

  it("the suppression list outranks every other flag, as in the shared gate", () => {
    expect(stopDecision({ ...base, gate: { ...clear, suppressed: true, replied: true }, meetingBooked: true })).toMatchObject({ reason: "suppressed" });
  });

  it("a booked meeting outranks the reply that came with it", () => {
    expect(stopDecision({ ...base, gate: { ...clear, replied: true }, meetingBooked: true })).toMatchObject({ action: "stop", status: "meeting", reason: "meeting" });
  });

  it("a colleague's reply stops the contact only when the campaign stops company-wide", () => {
    expect(stopDecision({ ...base, companyReplied: true })).toEqual({ action: "continue" });
    expect(stopDecision({ ...base, companyReplied: true, stopOnCompanyReply: true })).toMatchObject({ action: "stop", reason: "company_reply", status: "stopped" });
  });

  it("an out-of-office pauses until its stated return date", () => {
    const returnDate = new Date("2030-03-10T00:00:00Z");
    expect(stopDecision({ ...base, outOfOffice: { at: now, returnDate } })).toMatchObject({ action: "pause", until: returnDate });
  });

  it("an out-of-office with no date pauses for 7 days, and no longer once they have passed", () => {
    const at = new Date(now.getTime() - DAY_MS);
    expect(stopDecision({ ...base, outOfOffice: { at, returnDate: null } })).toMatchObject({ action: "pause", until: new Date(at.getTime() + 7 * DAY_MS) });
    expect(stopDecision({ ...base, outOfOffice: { at: new Date(now.getTime() - 8 * DAY_MS), returnDate: null } })).toEqual({ action: "continue" });
  });

  it("a stop outranks an out-of-office pause", () => {
    expect(stopDecision({ ...base, gate: { ...clear, unsubscribed: true }, outOfOffice: { at: now, returnDate: null } })).toMatchObject({ action: "stop" });
  });
});

describe("an inbound message's effect on campaigns", () => {
  it.each([
    ["interested", "replied"],
    ["not_interested", "replied"],
    ["info_request", "replied"],
    ["partnership", "replied"],
    ["meeting_scheduled", "meeting"],
    ["unsubscribe", "unsubscribed"],
    ["bounced", "bounced"],
  ])("a message labelled %s stops enrollments as %s", (label, status) => {
    expect(decideOnInbound(label, null, now)).toMatchObject({ action: "stop", status });
  });

  it("an auto-reply pauses until its return date, or for 7 days without one", () => {
    const back = new Date("2030-03-20T00:00:00Z");
    expect(decideOnInbound("auto_reply", back, now)).toMatchObject({ action: "pause", until: back });
    expect(decideOnInbound("auto_reply", null, now)).toMatchObject({ action: "pause", until: new Date(now.getTime() + 7 * DAY_MS) });
  });

  it("spam changes nothing", () => {
    expect(decideOnInbound("spam", null, now)).toEqual({ action: "continue" });
  });
});
