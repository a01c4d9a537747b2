import { describe, expect, it } from "vitest";
import { confirmVerdict, type ReturnedStep } from "./confirm";

const step = (over: Partial<ReturnedStep>): ReturnedStep => ({ action: "score", params: { contactId: 1 }, confidence: 0.9, verdict: "auto_run", verdictReason: "graph says run", ...over });

describe("the console confirming a planning run's verdicts", () => {
  it("a graph that lets an enrollment run by itself at the default level is overruled: it waits for a person", () => {
    const verdict = confirmVerdict(step({ action: "enroll_in_campaign", params: { contactId: 1, campaignId: 2 }, confidence: 1 }), "reversible");
    expect(verdict.verdict).toBe("needs_approval");
    expect(verdict.verdictReason).toContain("starts sending mail");
  });

  it("a graph's low-confidence auto_run is overruled by the threshold", () => {
    expect(confirmVerdict(step({ confidence: 0.2 }), "granted")).toMatchObject({ verdict: "needs_approval", verdictReason: expect.stringContaining("below its threshold") });
  });

  it("an action or parameters the console does not recognise are dropped, whatever the graph said", () => {
    expect(confirmVerdict(step({ action: "send_now" }), "granted").verdict).toBe("dropped");
    expect(confirmVerdict(step({ params: { contactId: "1" } }), "granted").verdict).toBe("dropped");
  });

  it("a step both gates let run keeps the graph's reason; one the graph held stays held, and a dropped one stays dropped", () => {
    expect(confirmVerdict(step({}), "reversible")).toEqual({ verdict: "auto_run", verdictReason: "graph says run" });
    expect(confirmVerdict(step({ verdict: "needs_approval", verdictReason: "graph holds it" }), "granted")).toEqual({ verdict: "needs_approval", verdictReason: "graph holds it" });
    expect(confirmVerdict(step({ verdict: "dropped", verdictReason: "out of scope" }), "granted")).toEqual({ verdict: "dropped", verdictReason: "out of scope" });
  });
});
