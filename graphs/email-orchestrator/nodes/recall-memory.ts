import { db } from "@/db/client";
import { recentMemories } from "@/db/queries/memories";
import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { injectableMemories } from "@/lib/safety/trust";
import { resolveConfig } from "../config";
import type { OrchestratorStateType } from "../state";

/** Memories a draft may draw on; every orchestrator draft is reviewed by a person before it goes out. */
export async function recallMemory(state: OrchestratorStateType, config?: LangGraphRunnableConfig): Promise<Partial<OrchestratorStateType>> {
  const rows = await recentMemories(db(), state.contactId);
  return { memories: injectableMemories(rows, { humanReviewed: true }).slice(0, resolveConfig(config).maxMemories).map(({ source, content }) => ({ source, content })) };
}
