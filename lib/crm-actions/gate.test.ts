import { describe, expect, it } from "vitest";
import { AUTONOMY_LEVELS, DEFAULT_AUTONOMY, governanceGate, type AutonomyLevel } from "./gate";
import { ACTIONS, POLICY, type CrmAction } from "./vocabulary";

/** The least level at which each action may run unattended, as the policy means it. */
const LEAST_LEVEL: Record<CrmAction, AutonomyLevel> = {
  score: "reversible",
  classify_country: "reversible",
  create_follow_up_task: "reversible",
  flag_for_person: "reversible",
  draft_reply: "drafts",
  draft_proposal: "drafts",
  handle_objection: "drafts",
  enroll_in_campaign: "granted",
};

describe("the governance gate", () => {
  it.each(ACTIONS)("%s runs by itself at its threshold and above, and waits for a person just below it", (action) => {
    const { threshold } = POLICY[action];
    const level = LEAST_LEVEL[action];
    expect(governanceGate(action, threshold, level).verdict).toBe("auto_run");
    expect(governanceGate(action, Math.min(1, threshold + 0.05), level).verdict).toBe("auto_run");
    const below = governanceGate(action, threshold - 0.01, level);
    expect(below.verdict).toBe("needs_approval");
    expect(below.reason).toContain(`below its threshold ${threshold.toFixed(2)}`);
  });

  it.each(ACTIONS)("%s waits for a person at every level below its own, even at confidence 1", (action) => {
    const lower = AUTONOMY_LEVELS.slice(0, AUTONOMY_LEVELS.indexOf(LEAST_LEVEL[action]));
    for (const level of lower) expect(governanceGate(action, 1, level).verdict, level).toBe("needs_approval");
  });

  it("an enrollment, which starts sending mail, never runs by itself unless autonomy is granted", () => {
    for (const level of AUTONOMY_LEVELS.filter((l) => l !== "granted")) {
      const verdict = governanceGate("enroll_in_campaign", 1, level);
      expect(verdict).toMatchObject({ verdict: "needs_approval" });
      expect(verdict.reason).toContain("starts sending mail");
    }
  });

  it("at the default level only reversible actions run by themselves; drafts and enrollments wait", () => {
    const ran = ACTIONS.filter((a) => governanceGate(a, 1, DEFAULT_AUTONOMY).verdict === "auto_run");
    expect(ran.sort()).toEqual(["classify_country", "create_follow_up_task", "flag_for_person", "score"]);
  });

  it("a planner's confidence that is not a number in 0–1 never passes", () => {
    for (const c of [Number.NaN, 1.5, -0.1, Number.POSITIVE_INFINITY]) expect(governanceGate("score", c, "granted").verdict).toBe("needs_approval");
  });
});
