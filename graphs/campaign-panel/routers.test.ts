import { describe, expect, it } from "vitest";
import { afterProfile } from "./routers";
import type { CampaignPanelStateType } from "./state";

const state = (outcome: CampaignPanelStateType["outcome"]) => ({ outcome }) as CampaignPanelStateType;

describe("afterProfile", () => {
  it("an audience whose contacts are all gone ends the panel before any lens speaks", () => {
    expect(afterProfile(state("empty_audience"))).toBe("__end__");
  });

  it("an audience with contacts goes to the strategist, who speaks first", () => {
    expect(afterProfile(state(undefined))).toBe("strategist");
  });
});
