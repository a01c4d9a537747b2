import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { getEmailWithOutcome } from "@/db/queries/inbound";
import { loadOutreachContext } from "@/db/queries/outreach";
import { currentPlaybook } from "@/lib/objections/store";
import { safetyVerdict } from "@/lib/safety/gate";
import { resolveConfig } from "../config";
import type { ObjectionCoachStateType } from "../state";

/**
 * Loads the objection (the contact's inbound email, or the rep's note), the contact, the company's
 * facts and the vertical's playbook in force, and applies the safety gate as for any answer to a
 * contact: a person asked for it, so "replied" is no reason to stay silent, but every other stop is.
 */
export async function loadContext(state: ObjectionCoachStateType, config?: LangGraphRunnableConfig): Promise<Partial<ObjectionCoachStateType>> {
  const database = db();
  const email = state.emailId !== undefined ? await getEmailWithOutcome(database, state.emailId) : null;
  if (state.emailId !== undefined && !email) return { outcome: { status: "skipped", reason: "not_found" } };
  if (email && email.direction !== "inbound") return { outcome: { status: "skipped", reason: "not_inbound" } };
  const context = await loadOutreachContext(database, email?.contactId ?? state.contactId!, null);
  if (!context) return { outcome: { status: "skipped", reason: "not_found" } };
  const gate = safetyVerdict({ suppressed: context.suppressed, ...context.contact }, { answeringInbound: true });
  if (!gate.allowed) return { outcome: { status: "skipped", reason: gate.reason } };
  const { contact, company } = context;
  const playbook = await currentPlaybook(database, company.vertical);
  return {
    context: {
      contact: { id: contact.id, firstName: contact.firstName, lastName: contact.lastName, email: contact.email, ownerId: contact.ownerId },
      company: { id: company.id, name: company.name, vertical: company.vertical },
      facts: context.facts.slice(0, resolveConfig(config).maxFacts).map(({ id, fact, confidence }) => ({ id, fact, confidence })),
      inbound: email ? { id: email.id, subject: email.subject, body: email.body, messageId: email.messageId, threadId: email.threadId, campaignId: email.campaignId } : null,
      note: state.note ?? null,
      senderName: context.ownerName ?? "The Sales Team",
      playbook: { version: playbook.version, entries: playbook.entries },
    },
  };
}
