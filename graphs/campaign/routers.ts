import type { CampaignStateType } from "./state";

const ended = (state: CampaignStateType) => state.outcome?.status === "ended";

/** The contact (or the company) answered, or the enrollment ended: the thread ends. */
export function afterCheckReply(state: CampaignStateType): "guard" | "__end__" {
  return ended(state) ? "__end__" : "guard";
}

/** A stop ends the thread; a hold (pause, out-of-office) sleeps; otherwise the next touch is drafted. */
export function afterGuard(state: CampaignStateType): "compose_touch" | "sleep" | "__end__" {
  if (ended(state)) return "__end__";
  return state.outcome?.status === "sleeping" ? "sleep" : "compose_touch";
}

const answerType = (response: unknown): unknown => {
  const answer = Array.isArray(response) ? response[0] : response;
  return typeof answer === "object" && answer !== null ? (answer as { type?: unknown }).type : undefined;
};

/**
 * After the approval interrupt: an approval (as written or edited) goes to send_touch, the only
 * node that sends; a rejection is recorded and the sequence moves on; a withdrawn touch (its
 * enrollment stopped while it waited) ends the thread.
 */
export function afterApproval(state: CampaignStateType): "send_touch" | "record" | "__end__" {
  const type = answerType(state.response);
  if (type === "accept" || type === "edit") return "send_touch";
  if (type === "ignore") return "record";
  return "__end__";
}

/** A stop found at approval time ends the thread; otherwise the touch is recorded. */
export function afterSend(state: CampaignStateType): "record" | "__end__" {
  return ended(state) ? "__end__" : "record";
}

/** The last touch done: the thread ends; otherwise it sleeps until the next is due. */
export function afterSchedule(state: CampaignStateType): "sleep" | "__end__" {
  return ended(state) ? "__end__" : "sleep";
}
