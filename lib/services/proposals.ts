import "server-only";
import type { Database } from "@/db/client";

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

/**
 * Runs lead_to_proposal for a contact or a company: qualify → grounded research → proposal →
 * faithfulness check → the drafts queue (kind `proposal`), paused for a person. Never sends mail.
 * Bad input (an unknown contact or company) throws `not_found:*`.
 */
export async function draftProposal(database: Database, request: DraftProposalRequest): Promise<DraftProposalResult> {
  void database;
  void request;
  throw new Error("lead_to_proposal is not wired yet (branch proposal, in progress)");
}
