import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { insertCoaching } from "@/db/queries/objections";
import { coachingRecord } from "../rules";
import type { ObjectionCoachStateType } from "../state";

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/** The message raised none of the nine objections: the reasoning is kept, and no rebuttal is drafted to a question nobody asked. */
export async function recordNoObjection(state: ObjectionCoachStateType, config?: LangGraphRunnableConfig): Promise<Partial<ObjectionCoachStateType>> {
  const configurable = config?.configurable ?? {};
  const coachingId = await insertCoaching(db(), coachingRecord(state, { runId: str(configurable.run_id), threadId: str(configurable.thread_id) }));
  return { coachingId, outcome: { status: "no_objection", coachingId } };
}
