import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { graph as composeGraph } from "@/graphs/email-compose/graph";
import { PROMPT_VERSION as COMPOSE_PROMPT_VERSION } from "@/graphs/email-compose/prompts";
import type { ReplyStateType } from "../state";

/** Runs the email_compose subgraph on the reply brief (the contact's message is fenced there). */
export async function composeReply(state: ReplyStateType, config?: LangGraphRunnableConfig): Promise<Partial<ReplyStateType>> {
  const result = await composeGraph.invoke({ brief: state.brief! }, config);
  if (!result.draft) throw new Error("email_compose returned no draft");
  return { draft: result.draft, outcome: { status: "drafted", promptVersion: COMPOSE_PROMPT_VERSION } };
}
