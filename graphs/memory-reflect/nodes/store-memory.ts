import { db } from "@/db/client";
import { insertMemory } from "@/db/queries/memories";
import type { ReflectStateType } from "../state";

/** Writes exactly one graph_derived memory for the email. */
export async function storeMemory(state: ReflectStateType): Promise<Partial<ReflectStateType>> {
  const { content } = state.reflection!;
  await insertMemory(db(), { contactId: state.contactId, source: "graph_derived", content, threadId: state.email!.threadId });
  return { outcome: { status: "stored", content } };
}
