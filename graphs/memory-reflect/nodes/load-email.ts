import { db } from "@/db/client";
import { getEmailWithOutcome } from "@/db/queries/inbound";
import type { ReflectStateType } from "../state";

export async function loadEmail(state: ReflectStateType): Promise<Partial<ReflectStateType>> {
  const row = await getEmailWithOutcome(db(), state.emailId);
  if (!row || row.contactId !== state.contactId) return { outcome: { status: "skipped", reason: "not_found" } };
  return {
    email: { id: row.id, direction: row.direction, threadId: row.threadId, subject: row.subject, body: row.body, sentAt: row.sentAt.getTime(), label: row.label },
  };
}
