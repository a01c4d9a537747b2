import { db } from "@/db/client";
import { recentMemories } from "@/db/queries/memories";
import { injectableMemories } from "@/lib/safety/trust";
import type { OrchestratorStateType } from "../state";

/** Memories a draft may draw on; every orchestrator draft is reviewed by a person before it goes out. */
export async function recallMemory(state: OrchestratorStateType): Promise<Partial<OrchestratorStateType>> {
  const rows = await recentMemories(db(), state.contactId);
  return { memories: injectableMemories(rows, { humanReviewed: true }).slice(0, 10).map(({ source, content }) => ({ source, content })) };
}
