import { describe, expect, it } from "vitest";
import { defaultPlan } from "@/lib/campaigns/coach-plan";
import { coachedPlan, gapAfter, isReplyStop, nowOf, offlinePlan, touchAction, touchEvidence } from "./rules";

const launched = { ...defaultPlan({ angle: "Faster close", tone: "warm" }, "test"), cadenceDays: [0, 2, 9], maxTouches: 3, provenance: { confidence: 1, reason: "Written by the operator.", source: "operator", evidence: [] } };
const campaign = { id: 1, name: "Q1 close", angle: "Faster close", tone: "warm" as const, plan: launched, panel: null };

describe("campaign rules", () => {
  it("the coach's plan keeps the launched cadence and touch budget, and the coach's angle and tone", () => {
    const coached = coachedPlan({ angle: "Audit-ready books", tone: "formal", cadenceDays: [0, 1, 1, 1], maxTouches: 4, stopCriteria: "Stop on reply.", confidence: 3 }, campaign, "stub-model", "coach-v1");
    const plan = coached.ok ? coached.plan : null;
    expect(plan).toMatchObject({ angle: "Audit-ready books", tone: "formal", cadenceDays: [0, 2, 9], maxTouches: 3, version: "coach-v1" });
    expect(plan!.provenance).toMatchObject({ source: "model", confidence: 1 });
  });

  it("a coach's invalid tone or empty angle is refused, naming why (the node then fails open)", () => {
    expect(coachedPlan({ angle: "x", tone: "aggressive", cadenceDays: [0], maxTouches: 1, stopCriteria: "" }, { ...campaign, plan: null }, "stub-model", "coach-v1")).toEqual({ ok: false, reason: "invalid_tone" });
    expect(coachedPlan({ angle: " ", tone: "warm", cadenceDays: [0], maxTouches: 1, stopCriteria: "" }, campaign, "stub-model", "coach-v1")).toEqual({ ok: false, reason: "empty_angle" });
  });

  it("offline, the launched plan is taken as is and labelled so; without one, the defaults", () => {
    const plan = offlinePlan(campaign, "no model configured");
    expect(plan).toMatchObject({ angle: "Faster close", cadenceDays: [0, 2, 9], maxTouches: 3 });
    expect(plan.provenance.reason).toContain("taken as is (no model configured)");
    expect(plan.version).toMatch(/^campaign-rules-v1/);
    expect(offlinePlan({ ...campaign, plan: null }, "offline").provenance.source).toBe("default_plan");
  });

  it("touch 1 opens and later touches follow up; the gap after touch n is the cadence's entry n", () => {
    expect([touchAction(1), touchAction(2), touchAction(6)]).toEqual(["initial", "followup", "followup"]);
    expect([gapAfter(launched, 1), gapAfter(launched, 2)]).toEqual([2, 9]);
  });

  it("only reply-type stops belong to check_reply", () => {
    expect(["replied", "meeting", "company_reply", "enrollment_ended"].every((r) => isReplyStop(r as never))).toBe(true);
    expect(isReplyStop("bounced")).toBe(false);
  });

  it("the run's clock is the caller's when it sent one", () => {
    const fallback = () => new Date("2000-01-01T00:00:00Z");
    expect(nowOf("2030-03-04T10:00:00.000Z", fallback).toISOString()).toBe("2030-03-04T10:00:00.000Z");
    expect(nowOf(undefined, fallback)).toEqual(fallback());
  });
  it("a reviewer reads where a touch's plan came from in words, never as a source code", () => {
    expect(touchEvidence(2, 3, "campaign_panel", "v1")).toBe("Touch 2 of 3. Plan from the campaign panel (version v1).");
    expect(touchEvidence(1, 3, "some_new_source", "v2")).toBe("Touch 1 of 3. Plan from some new source (version v2).");
    expect(offlinePlan(campaign, "no model configured").provenance.evidence).toContain("Plan written by the operator.");
  });
});
