import { describe, expect, it } from "vitest";
import { createTestClock } from "@/lib/clock";
import { decide } from "./decide";
import { resolveGovernorRules } from "./rules";
import { governorRulesFromEnv, parseSendWindow } from "./settings";

const base = { SEND_MAILBOX_DAILY_CAP: 50, SEND_DOMAIN_DAILY_CAP: 10 , SEND_CONTACT_GAP_HOURS: 24 };

describe("the governor's rules from the environment", () => {
  it("an operator's SEND_WINDOW reads as ISO days and hours, ranges wrapping round the week", () => {
    expect(parseSendWindow("Mon-Fri 09:00-17:00")).toEqual({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" });
    expect(parseSendWindow("mon,wed,FRI 10:00 - 16:30")).toEqual({ days: [1, 3, 5], start: "10:00", end: "16:30" });
    expect([...(parseSendWindow("Sun-Thu 08:00-16:00").days ?? [])].sort()).toEqual([1, 2, 3, 4, 7]);
    expect(parseSendWindow("always")).toEqual({ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" });
  });

  it("a malformed SEND_WINDOW is refused naming the variable", () => {
    expect(() => parseSendWindow("weekdays")).toThrow(/SEND_WINDOW/);
    expect(() => parseSendWindow("Mon-Fun 09:00-17:00")).toThrow(/SEND_WINDOW: "Fun"/);
    expect(() => governorRulesFromEnv({ ...base, DEMO_MODE: false, SEND_WINDOW: "Mon 17:00-09:00", SEND_HOLIDAYS: undefined, SEND_MIN_GAP_SECONDS: undefined })).toThrow(/SEND_WINDOW/);
  });

  it("production defaults to the recipient's business hours with holidays and a 2-minute gap; demo mode is always open", () => {
    const prod = governorRulesFromEnv({ ...base, DEMO_MODE: false, SEND_WINDOW: undefined, SEND_HOLIDAYS: undefined, SEND_MIN_GAP_SECONDS: undefined });
    expect(prod).toMatchObject({ window: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }, holidays: "public", minGapSeconds: 120, mailboxDailyCap: 50, domainDailyCap: 10 });
    const demo = governorRulesFromEnv({ ...base, DEMO_MODE: true, SEND_WINDOW: undefined, SEND_HOLIDAYS: undefined, SEND_MIN_GAP_SECONDS: undefined });
    expect(demo).toMatchObject({ window: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" }, holidays: "none", minGapSeconds: 0 });
    // One contact's gap is a safety rule, not a pace: it holds in demo mode too.
    expect(prod.contactGapSeconds).toBe(86_400);
    expect(demo.contactGapSeconds).toBe(86_400);
    const demoButStrict = governorRulesFromEnv({ ...base, DEMO_MODE: true, SEND_WINDOW: "Mon-Fri 09:00-17:00", SEND_HOLIDAYS: "public", SEND_MIN_GAP_SECONDS: 30 });
    expect(demoButStrict).toMatchObject({ window: { start: "09:00" }, holidays: "public", minGapSeconds: 30 });
  });

  it("an always-open window lets a send go at 23:59:59 on a DST day, with no hole before midnight", () => {
    const rules = resolveGovernorRules({ window: parseSendWindow("always"), holidays: "none", minGapSeconds: 0 });
    const send = { mailbox: { id: "m", zone: "Europe/Berlin" }, to: "a@b.de", place: { country: "DE" } };
    const state = { mailboxSentToday: 0, mailboxLastSentAt: null, domainSentToday: 0 };
    // 25 Oct 2026 is the day Berlin falls back (25 hours long); 23:59:59 local is 22:59:59 UTC.
    expect(decide(send, state, createTestClock("2026-10-25T22:59:59Z"), rules)).toMatchObject({ allowed: true });
    expect(decide(send, state, createTestClock("2026-10-25T23:00:00Z"), rules)).toMatchObject({ allowed: true });
  });
});
