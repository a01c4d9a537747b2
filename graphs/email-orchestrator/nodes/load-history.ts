import { db } from "@/db/client";
import { loadMailHistory } from "@/db/queries/outreach";
import type { OrchestratorStateType } from "../state";

export async function loadHistory(state: OrchestratorStateType): Promise<Partial<OrchestratorStateType>> {
  const history = await loadMailHistory(db(), state.contactId);
  return {
    history: {
      outboundCount: history.outboundCount,
      lastOutboundAt: history.lastOutboundAt,
      lastOutboundSubject: history.lastOutbound?.subject ?? null,
      unansweredInbound: history.unansweredInbound,
      pendingDraftId: history.pendingDraftId,
    },
  };
}
