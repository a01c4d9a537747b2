import { describe, expect, it } from "vitest";
import { creditByStep, lastTouchWeights, normalizeWeights } from "./rules";

describe("normalizeWeights", () => {
  it("scales the offered emails' weights to sum to 1, giving unnamed ones 0", () => {
    expect([...normalizeWeights([1, 2, 3], [{ emailId: 1, weight: 2 }, { emailId: 3, weight: 6 }])!]).toEqual([[1, 0.25], [2, 0], [3, 0.75]]);
  });

  it("refuses weights for emails not offered, negative or non-finite weights, and an all-zero answer", () => {
    expect(normalizeWeights([1, 2], [{ emailId: 9, weight: 1 }])).toBeNull();
    expect(normalizeWeights([1, 2], [{ emailId: 1, weight: -1 }, { emailId: 2, weight: 2 }])).toBeNull();
    expect(normalizeWeights([1, 2], [{ emailId: 1, weight: Number.NaN }])).toBeNull();
    expect(normalizeWeights([1, 2], [{ emailId: 1, weight: 0 }])).toBeNull();
  });
});

describe("credit", () => {
  const touch = (emailId: number, step: number | null) => ({ emailId, campaignId: 1, step, subject: "s", sentAt: 0 });

  it("gives the last touch (the newest, listed first) all of it", () => {
    expect(lastTouchWeights([touch(3, 3), touch(2, 2)]).map((t) => t.weight)).toEqual([1, 0]);
    expect(lastTouchWeights([])).toEqual([]);
  });

  it("adds up per step across conversions", () => {
    const provenance = { confidence: 1, reason: "r", source: "model", evidence: [] };
    const conversions = [
      { outcomeId: 1, contactId: 1, label: "interested", convertedAt: 0, provenance, touches: [{ ...touch(2, 2), weight: 0.75 }, { ...touch(1, 1), weight: 0.25 }] },
      { outcomeId: 2, contactId: 2, label: "interested", convertedAt: 0, provenance, touches: [{ ...touch(5, 2), weight: 1 }] },
    ];
    expect(creditByStep(conversions)).toEqual([{ step: 1, credit: 0.25 }, { step: 2, credit: 1.75 }]);
  });
});
