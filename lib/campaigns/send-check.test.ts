import { describe, expect, it } from "vitest";
import type { StopFacts } from "@/db/queries/enrollments";
import { sendVerdict } from "./send-check";

const now = new Date("2030-03-04T10:00:00Z");
const clear = { suppressed: false, doNotContact: false, bounced: false, unsubscribed: false, replied: false };
function facts(over: { enrollment?: Partial<StopFacts["enrollment"]> } & Partial<Omit<StopFacts, "enrollment">> = {}): StopFacts {
  const enrollment = {
    id: 1, campaignId: 1, contactId: 1, threadId: "t", step: 1, status: "active", nextWakeAt: null, stopReason: null, pausedUntil: null, lastEvent: null, lastEventAt: null,
    deferredReason: null, predictedSendAt: null, enrolledAt: new Date("2030-03-01T00:00:00Z"), updatedAt: now, ...over.enrollment,
  } as StopFacts["enrollment"];
  return { campaignStatus: "active", stopOnCompanyReply: false, gate: clear, meetingBooked: false, companyReplied: false, ...over, enrollment };
}

describe("the campaign's check at the moment of sending", () => {
  it("a touch of an active enrollment with nothing against it may go", () => {
    expect(sendVerdict(facts(), now)).toEqual({ allowed: true });
  });

  it("a touch whose enrollment ended (removed, replied…) never goes, with the enrollment's reason", () => {
    expect(sendVerdict(facts({ enrollment: { status: "removed", stopReason: "Removed by Olly." } }), now)).toEqual({ allowed: false, reason: "enrollment_ended", final: true, retryAt: null, message: "Removed by Olly." });
  });

  it("the last touch of a sequence that just completed still goes, unless a stop rule fires", () => {
    expect(sendVerdict(facts({ enrollment: { status: "completed", step: 3 } }), now)).toEqual({ allowed: true });
    expect(sendVerdict(facts({ enrollment: { status: "completed" }, gate: { ...clear, replied: true } }), now)).toMatchObject({ allowed: false, reason: "replied", final: true });
  });

  it("a contact who replied, unsubscribed or booked a meeting since stops the touch for good", () => {
    expect(sendVerdict(facts({ gate: { ...clear, replied: true } }), now)).toMatchObject({ allowed: false, reason: "replied", final: true });
    expect(sendVerdict(facts({ gate: { ...clear, unsubscribed: true } }), now)).toMatchObject({ reason: "unsubscribed", final: true });
    expect(sendVerdict(facts({ meetingBooked: true }), now)).toMatchObject({ reason: "meeting", final: true });
    expect(sendVerdict(facts({ companyReplied: true, stopOnCompanyReply: true }), now)).toMatchObject({ reason: "company_reply", final: true });
  });

  it("a paused campaign or enrollment holds the touch until a person resumes it", () => {
    expect(sendVerdict(facts({ campaignStatus: "paused" }), now)).toMatchObject({ allowed: false, reason: "campaign_paused", final: false, retryAt: null });
    expect(sendVerdict(facts({ enrollment: { status: "paused" } }), now)).toMatchObject({ allowed: false, reason: "enrollment_paused", final: false, retryAt: null });
  });

  it("an out-of-office holds the touch until the return date, then lets it go", () => {
    const until = new Date("2030-03-10T00:00:00Z");
    expect(sendVerdict(facts({ enrollment: { status: "paused", pausedUntil: until } }), now)).toMatchObject({ allowed: false, reason: "out_of_office", final: false, retryAt: until });
    expect(sendVerdict(facts({ enrollment: { status: "paused", pausedUntil: until } }), new Date("2030-03-10T00:00:01Z"))).toEqual({ allowed: true });
  });
});
