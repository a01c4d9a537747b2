import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { getContactDetail, listContacts, CONTACT_STATUSES } from "@/db/queries/contacts";
import { SENIORITIES, VERTICALS } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { paging, parseParams, searchText, type RawParams } from "./params";

export const ContactListQuery = z.object({
  q: searchText,
  vertical: z.enum(VERTICALS).optional(),
  seniority: z.enum(SENIORITIES).optional(),
  status: z.enum(CONTACT_STATUSES).optional(),
  /** `mine`: only contacts owned by the signed-in user. */
  owner: z.enum(["all", "mine"]).default("all"),
  company: z.coerce.number().int().positive().optional(),
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
    page: query.page,
    pageSize: query.pageSize,
  });
}

export async function contactDetail(_user: SessionUser, rawId: string) {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) throw new AppError("not_found:contacts");
  const detail = await getContactDetail(db(), id);
  if (!detail) throw new AppError("not_found:contacts");
  return detail;
}

export type { ContactListPage, ContactListRow, ContactDetail } from "@/db/queries/contacts";
export { CONTACT_STATUSES };
export { SENIORITIES, VERTICALS };
