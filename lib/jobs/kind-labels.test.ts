import { describe, expect, it } from "vitest";
import { JOB_SPECS } from "./catalog";
import { describeJobKinds, JOB_KIND_LABELS } from "./kind-labels";

describe("job kind labels", () => {
  it("the jobs page's description names every kind in the catalog, in its order, as one sentence", () => {
    const text = describeJobKinds();
    const labels = Object.keys(JOB_SPECS).map((k) => JOB_KIND_LABELS[k as keyof typeof JOB_KIND_LABELS]);
    expect(labels.every((l) => typeof l === "string" && l.length > 0)).toBe(true);
    expect(text.toLowerCase()).toBe(`${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`);
    expect(text[0]).toBe(text[0]!.toUpperCase());
  });

  it("an admin reads today's kinds: delivery, approvals, memory, campaign wake-ups, rescoring and lead imports", () => {
    const text = describeJobKinds();
    for (const words of ["mail delivery", "approvals", "memory reflection", "campaign wake-ups", "rescoring", "lead imports"]) expect(text.toLowerCase()).toContain(words);
  });
});
