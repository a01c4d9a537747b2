import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { getContactDetail, listContacts, CONTACT_STATUSES, type SuppressionReason } from "@/db/queries/contacts";
import { SCORE_TIERS, SENIORITIES, VERTICALS } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { refusalMessage, safetyVerdict, type GateReason } from "@/lib/safety/gate";
import { paging, parseParams, searchText, type RawParams } from "./params";

export const ContactListQuery = z.object({
  q: searchText,
  vertical: z.enum(VERTICALS).optional(),
  seniority: z.enum(SENIORITIES).optional(),
  status: z.enum(CONTACT_STATUSES).optional(),
  /** `mine`: only contacts owned by the signed-in user. */
  owner: z.enum(["all", "mine"]).default("all"),
  company: z.coerce.number().int().positive().optional(),
  tier: z.enum(SCORE_TIERS).optional(),
  sort: z.enum(["name", "score"]).default("name"),
  ...paging,
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export function parseContactListQuery(params: RawParams): ContactListQuery {
  return parseParams(ContactListQuery, params, "contacts");
}

/** Every signed-in role may browse the CRM; drafts and campaigns are where ownership narrows. */
export async function searchContacts(user: SessionUser, query: ContactListQuery) {
  return listContacts(db(), {
    q: query.q,
    vertical: query.vertical,
    seniority: query.seniority,
    status: query.status,
    companyId: query.company,
    ownerId: query.owner === "mine" ? user.id : undefined,
    tier: query.tier,
    sort: query.sort,
    page: query.page,
    pageSize: query.pageSize,
  });
}

export async function contactDetail(_user: SessionUser, rawId: string) {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) throw new AppError("not_found:contacts");
  const detail = await getContactDetail(db(), id);
  if (!detail) throw new AppError("not_found:contacts");
  return { ...detail, outreach: outreachVerdict(detail.contact, detail.suppression) };
}

export type OutreachVerdict = { allowed: true } | { allowed: false; reason: GateReason; message: string };

/**
 * What the safety gate would answer if outreach were asked for now (lib/safety/gate.ts, the rule
 * the orchestrator applies), so the page offers "Draft outreach" only when it can produce a draft
 * and otherwise says why. The gate itself still decides at run time.
 */
export function outreachVerdict(
  flags: { doNotContact: boolean; bounced: boolean; unsubscribed: boolean; replied: boolean },
  suppression: SuppressionReason | null,
): OutreachVerdict {
  const verdict = safetyVerdict({ suppressed: suppression !== null, doNotContact: flags.doNotContact, bounced: flags.bounced, unsubscribed: flags.unsubscribed, replied: flags.replied });
  return verdict.allowed ? verdict : { allowed: false, reason: verdict.reason, message: refusalMessage(verdict.reason, suppression) };
}

export type { ContactListPage, ContactListRow, ContactDetail, SuppressionReason } from "@/db/queries/contacts";
export { CONTACT_STATUSES };
export { SCORE_TIERS, SENIORITIES, VERTICALS };
