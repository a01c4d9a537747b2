import { describe, expect, it } from "vitest";
import { createTestClock } from "@/lib/clock";
import { countingDays, decide, recipientDomain, type GovernorState, type SendRequest } from "./decide";
import { DEFAULT_RULES, resolveGovernorRules } from "./rules";
import { describeDeferral } from "./sentence";

const berlinBox = { id: "box-berlin", zone: "Europe/Berlin" };
const toBerlin: SendRequest = { mailbox: berlinBox, to: "ana@Acme.de", place: { country: "DE" } };
const quiet: GovernorState = { mailboxSentToday: 0, mailboxLastSentAt: null, domainSentToday: 0 };
const at = (iso: string) => createTestClock(iso);
const iso = (d: Date) => d.toISOString();

describe("the send governor's decision", () => {
  it("a send inside the recipient's window with room under every cap goes now", () => {
    expect(decide(toBerlin, quiet, at("2026-03-03T10:00:00Z"))).toEqual({ allowed: true, at: new Date("2026-03-03T10:00:00Z") });
  });

  it("a Friday-evening send is deferred as outside the window, with Monday 09:00 local as its time and the local time it saw", () => {
    const d = decide(toBerlin, quiet, at("2026-03-06T17:30:00Z"));
    expect(d).toMatchObject({ allowed: false, reason: { kind: "outside_window", detail: { zone: "Europe/Berlin", zoneSource: "country", localTime: "2026-03-06 18:30", weekday: 5, window: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" } } } });
    expect(d.allowed === false && iso(d.notBefore)).toBe("2026-03-09T08:00:00.000Z");
  });

  it("a send on a public holiday is deferred naming the holiday, to the next working day", () => {
    const d = decide({ ...toBerlin, to: "bo@shop.com", place: { country: "US" } }, quiet, at("2026-11-26T15:00:00Z"));
    expect(d).toEqual({ allowed: false, reason: { kind: "holiday", detail: { date: "2026-11-26", name: "Thanksgiving Day", country: "US", zone: "America/New_York" } }, notBefore: new Date("2026-11-27T14:00:00Z") });
  });

  it("a mailbox at its daily cap waits for the mailbox's next day, counted in the mailbox's zone, not the contact's", () => {
    // 15:30 UTC Monday: 16:30 in Berlin (open), already Tuesday 00:30 in Tokyo, where the mailbox lives.
    const tokyoBox: SendRequest = { ...toBerlin, mailbox: { id: "box-tokyo", zone: "Asia/Tokyo" } };
    const clock = at("2026-03-02T15:30:00Z");
    expect(countingDays(tokyoBox, clock.now()).mailbox).toEqual({ start: new Date("2026-03-02T15:00:00Z"), end: new Date("2026-03-03T15:00:00Z") });
    const d = decide(tokyoBox, { ...quiet, mailboxSentToday: 50 }, clock);
    expect(d).toEqual({ allowed: false, reason: { kind: "mailbox_cap", detail: { mailboxId: "box-tokyo", cap: 50, sent: 50, zone: "Asia/Tokyo" } }, notBefore: new Date("2026-03-03T15:00:00Z") });
    expect(decide(tokyoBox, { ...quiet, mailboxSentToday: 49 }, clock).allowed).toBe(true);
  });

  it("a recipient domain at its daily cap waits for the recipient's next morning", () => {
    const clock = at("2026-03-03T10:00:00Z");
    expect(countingDays(toBerlin, clock.now()).domain).toEqual({ start: new Date("2026-03-02T23:00:00Z"), end: new Date("2026-03-03T23:00:00Z"), domain: "acme.de", zone: "Europe/Berlin" });
    const d = decide(toBerlin, { ...quiet, domainSentToday: 10 }, clock);
    expect(d).toEqual({ allowed: false, reason: { kind: "domain_cap", detail: { domain: "acme.de", cap: 10, sent: 10, zone: "Europe/Berlin" } }, notBefore: new Date("2026-03-04T08:00:00Z") });
  });

  it("a send too soon after the mailbox's last one waits out the gap, or the next opening when the gap runs past closing", () => {
    const d = decide(toBerlin, { ...quiet, mailboxLastSentAt: new Date("2026-03-03T09:59:30Z") }, at("2026-03-03T10:00:00Z"));
    expect(d).toEqual({ allowed: false, reason: { kind: "min_gap", detail: { mailboxId: "box-berlin", minGapSeconds: 120, lastSentAt: "2026-03-03T09:59:30.000Z" } }, notBefore: new Date("2026-03-03T10:01:30Z") });
    const late = decide(toBerlin, { ...quiet, mailboxLastSentAt: new Date("2026-03-03T15:58:30Z") }, at("2026-03-03T15:59:00Z"));
    expect(late).toMatchObject({ allowed: false, reason: { kind: "min_gap" }, notBefore: new Date("2026-03-04T08:00:00Z") });
  });

  it("a second email to a contact within a day of the first waits out the day (in the window), and says so", () => {
    const clock = at("2026-03-03T10:00:00Z");
    const d = decide(toBerlin, { ...quiet, contactLastSentAt: new Date("2026-03-03T09:59:00Z") }, clock);
    expect(d).toEqual({ allowed: false, reason: { kind: "contact_gap", detail: { contactGapSeconds: 86_400, lastSentAt: "2026-03-03T09:59:00.000Z" } }, notBefore: new Date("2026-03-04T09:59:00Z") });
    expect(!d.allowed && describeDeferral(d.reason, d.notBefore, "Europe/Berlin")).toMatch(/^The contact was emailed less than a day ago; goes /);
    // Past the gap, or with no earlier email (or one they have since answered: the caller passes null), it goes.
    expect(decide(toBerlin, { ...quiet, contactLastSentAt: new Date("2026-03-02T09:59:00Z") }, clock).allowed).toBe(true);
    expect(decide(toBerlin, { ...quiet, contactLastSentAt: null }, clock).allowed).toBe(true);
    // The gap's end falls after closing on a Friday: the next opening, Monday.
    const friday = decide(toBerlin, { ...quiet, contactLastSentAt: new Date("2026-03-06T15:30:00Z") }, at("2026-03-06T15:45:00Z"));
    expect(friday.allowed === false && iso(friday.notBefore)).toBe("2026-03-09T08:00:00.000Z");
    expect(decide(toBerlin, { ...quiet, contactLastSentAt: new Date("2026-03-03T09:59:00Z") }, clock, resolveGovernorRules({ contactGapSeconds: 0 })).allowed).toBe(true);
  });

  it("a paused send says until when; an open-ended pause predicts the time it would go if resumed now", () => {
    const clock = at("2026-03-03T10:00:00Z");
    const until = decide({ ...toBerlin, pause: { until: new Date("2026-03-05T12:00:00Z"), scope: "campaign" } }, quiet, clock);
    expect(until).toEqual({ allowed: false, reason: { kind: "paused", detail: { scope: "campaign", until: "2026-03-05T12:00:00.000Z" } }, notBefore: new Date("2026-03-05T12:00:00Z") });
    const open = decide({ ...toBerlin, pause: { until: null, scope: "contact" } }, quiet, clock);
    expect(open).toEqual({ allowed: false, reason: { kind: "paused", detail: { scope: "contact", until: null } }, notBefore: new Date("2026-03-03T10:00:00Z") });
    expect(decide({ ...toBerlin, pause: { until: new Date("2026-03-03T09:00:00Z"), scope: "campaign" } }, quiet, clock).allowed).toBe(true);
  });

  it("a draft awaiting approval is deferred as approval_pending, predicting when it would go once approved", () => {
    const d = decide({ ...toBerlin, awaitingApproval: true }, quiet, at("2026-03-07T12:00:00Z"));
    expect(d).toEqual({ allowed: false, reason: { kind: "approval_pending", detail: {} }, notBefore: new Date("2026-03-09T08:00:00Z") });
  });

  it("the first rule in the way is the reason, and the predicted time satisfies all of them at once", () => {
    // Evening, mailbox full and gap not over: the window is named; the prediction is the next morning.
    const d = decide(toBerlin, { mailboxSentToday: 50, mailboxLastSentAt: new Date("2026-03-03T17:59:00Z"), domainSentToday: 10 }, at("2026-03-03T18:00:00Z"));
    expect(d).toMatchObject({ allowed: false, reason: { kind: "outside_window" }, notBefore: new Date("2026-03-04T08:00:00Z") });
  });

  it("a deferred send goes when the test clock reaches its predicted time, days later, without sleeping", () => {
    const clock = at("2026-12-24T16:30:00Z"); // Thursday 17:30 in Berlin; Friday is Christmas Day
    const first = decide(toBerlin, quiet, clock);
    expect(first.allowed).toBe(false);
    if (first.allowed) return;
    expect(first.reason.kind).toBe("outside_window");
    expect(iso(first.notBefore)).toBe("2026-12-28T08:00:00.000Z");
    clock.set(new Date(first.notBefore.getTime() - 60_000));
    expect(decide(toBerlin, quiet, clock).allowed).toBe(false);
    clock.advance(60_000);
    expect(decide(toBerlin, quiet, clock)).toEqual({ allowed: true, at: first.notBefore });
  });

  it("configured rules replace the defaults: a tighter domain cap and a wider window", () => {
    const rules = resolveGovernorRules({ domainDailyCap: 2, window: { start: "08:00", end: "20:00" } });
    expect(decide(toBerlin, { ...quiet, domainSentToday: 2 }, at("2026-03-03T18:00:00Z"), rules)).toMatchObject({ reason: { kind: "domain_cap" }, notBefore: new Date("2026-03-04T07:00:00Z") });
    expect(decide(toBerlin, quiet, at("2026-03-03T18:00:00Z"), rules).allowed).toBe(true);
    expect(decide(toBerlin, quiet, at("2026-03-03T18:00:00Z"), DEFAULT_RULES).allowed).toBe(false);
  });

  it("bad rules are refused naming the field", () => {
    expect(() => resolveGovernorRules({ window: { start: "17:00", end: "09:00" } })).toThrow(/end/);
    expect(() => resolveGovernorRules({ window: { start: "9am" } })).toThrow(/HH:MM/);
    expect(() => resolveGovernorRules({ mailboxDailyCap: 0 })).toThrow(/mailboxDailyCap/);
    expect(() => resolveGovernorRules({ window: { days: [] } })).toThrow(/days/);
  });

  it("a recipient's domain is read from the address, lower-cased", () => {
    expect(recipientDomain(" Ana.Lopez@Sub.Example.COM")).toBe("sub.example.com");
  });

  it("a deferred send reads as one line beside it: why it waits and when it goes, in the reader's zone", () => {
    const d = decide(toBerlin, quiet, at("2025-12-24T17:00:00Z"));
    if (d.allowed) throw new Error("expected a deferral");
    expect(describeDeferral(d.reason, d.notBefore, "Europe/Berlin")).toBe("Outside business hours in Europe/Berlin (18:00 there, open 09:00–17:00), then Christmas Day, Boxing Day; goes Mon 29 Dec 09:00 CET.");
    const capped = decide(toBerlin, { ...quiet, domainSentToday: 10 }, at("2026-03-03T10:00:00Z"));
    if (capped.allowed) throw new Error("expected a deferral");
    expect(describeDeferral(capped.reason, capped.notBefore, "America/New_York")).toBe("acme.de reached its daily cap (10 of 10); goes Wed 4 Mar 03:00 GMT-5.");
  });
});
