import { describe, expect, it } from "vitest";
import { DEFAULT_CADENCE_DAYS, DEFAULT_MAX_TOUCHES } from "@/lib/governor/cadence";
import { angleForTouch, coerceCoachPlan, defaultPlan, DEFAULT_STOP_CRITERIA, MAX_ANGLE_CHARS, planFrom } from "./coach-plan";

const good = { angle: "Cut month-end close from 9 days to 4", tone: "direct", cadenceDays: [0, 3, 5], maxTouches: 3, stopCriteria: "Stop on any reply." };
const provenance = { confidence: 0.7, reason: "Planned by the model.", source: "model", evidence: [] };
const campaign = { angle: "Faster close", tone: "warm" as const };

describe("coach plan coercion", () => {
  it("a coach's valid plan is kept as given", () => {
    expect(coerceCoachPlan(good)).toEqual({ ok: true, plan: good, clamped: [] });
  });

  it("a coach's gap above 60 days is clamped to 60 and one below 0 to 0, and both are reported", () => {
    const result = coerceCoachPlan({ ...good, cadenceDays: [-3, 90, 7.4] });
    expect(result).toEqual({ ok: true, plan: { ...good, cadenceDays: [0, 60, 7] }, clamped: ["cadenceDays[0]", "cadenceDays[1]", "cadenceDays[2]"] });
  });

  it("a coach's touch budget above 6 is clamped to 6 and below 1 to 1", () => {
    const many = coerceCoachPlan({ ...good, maxTouches: 9 });
    expect(many.ok && many.plan.maxTouches).toBe(6);
    expect(many.ok && many.clamped).toContain("maxTouches");
    const none = coerceCoachPlan({ ...good, maxTouches: 0 });
    expect(none.ok && none.plan.maxTouches).toBe(1);
    expect(none.ok && none.plan.cadenceDays).toEqual([0]);
  });

  it("a coach's cadence shorter than its touch budget keeps the default gaps for the missing touches", () => {
    const result = coerceCoachPlan({ ...good, cadenceDays: [0, 2], maxTouches: 5 });
    expect(result.ok && result.plan.cadenceDays).toEqual([0, 2, ...DEFAULT_CADENCE_DAYS.slice(2, 5)]);
  });

  it("a coach's angle over 200 characters is cut to 200", () => {
    const result = coerceCoachPlan({ ...good, angle: "x".repeat(260) });
    expect(result.ok && result.plan.angle.length).toBe(MAX_ANGLE_CHARS);
    expect(result.ok && result.clamped).toContain("angle");
  });

  it("an empty or blank angle refuses the whole plan (the one field that cannot be defaulted)", () => {
    expect(coerceCoachPlan({ ...good, angle: "   " })).toEqual({ ok: false, reason: "empty_angle" });
    expect(coerceCoachPlan({ ...good, angle: undefined })).toEqual({ ok: false, reason: "empty_angle" });
  });

  it("a tone outside the enum ('aggressive') refuses the plan", () => {
    expect(coerceCoachPlan({ ...good, tone: "aggressive" })).toEqual({ ok: false, reason: "invalid_tone" });
  });

  it("a cadence that is not a list of numbers, or a touch budget that is not a number, refuses the plan", () => {
    expect(coerceCoachPlan({ ...good, cadenceDays: [0, "4"] })).toEqual({ ok: false, reason: "invalid_cadence" });
    expect(coerceCoachPlan({ ...good, cadenceDays: [] })).toEqual({ ok: false, reason: "invalid_cadence" });
    expect(coerceCoachPlan({ ...good, maxTouches: "six" })).toEqual({ ok: false, reason: "invalid_max_touches" });
    expect(coerceCoachPlan("a plan")).toEqual({ ok: false, reason: "not_an_object" });
  });

  it("a missing stop-criteria sentence takes the default one", () => {
    const result = coerceCoachPlan({ ...good, stopCriteria: "" });
    expect(result.ok && result.plan.stopCriteria).toBe(DEFAULT_STOP_CRITERIA);
  });

  it("a refused plan fails open to the defaults [0,4,7,7,7,7] and 6 touches, with the campaign's angle and tone, saying why", () => {
    const plan = planFrom({ ...good, tone: "aggressive" }, provenance, "coach-v1", campaign);
    expect(plan).toMatchObject({ angle: "Faster close", tone: "warm", cadenceDays: [...DEFAULT_CADENCE_DAYS], maxTouches: DEFAULT_MAX_TOUCHES, version: "coach-rules-v1" });
    expect(plan.provenance).toMatchObject({ source: "default_plan" });
    expect(plan.provenance.reason).toContain("invalid tone");
  });

  it("an accepted plan keeps its maker's provenance and version and notes what was clamped", () => {
    const plan = planFrom({ ...good, maxTouches: 8 }, provenance, "coach-v1", campaign);
    expect(plan).toMatchObject({ version: "coach-v1", maxTouches: 6, provenance: { source: "model", confidence: 0.7 } });
    expect(plan.provenance.reason).toContain("Clamped to the limits: maxTouches");
  });

  it("a touch with its own angle from the panel uses it; others use the plan's angle", () => {
    const plan = { ...defaultPlan(campaign, "test"), touchAngles: ["Open with the close", ""] };
    expect(angleForTouch(plan, 1)).toBe("Open with the close");
    expect(angleForTouch(plan, 2)).toBe("Faster close");
    expect(angleForTouch(plan, 5)).toBe("Faster close");
  });
});
