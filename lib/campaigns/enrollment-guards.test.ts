import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/clock";
import { enrollmentGuard, partitionAudience } from "./enrollment-guards";

const now = new Date("2030-03-04T10:00:00Z");
const clear = { suppressed: false, doNotContact: false, bounced: false, unsubscribed: false, replied: false };
const campaign = { id: 7, allowOverlap: false, cooldownDays: 30 };
const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);

describe("enrollment guards", () => {
  it("a contact with no history may be enrolled", () => {
    expect(enrollmentGuard(campaign, clear, [], now)).toEqual({ allowed: true });
  });

  it("a contact is enrolled once per campaign, even after that enrollment ended", () => {
    expect(enrollmentGuard(campaign, clear, [{ campaignId: 7, status: "completed", updatedAt: ago(200) }], now)).toEqual({ allowed: false, reason: "already_enrolled" });
  });

  it("a contact active in another campaign is excluded unless this campaign allows overlap", () => {
    const past = [{ campaignId: 3, status: "active" as const, updatedAt: ago(1) }];
    expect(enrollmentGuard(campaign, clear, past, now)).toEqual({ allowed: false, reason: "active_elsewhere" });
    expect(enrollmentGuard({ ...campaign, allowOverlap: true }, clear, past, now)).toEqual({ allowed: true });
  });

  it("a paused enrollment elsewhere still holds the contact", () => {
    expect(enrollmentGuard(campaign, clear, [{ campaignId: 3, status: "paused", updatedAt: ago(90) }], now)).toMatchObject({ reason: "active_elsewhere" });
  });

  it("a contact whose other campaign finished inside the cooldown waits; after it, may be enrolled", () => {
    expect(enrollmentGuard(campaign, clear, [{ campaignId: 3, status: "completed", updatedAt: ago(29) }], now)).toEqual({ allowed: false, reason: "cooldown" });
    expect(enrollmentGuard(campaign, clear, [{ campaignId: 3, status: "completed", updatedAt: ago(31) }], now)).toEqual({ allowed: true });
    expect(enrollmentGuard({ ...campaign, cooldownDays: 0 }, clear, [{ campaignId: 3, status: "stopped", updatedAt: ago(0.5) }], now)).toEqual({ allowed: true });
  });

  it("the safety gate's refusals come first (a suppressed contact is excluded as suppressed)", () => {
    expect(enrollmentGuard(campaign, { ...clear, suppressed: true }, [{ campaignId: 7, status: "active", updatedAt: ago(1) }], now)).toEqual({ allowed: false, reason: "suppressed" });
    expect(enrollmentGuard(campaign, { ...clear, replied: true }, [], now)).toEqual({ allowed: false, reason: "replied" });
  });

  it("an operator's audience preview counts what each guard leaves out", () => {
    const result = partitionAudience(
      campaign,
      [
        { contactId: 1, gate: clear, past: [] },
        { contactId: 2, gate: { ...clear, bounced: true }, past: [] },
        { contactId: 3, gate: clear, past: [{ campaignId: 9, status: "active", updatedAt: ago(2) }] },
        { contactId: 4, gate: clear, past: [{ campaignId: 9, status: "active", updatedAt: ago(2) }] },
        { contactId: 5, gate: clear, past: [] },
      ],
      now,
    );
    expect(result).toEqual({ eligible: [1, 5], excluded: { bounced: 1, active_elsewhere: 2 } });
  });
});
