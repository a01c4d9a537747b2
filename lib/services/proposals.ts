import "server-only";
import { db, type Database } from "@/db/client";
import { getContactOwner } from "@/db/queries/contacts";
import { setDraftRunUrl, type DraftRow } from "@/db/queries/drafts";
import { leadContactOf, updateProposalDocument } from "@/db/queries/proposals";
import type { RejectLabel } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError, isAppError } from "@/lib/errors";
import { graphClient } from "@/lib/langgraph/instance";
import { checkProposal, flaggedClaims, groundedShare, proposalMarkdown, withFaithfulnessNote, type ProposalEdit } from "@/lib/outreach/proposal";
import { withSpan } from "@/lib/telemetry/span";
import { meta as leadToProposal } from "@/graphs/lead-to-proposal/meta";
import type { ProposalResponse } from "@/graphs/lead-to-proposal/graph";
import { loadDraftFor } from "./drafts";

/**
 * Who a proposal is for: a contact, or a company (the service picks its most senior reachable
 * contact, who the proposal is addressed to and whose owner's queue it lands in).
 */
export type ProposalTarget = { contactId: number; companyId?: never } | { companyId: number; contactId?: never };

export type DraftProposalRequest = ProposalTarget & {
  /** The user the proposal is drafted on behalf of (a rep, an operator, or the orchestrator's requester). */
  by: string;
  /** The run this one works for (the CRM orchestrator's), recorded as its parent. */
  parentRunId?: string;
};

/**
 * What became of a request: a proposal waiting in the owner's drafts queue (with how many of its
 * claims failed the faithfulness check and were flagged), or a stop with its reason in words.
 */
export type DraftProposalResult =
  | { status: "drafted"; draftId: number; contactId: number; threadId: string; flaggedClaims: number }
  | { status: "unqualified"; contactId: number; reason: string }
  | { status: "refused"; reason: string };

const SPAN = { graph: leadToProposal.assistantId, feature: leadToProposal.feature };

/**
 * Runs lead_to_proposal for a contact or a company: qualify → grounded research → proposal →
 * faithfulness check → the drafts queue (kind `proposal`), paused for a person. Never sends mail.
 * Authorisation is the caller's (`draftProposalFor` for the console; the CRM orchestrator's gate).
 * An unknown contact or company throws `not_found:*`.
 */
export function draftProposal(database: Database, request: DraftProposalRequest): Promise<DraftProposalResult> {
  return withSpan("proposals.draft_proposal", SPAN, async () => {
    const contactId = await resolveContact(database, request);
    if (typeof contactId === "string") return { status: "refused", reason: contactId };
    const result = await graphClient().run(
      leadToProposal.assistantId,
      { contactId, requestedBy: request.by },
      { metadata: { contact_id: contactId, requested_by: request.by }, ...(request.parentRunId ? { parentRunId: request.parentRunId } : {}) },
    );
    const outcome = result.values.outcome;
    if (outcome?.status === "unqualified") return { status: "unqualified", contactId, reason: outcome.reason };
    if (outcome?.status !== "drafted" || !result.threadId) throw new AppError("internal:drafts", { message: "The proposal run ended without a proposal." });
    await setDraftRunUrl(database, outcome.draftId, result.runUrl ?? `/runs/${result.runId}`, result.traceId);
    return { status: "drafted", draftId: outcome.draftId, contactId, threadId: result.threadId, flaggedClaims: outcome.flagged };
  });
}

/** The contact a request names, or why there is none to write to. */
async function resolveContact(database: Database, target: ProposalTarget): Promise<number | string> {
  if (target.contactId !== undefined) {
    if ((await getContactOwner(database, target.contactId)) === undefined) throw new AppError("not_found:contacts");
    return target.contactId;
  }
  const lead = await leadContactOf(database, target.companyId);
  if (lead === undefined) throw new AppError("not_found:companies");
  return lead ?? "This company has no contact who may be written to.";
}

/**
 * The console's "Draft proposal": operators and admins for any contact or company, a rep only for
 * a contact they own (a company's proposal goes to its lead contact, who must be theirs).
 */
export async function draftProposalFor(user: SessionUser, target: ProposalTarget): Promise<DraftProposalResult> {
  if (!hasRole(user.role, "operator")) {
    const contactId = await resolveContact(db(), target);
    if (typeof contactId === "string") return { status: "refused", reason: contactId };
    if ((await getContactOwner(db(), contactId)) !== user.id) throw new AppError("forbidden:contacts", { message: "You can only draft proposals for your own contacts." });
    return draftProposal(db(), { contactId, by: user.id });
  }
  return draftProposal(db(), { ...target, by: user.id });
}

