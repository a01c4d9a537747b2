import { describe, expect, it } from "vitest";
import { approveConfirmWords, batchOutcome, batchPlan, selectAllLabel } from "./batch-words";

const rows = [
  { id: 1, kind: "proposal" as const },
  { id: 2, kind: "email" as const },
  { id: 3, kind: "email" as const },
  { id: 4, kind: "email" as const },
];

describe("the batch approval's words", () => {
  it("a rep approving a proposal, a reply and a follow-up is told two emails will be sent and the proposal is not approved here", () => {
    const plan = batchPlan(rows, [1, 2, 3]);
    expect(plan).toEqual({ emails: 2, proposals: 1 });
    expect(approveConfirmWords(plan, 20)).toEqual([
      "2 emails will be sent as written after 20 s. Until then one Undo takes them all back.",
      "1 proposal is not approved here: approve it from its own view, where its claims are checked. Nothing is sent for a proposal.",
    ]);
  });

  it("a rep approving only emails with no undo window is told they go now", () => {
    expect(approveConfirmWords(batchPlan(rows, [4]), 0)).toEqual(["1 email will be sent as written, now."]);
  });

  it("a rep with more matching drafts than are loaded is told select-all takes only the loaded ones", () => {
    expect(selectAllLabel(25, true)).toBe("Select all 25 loaded");
    expect(selectAllLabel(6, false)).toBe("Select all waiting");
  });

  it("a rep whose batch skipped a proposal sees it named with the reason beside the refusals", () => {
    const outcome = batchOutcome(
      [
        { draftId: 1, status: "skipped", message: "Not approved: it is a proposal." },
        { draftId: 2, status: "scheduled", message: "Approved." },
        { draftId: 3, status: "error", message: "This draft was already rejected." },
      ],
      new Map([[1, "Fatima Abadi"]]),
    );
    expect(outcome).toEqual({
      summary: "1 decided, 1 skipped, 1 refused:",
      notDecided: [
        { draftId: 1, text: "Fatima Abadi: Not approved: it is a proposal." },
        { draftId: 3, text: "Draft 3: This draft was already rejected." },
      ],
    });
    expect(batchOutcome([{ draftId: 2, status: "scheduled", message: "Approved." }], new Map())).toBeNull();
  });
});
