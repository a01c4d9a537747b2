import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { getContactOwner } from "@/db/queries/contacts";
import { setDraftRunUrl } from "@/db/queries/drafts";
import { getEmailWithOutcome } from "@/db/queries/inbound";
import { coachingOfDraft, type CoachingRow } from "@/db/queries/objections";
import { meta as coach } from "@/graphs/objection-coach/meta";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { graphClient } from "@/lib/langgraph/instance";
import type { ObjectionClass } from "@/lib/objections/kinds";
import { GATE_MESSAGES } from "@/lib/safety/gate";
import { withSpan } from "@/lib/telemetry/span";
import { loadDraftFor } from "./drafts";

/** Who is handling the objection: the signed-in person, or the person a CRM orchestrator plan acts for. */
export type ObjectionContext = { user: SessionUser };

/** The longest rep's note accepted (the graph's own limit). */
export const MAX_NOTE_CHARS = 2_000;

/**
 * What to handle: an inbound email of the contact's, or a rep's note of an objection heard on a
 * call. `by` says who asked (a rep in the console, or a CRM plan's step).
 */
export const ObjectionRequest = z.union([
  z.object({ emailId: z.coerce.number().int().positive(), by: z.enum(["rep", "plan"]).default("rep") }).strict(),
  z
    .object({
      contactId: z.coerce.number().int().positive(),
      note: z.string().trim().min(1, "Write down what the contact said.").max(MAX_NOTE_CHARS, `The note is too long (${MAX_NOTE_CHARS} characters at most).`),
      by: z.enum(["rep", "plan"]).default("rep"),
    })
    .strict(),
]);
export type ObjectionRequest = z.input<typeof ObjectionRequest>;

/**
 * `drafted`: a reply draft waits in the rep's queue (never sent by itself), its reasoning stored
 * as coaching `coachingId`; `no_objection`: the message raises none of the nine objections, so
 * nothing was drafted (the reasoning is still stored); `skipped`: the contact may not be written to.
 */
export type ObjectionResult =
  | { status: "drafted"; draftId: number; coachingId: number; objection: Exclude<ObjectionClass, "none">; confidence: number; removed: number; flagged: number }
  | { status: "no_objection"; coachingId: number; reason: string }
  | { status: "skipped"; reason: string };

const SKIP_MESSAGES: Record<string, string> = {
  ...GATE_MESSAGES,
  not_found: "That email or contact does not exist.",
  not_inbound: "Only the contact's own emails can be answered.",
  no_reply_needed: "That message needs no answer.",
};

/** The contact an objection belongs to, refused as missing when it is not the user's to act on. */
async function contactOf(user: SessionUser, request: z.output<typeof ObjectionRequest>): Promise<number> {
  const database = db();
  const contactId = "emailId" in request ? (await getEmailWithOutcome(database, request.emailId))?.contactId : request.contactId;
  const owner = contactId === undefined ? undefined : await getContactOwner(database, contactId);
  // Someone else's contact is reported as missing, not forbidden: its existence is not theirs to know.
  if (contactId === undefined || owner === undefined || (!hasRole(user.role, "admin") && owner !== user.id)) {
    throw new AppError("not_found:contacts", { message: "That email or contact does not exist or is not yours." });
  }
  return contactId;
}

/**
 * Classifies the objection, drafts a grounded rebuttal through the faithfulness gate, and queues
 * it as a reply draft for the contact's owner to approve. Nothing is sent here.
 */
export function handleObjection(ctx: ObjectionContext, request: ObjectionRequest): Promise<ObjectionResult> {
  return withSpan("objections.handle", { graph: coach.assistantId, feature: coach.feature }, async () => {
    const parsed = ObjectionRequest.safeParse(request);
    if (!parsed.success) throw new AppError("bad_request:contacts", { message: parsed.error.issues[0]!.message, field: parsed.error.issues[0]!.path.join(".") || "input" });
    const input = parsed.data;
    const contactId = await contactOf(ctx.user, input);
    const result = await graphClient().run(coach.assistantId, { ...input, requestedBy: ctx.user.id }, { metadata: { contact_id: contactId, requested_by: ctx.user.id } });
    const { outcome, classification, rebuttal } = result.values;
    if (outcome?.status === "drafted" && classification && classification.objection !== "none") {
      await setDraftRunUrl(db(), outcome.draftId, result.runUrl ?? `/runs/${result.runId}`, result.traceId);
      const sentences = rebuttal?.sentences ?? [];
      return {
        status: "drafted",
        draftId: outcome.draftId,
        coachingId: outcome.coachingId,
        objection: classification.objection,
        confidence: classification.confidence,
        removed: sentences.filter((s) => s.action === "removed").length,
        flagged: sentences.filter((s) => s.action === "flagged").length,
      };
    }
    if (outcome?.status === "no_objection") return { status: "no_objection", coachingId: outcome.coachingId, reason: classification?.reason ?? "No objection found." };
    const reason = outcome?.status === "skipped" ? outcome.reason : "no draft";
    return { status: "skipped", reason: SKIP_MESSAGES[reason] ?? reason };
  });
}

export type DraftCoaching = Pick<CoachingRow, "objection" | "confidence" | "vertical" | "playbookVersion" | "sentences" | "provenance" | "promptVersion" | "note" | "emailId" | "createdAt">;

/** The coach's reasoning behind a draft the user may see, or null when the coach did not write it. */
export async function coachingForDraft(user: SessionUser, draftId: number): Promise<DraftCoaching | null> {
  await loadDraftFor(user, draftId);
  const row = await coachingOfDraft(db(), draftId);
  if (!row) return null;
  const { objection, confidence, vertical, playbookVersion, sentences, provenance, promptVersion, note, emailId, createdAt } = row;
  return { objection, confidence, vertical, playbookVersion, sentences, provenance, promptVersion, note, emailId, createdAt };
}
