import type { ReplyStateType } from "./state";

/** A brief means the message may be answered; otherwise the run ends with its skip reason. */
export function afterLoad(state: ReplyStateType): "compose_reply" | "__end__" {
  return state.brief && !state.outcome ? "compose_reply" : "__end__";
}