/** A proposal draft the user may act on (admins, or the rep it is assigned to); others see "not found". */
async function loadProposalFor(user: SessionUser, draftId: number): Promise<DraftRow & { document: NonNullable<DraftRow["document"]> }> {
  const draft = await loadDraftFor(user, draftId);
  if (draft.kind !== "proposal" || !draft.document) throw new AppError("not_found:drafts", { message: "That proposal does not exist or is not yours." });
  return draft as DraftRow & { document: NonNullable<DraftRow["document"]> };
}

function assertWaiting(draft: DraftRow) {
  if (draft.status !== "draft") throw new AppError("conflict:drafts", { message: `This proposal was already ${draft.status}.` });
  if (!draft.threadId) throw new AppError("conflict:drafts", { message: "This proposal has no thread to resume." });
}

export type SaveResult = { draftId: number; flaggedClaims: number; message: string };

/**
 * Saves a rep's edit of a waiting proposal without deciding it: every claim is re-checked against
 * the proposal's facts, so an edit that invents a figure is flagged like a model's would be.
 */
export async function saveProposalEdits(user: SessionUser, draftId: number, edit: ProposalEdit): Promise<SaveResult> {
  const draft = await loadProposalFor(user, draftId);
  assertWaiting(draft);
  const document = checkProposal({ ...draft.document, title: edit.title, sections: edit.sections });
  const flagged = flaggedClaims(document).length;
  const saved = await updateProposalDocument(db(), draftId, {
    title: document.title,
    markdown: proposalMarkdown(document, { export: false }),
    document,
    reviewFlags: flagged ? ["unsupported_claims"] : [],
    // The provenance tells the latest check, not the one the graph ran on the first version.
    provenance: { ...draft.provenance, confidence: groundedShare(document), reason: withFaithfulnessNote(draft.provenance.reason, flagged, "edit") },
  });
  if (!saved) throw new AppError("conflict:drafts", { message: "Someone already decided on this proposal." });
  return { draftId, flaggedClaims: flagged, message: flagged ? `Saved. ${flagged} claim${flagged === 1 ? " is" : "s are"} still flagged.` : "Saved. Every claim passes." };
}

export type ProposalDecisionResult = { draftId: number; status: "approved" | "rejected"; message: string };

async function resume(draft: DraftRow, value: ProposalResponse) {
  try {
    await graphClient().resume(leadToProposal.assistantId, draft.threadId!, value);
  } catch (e) {
    if (isAppError(e) && (e.status === 422 || e.status === 409)) throw new AppError("conflict:drafts", { message: "Someone already decided on this proposal." });
    throw e;
  }
}

/**
 * Approves a waiting proposal: it becomes approved and exportable; nothing is sent. Refused while
 * any claim is flagged — the rep fixes it, marks it an assumption or removes it first.
 */
export function approveProposal(user: SessionUser, draftId: number): Promise<ProposalDecisionResult> {
  return withSpan("proposals.approve", SPAN, async () => {
    const draft = await loadProposalFor(user, draftId);
    assertWaiting(draft);
    const flagged = flaggedClaims(draft.document).length;
    if (flagged) throw new AppError("conflict:drafts", { message: `${flagged} claim${flagged === 1 ? " is" : "s are"} flagged by the faithfulness check: fix, mark as assumption or remove ${flagged === 1 ? "it" : "them"} first.` });
    await resume(draft, { type: "accept", decidedBy: user.id });
    return { draftId, status: "approved", message: "Approved. Nothing was sent; the proposal is ready to export." };
  });
}

export function rejectProposal(user: SessionUser, draftId: number, reason: string, label: RejectLabel | null = null): Promise<ProposalDecisionResult> {
  return withSpan("proposals.reject", SPAN, async () => {
    const draft = await loadProposalFor(user, draftId);
    assertWaiting(draft);
    await resume(draft, { type: "ignore", reason, label, decidedBy: user.id });
    return { draftId, status: "rejected", message: "Rejected." };
  });
}

/** An approved proposal as a Markdown document: supported claims and labelled assumptions, with sources. */
export async function exportProposal(user: SessionUser, rawId: string): Promise<{ filename: string; markdown: string }> {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) throw new AppError("not_found:drafts", { message: "That proposal does not exist or is not yours." });
  const draft = await loadProposalFor(user, id);
  if (draft.status !== "approved") throw new AppError("conflict:drafts", { message: "Only an approved proposal can be exported." });
  const slug = draft.document.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "proposal";
  return { filename: `${slug}-${id}.md`, markdown: proposalMarkdown(draft.document, { export: true }) };
}
