import { describe, expect, it } from "vitest";
import type { DeferReason } from "./decide";
import { scheduledLabel } from "./sentence";

const window: DeferReason = {
  kind: "outside_window",
  detail: { zone: "Asia/Tokyo", zoneSource: "city", localTime: "2027-06-08T23:00", weekday: 2, window: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }, skippedHolidays: [] },
};

describe("the scheduled line beside a deferred send", () => {
  it("a rep reads a night-time approval's send time in the recipient's local time, with the reason", () => {
    expect(scheduledLabel(window, new Date("2027-06-09T00:00:00Z"), "Asia/Tokyo", new Date("2027-06-08T14:00:00Z"))).toBe(
      "Scheduled · Wed 09:00 (recipient's local time): outside the send window",
    );
  });

  it("a send more than six days away names its date, and each cap names what is full", () => {
    const domain: DeferReason = { kind: "domain_cap", detail: { domain: "acme.com", cap: 10, sent: 10, zone: "Europe/Berlin" } };
    expect(scheduledLabel(domain, new Date("2027-06-21T07:00:00Z"), "Europe/Berlin", new Date("2027-06-08T14:00:00Z"))).toBe(
      "Scheduled · Mon 21 Jun 09:00 (recipient's local time): acme.com's daily cap is reached",
    );
    const holiday: DeferReason = { kind: "holiday", detail: { date: "2027-12-25", name: "Christmas Day", country: "GB", zone: "Europe/London" } };
    expect(scheduledLabel(holiday, new Date("2027-12-27T09:00:00Z"), "Europe/London", new Date("2027-12-25T10:00:00Z"))).toBe(
      "Scheduled · Mon 09:00 (recipient's local time): Christmas Day in GB",
    );
  });
});
