import { db } from "@/db/client";
import { reviseDraft as recordRevision } from "@/db/queries/drafts";
import { ApprovalResponse } from "@/lib/outreach/approval";
import type { ObjectionCoachStateType } from "../state";

/**
 * A redraft request (Agent Inbox "respond") on an objection reply: the coach drafts only from the
 * playbook, so a free-text instruction cannot be followed without leaving it. The request is
 * recorded as unchanged, with why, and the thread pauses again for a decision.
 */
export async function declineRevision(state: ObjectionCoachStateType): Promise<Partial<ObjectionCoachStateType>> {
  const response = ApprovalResponse.parse(Array.isArray(state.response) ? state.response[0] : state.response);
  const seq = (state.revisions ?? 0) + 1;
  await recordRevision(db(), {
    draftId: state.draftId!,
    seq,
    instruction: response.type === "response" ? response.args || null : null,
    requestedBy: response.decidedBy,
    next: null,
    note: "The draft is unchanged: an objection reply is written only from the playbook. Edit it yourself, or change the playbook and handle the objection again.",
  });
  return { revisions: seq };
}
