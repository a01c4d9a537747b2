import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { graph as composeGraph } from "@/graphs/email-compose/graph";
import { versionOf } from "@/graphs/shared/provenance";
import type { ReplyStateType } from "../state";

/** Runs the email_compose subgraph on the reply brief (the contact's message is fenced there). */
export async function composeReply(state: ReplyStateType, config?: LangGraphRunnableConfig): Promise<Partial<ReplyStateType>> {
  const result = await composeGraph.invoke({ brief: state.brief! }, config);
  if (!result.draft) throw new Error("email_compose returned no draft");
  // The compose prompt's version, or the offline template's when no prompt ran.
  return { draft: result.draft, calls: result.calls, outcome: { status: "drafted", promptVersion: versionOf(result.draft.provenance.path) } };
}
