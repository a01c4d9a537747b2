import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { ObjectionClass } from "@/lib/objections/kinds";

/** Who is handling the objection: the signed-in person, or the person a CRM orchestrator plan acts for. */
export type ObjectionContext = { user: SessionUser };

/**
 * What to handle: an inbound email of the contact's, or a rep's note of an objection heard on a
 * call. `by` says who asked (a rep in the console, or the crm_orchestrator acting on a plan).
 */
export type ObjectionRequest = ({ emailId: number } | { contactId: number; note: string }) & { by: "rep" | "crm_orchestrator" };

/**
 * `drafted`: a reply draft waits in the rep's queue (never sent by itself), its reasoning stored
 * as coaching `coachingId`; `no_objection`: the message raises none of the nine objections, so
 * nothing was drafted (the reasoning is still stored); `skipped`: the contact may not be written to.
 */
export type ObjectionResult =
  | { status: "drafted"; draftId: number; coachingId: number; objection: Exclude<ObjectionClass, "none">; confidence: number; removed: number; flagged: number }
  | { status: "no_objection"; coachingId: number; reason: string }
  | { status: "skipped"; reason: string };

/** Classifies the objection, drafts a grounded rebuttal through the faithfulness gate, and queues it for the rep. */
export async function handleObjection(ctx: ObjectionContext, request: ObjectionRequest): Promise<ObjectionResult> {
  void ctx;
  void request;
  throw new AppError("unavailable:contacts", { message: "The objection coach is being built." });
}
