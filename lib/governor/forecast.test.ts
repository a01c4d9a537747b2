import { describe, expect, it } from "vitest";
import { resolveCadence } from "./cadence";
import { recipientDomain } from "./decide";
import { forecast, type ForecastContact } from "./forecast";
import { resolveGovernorRules, type GovernorRules } from "./rules";
import { describeDay } from "./sentence";
import { resolveTimeZone, type Place } from "./timezone";
import { sendCalendar, windowStatusAt } from "./window";
import { zoneDayAt } from "./zone-days";

const berlinBox = { id: "box-berlin", zone: "Europe/Berlin" };
const de = (n: number, domain = (i: number) => `co${i}.de`): ForecastContact[] =>
  Array.from({ length: n }, (_, i) => ({ mailbox: berlinBox, to: `p${i}@${domain(i)}`, place: { country: "DE" } }));
const iso = (d: Date | null) => d?.toISOString() ?? null;

type Sent = { contact: number; touch: number; at: Date };
function run(contacts: ForecastContact[], plan: Parameters<typeof forecast>[1], rules: GovernorRules, start: string) {
  const sends: Sent[] = [];
  const result = forecast(contacts, plan, rules, new Date(start), { onSend: (s) => sends.push(s) });
  return { result, sends };
}

describe("the launch forecast", () => {
  it("three contacts, two a day, two touches: the schedule a person would work out by hand, and its sentence", () => {
    const rules = resolveGovernorRules({ mailboxDailyCap: 2 });
    // Friday 6 March 2026, 16:00 in Berlin.
    const { result, sends } = run(de(3), { touches: 2, cadenceDays: [0, 4] }, rules, "2026-03-06T15:00:00Z");
    expect(sends.map((s) => [s.contact, s.touch, s.at.toISOString()])).toEqual([
      [0, 1, "2026-03-06T15:00:00.000Z"],
      [1, 1, "2026-03-06T15:02:00.000Z"], // two minutes apart; then the mailbox is full for Friday
      [2, 1, "2026-03-09T08:00:00.000Z"], // Monday 09:00
      [0, 2, "2026-03-10T15:00:00.000Z"], // four local days after each one's first touch
      [1, 2, "2026-03-10T15:02:00.000Z"],
      [2, 2, "2026-03-13T08:00:00.000Z"],
    ]);
    expect(result.touches.map((t) => [t.touch, t.sends, iso(t.first), iso(t.last)])).toEqual([
      [1, 3, "2026-03-06T15:00:00.000Z", "2026-03-09T08:00:00.000Z"],
      [2, 3, "2026-03-10T15:00:00.000Z", "2026-03-13T08:00:00.000Z"],
    ]);
    expect(result).toMatchObject({ contacts: 3, totalSends: 6, finishes: new Date("2026-03-13T08:00:00Z") });
    expect(result.sentence).toBe("3 contacts: touch 1 finishes on Monday 9 Mar, the last touch on Friday 13 Mar.");
  });

  it("five contacts at one company, a domain cap of two: two a day, whatever the mailbox could do", () => {
    const rules = resolveGovernorRules({ domainDailyCap: 2 });
    const { sends } = run(de(5, () => "acme.de"), { touches: 1 }, rules, "2026-03-02T08:00:00Z");
    expect(sends.map((s) => s.at.toISOString())).toEqual(["2026-03-02T08:00:00.000Z", "2026-03-02T08:02:00.000Z", "2026-03-03T08:00:00.000Z", "2026-03-03T08:02:00.000Z", "2026-03-04T08:00:00.000Z"]);
  });

  it("a campaign of 1,200 sends every touch to every contact and says when touch 1 and the last touch finish", () => {
    const contacts = de(1200);
    const { result, sends } = run(contacts, {}, resolveGovernorRules(), "2026-11-30T08:00:00Z");
    expect(result.totalSends).toBe(7200);
    expect(result.touches.map((t) => t.sends)).toEqual([1200, 1200, 1200, 1200, 1200, 1200]);
    // One mailbox, 50 a day, touch 1 first (it has waited longest): 24 working days from Monday
    // 30 Nov, with Christmas Day and New Year's Day (both Fridays) skipped, end on Monday 4 Jan;
    // that day's 50th send goes at 10:38 CET, 49 gaps of two minutes after 09:00.
    expect(iso(result.touches[0]!.last)).toBe("2027-01-04T09:38:00.000Z");
    // The mailbox is never idle while work waits: 7,200 sends fill 144 working days at 50 each.
    const perDay = new Map<number, number>();
    for (const s of sends) perDay.set(zoneDayAt("Europe/Berlin", s.at.getTime()).day, (perDay.get(zoneDayAt("Europe/Berlin", s.at.getTime()).day) ?? 0) + 1);
    expect(perDay.size).toBe(144);
    expect([...perDay.values()].every((n) => n === 50)).toBe(true);
    expect(result.finishes).toEqual(sends.at(-1)!.at);
    expect(result.sentence).toBe(`1,200 contacts: touch 1 finishes on Monday 4 Jan 2027, the last touch on ${describeDay(result.finishes!, "Europe/Berlin", new Date("2026-11-30T08:00:00Z"))}.`);
    expect(describeDay(result.finishes!, "Europe/Berlin", new Date("2026-11-30T08:00:00Z"))).toMatch(/^\w+day \d+ \w{3} 2027$/);
  });

  it("a campaign with no contacts says there is nothing to send; a one-touch plan says when it finishes", () => {
    expect(forecast([], {}, resolveGovernorRules(), new Date("2026-03-02T08:00:00Z"))).toMatchObject({ totalSends: 0, finishes: null, sentence: "0 contacts: nothing to send." });
    expect(forecast(de(1), { touches: 1 }, resolveGovernorRules(), new Date("2026-03-02T08:00:00Z"), { displayZone: "Asia/Tokyo" }).sentence).toBe("1 contact, one touch: it finishes on Monday 2 Mar.");
  });

  it("a mailbox that already sent its cap on launch day starts the next working day", () => {
    const r = forecast(de(1), { touches: 1 }, resolveGovernorRules(), new Date("2026-03-02T08:00:00Z"), { mailboxes: { "box-berlin": { sentToday: 50, lastSentAt: new Date("2026-03-02T07:59:00Z") } } });
    expect(iso(r.finishes)).toBe("2026-03-03T08:00:00.000Z");
  });

  it("a mixed campaign across zones, DST changes and Easter keeps every rule on every simulated send, and runs the same twice", () => {
    const places: Place[] = [{ country: "DE" }, { country: "US", city: "San Francisco" }, { country: "US" }, { country: "JP" }, { country: "GB" }, { country: "AU" }, { country: "DE", region: "BY" }];
    const mailboxes = [berlinBox, { id: "box-ny", zone: "America/New_York" }, { id: "box-utc", zone: "UTC" }];
    const contacts: ForecastContact[] = Array.from({ length: 600 }, (_, i) => ({ mailbox: mailboxes[i % 3]!, to: `p${i}@co${i % 40}.com`, place: places[i % places.length]! }));
    const rules = resolveGovernorRules({ mailboxDailyCap: 40, domainDailyCap: 6, minGapSeconds: 300 });
    const plan = { cadenceDays: [0, 3, 5, 9], touches: 4 };
    const { result, sends } = run(contacts, plan, rules, "2026-03-05T12:00:00Z");
    expect(sends).toHaveLength(2400);
    expect(run(contacts, plan, rules, "2026-03-05T12:00:00Z").sends).toEqual(sends);

    const cadence = resolveCadence(plan);
    const perMailboxDay = new Map<string, number>();
    const perDomainDay = new Map<string, number>();
    const lastByMailbox = new Map<string, number>();
    const lastByContact = new Map<number, Sent>();
    let previous = -Infinity;
    for (const s of sends) {
      const c = contacts[s.contact]!;
      const t = s.at.getTime();
      expect(t).toBeGreaterThanOrEqual(previous); // told in time order
      previous = t;
      const cal = sendCalendar(resolveTimeZone(c.place, c.mailbox.zone), rules);
      expect(windowStatusAt(cal, t)).toEqual({ kind: "open" });
      const mKey = `${c.mailbox.id}|${zoneDayAt(c.mailbox.zone, t).day}`;
      perMailboxDay.set(mKey, (perMailboxDay.get(mKey) ?? 0) + 1);
      expect(perMailboxDay.get(mKey)).toBeLessThanOrEqual(40);
      const dKey = `${recipientDomain(c.to)}|${cal.place.zone}|${zoneDayAt(cal.place.zone, t).day}`;
      perDomainDay.set(dKey, (perDomainDay.get(dKey) ?? 0) + 1);
      expect(perDomainDay.get(dKey)).toBeLessThanOrEqual(6);
      const last = lastByMailbox.get(c.mailbox.id);
      if (last !== undefined) expect(t - last).toBeGreaterThanOrEqual(300_000);
      lastByMailbox.set(c.mailbox.id, t);
      const before = lastByContact.get(s.contact);
      expect(s.touch).toBe((before?.touch ?? 0) + 1);
      if (before) {
        // Never sooner than the gap in the contact's own calendar days.
        const gap = cadence.gapDays[s.touch - 1]!;
        expect(zoneDayAt(cal.place.zone, t).day - zoneDayAt(cal.place.zone, before.at.getTime()).day).toBeGreaterThanOrEqual(gap);
      }
      lastByContact.set(s.contact, s);
    }
    expect(result.touches.map((t) => t.sends)).toEqual([600, 600, 600, 600]);
  });

  it("a forecast's dates are told in the reader's zone, with the year only when it is not the launch's", () => {
    const lateWednesday = new Date("2026-12-09T23:30:00Z");
    expect(describeDay(lateWednesday, "Europe/London", lateWednesday)).toBe("Wednesday 9 Dec");
    expect(describeDay(lateWednesday, "Asia/Tokyo", lateWednesday)).toBe("Thursday 10 Dec");
    expect(describeDay(new Date("2027-02-15T12:00:00Z"), "Europe/London", lateWednesday)).toBe("Monday 15 Feb 2027");
  });
});
