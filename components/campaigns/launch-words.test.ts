import { describe, expect, it } from "vitest";
import { launchWords } from "./launch-words";

const counts = (c: Partial<Parameters<typeof launchWords>[0] & object>) => ({ enrolled: 5, started: 5, drafted: 0, drafting: 5, awaiting: 0, sent: 0, ...c });

describe("the summary after a launch", () => {
  it("an operator who launched to 5 contacts reads that first touches are being drafted, not that 0 wait for approval", () => {
    const words = launchWords(counts({}), 5);
    expect(words.settled).toBe(false);
    expect(words.headline).toBe("First touches are being drafted — 0 of 5 so far.");
    expect(words.detail).not.toMatch(/waiting for approval/);
  });

  it("an operator watching the drafts arrive sees the live count, and the queue's count once every first touch is drafted", () => {
    expect(launchWords(counts({ drafted: 3, drafting: 2, awaiting: 3 }), 5)).toMatchObject({ headline: "First touches are being drafted — 3 of 5 so far.", done: 3, of: 5, settled: false });
    expect(launchWords(counts({ drafted: 5, drafting: 0, awaiting: 5 }), 5)).toEqual({
      headline: "Every first touch is drafted.", done: 5, of: 5, settled: true,
      detail: "5 touches waiting for approval in the owners' drafts queues · 0 sent",
    });
  });

  it("an operator whose launch is still starting threads is told so, and enrollments that ended before drafting are not waited for", () => {
    expect(launchWords(null, 5)).toMatchObject({ headline: "Starting threads…", settled: false });
    expect(launchWords(counts({ started: 2 }), 5)).toMatchObject({ headline: "Starting threads…", detail: "2 of 5 started", settled: false });
    expect(launchWords(counts({ drafted: 4, drafting: 0, awaiting: 1, sent: 3 }), 5)).toMatchObject({
      headline: "4 first touches are drafted; the other enrollments are paused or ended.", settled: true, detail: "1 touch waiting for approval in the owners' drafts queues · 3 sent",
    });
  });
});
