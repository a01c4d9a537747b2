import { describe, expect, it } from "vitest";
import { campaignNameProblem, cooldownProblem } from "@/lib/campaigns/limits";
import { controlIdOf, formField } from "./form-fields";

describe("the create flow's fields", () => {
  it("a refusal of the launch's campaign name is shown at the name field and focuses its input", () => {
    expect(formField("campaign.name")).toBe("name");
    expect(controlIdOf(formField("campaign.name"))).toBe("campaign-name");
    expect(formField("campaign.cooldownDays")).toBe("cooldownDays");
    expect(controlIdOf("cooldownDays")).toBe("cooldown-days");
    expect(formField("campaign.plan.cadenceDays.1")).toBe("cadenceDays.1");
    expect(formField("audience.filters.q")).toBe("audience");
    expect(formField(undefined)).toBe("form");
    expect(controlIdOf("form")).toBeNull();
  });

  it("an operator who leaves the name empty or blank is told to name the campaign, and one past 80 characters is told the limit", () => {
    expect(campaignNameProblem("")).toBe("Name the campaign.");
    expect(campaignNameProblem("   ")).toBe("Name the campaign.");
    expect(campaignNameProblem("Q".repeat(80))).toBeNull();
    expect(campaignNameProblem(` ${"Q".repeat(80)} `)).toBeNull();
    expect(campaignNameProblem("Q".repeat(81))).toBe("The campaign name can be at most 80 characters.");
  });

  it("an operator's cooldown outside 0 to 365 whole days reads as one sentence", () => {
    for (const bad of [-1, 366, 2.5, Number.NaN]) expect(cooldownProblem(bad)).toBe("Cooldown must be between 0 and 365 days.");
    for (const good of [0, 30, 365]) expect(cooldownProblem(good)).toBeNull();
  });
});
