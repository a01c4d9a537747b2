import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { getEmailWithOutcome } from "@/db/queries/inbound";
import { recentMemories } from "@/db/queries/memories";
import { loadOutreachContext } from "@/db/queries/outreach";
import { injectableMemories } from "@/lib/safety/trust";
import { safetyVerdict } from "@/lib/safety/gate";
import { resolveConfig } from "../config";
import { replyBrief, replySkipReason } from "../rules";
import type { ReplyStateType } from "../state";

/**
 * Loads the message and the contact, applies the safety gate, and builds the brief. Nobody reviews
 * this graph's output before it is used, so unverified inbound memories stay out of the brief.
 */
export async function loadReplyContext(state: ReplyStateType, config?: LangGraphRunnableConfig): Promise<Partial<ReplyStateType>> {
  const database = db();
  const email = await getEmailWithOutcome(database, state.inboundEmailId);
  const context = email ? await loadOutreachContext(database, state.contactId, email.campaignId) : null;
  const gate = context ? safetyVerdict({ suppressed: context.suppressed, ...context.contact }, { answeringInbound: true }) : null;
  const reason = replySkipReason({ contactId: state.contactId, email, gate });
  if (reason || !email || !context) return { outcome: { status: "skipped", reason: reason ?? "not_found" } };
  const memories = injectableMemories(await recentMemories(database, state.contactId), { humanReviewed: false });
  return { brief: replyBrief(context, email, memories, resolveConfig(config)) };
}
