import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { getCompanyDetail, listCompanies } from "@/db/queries/companies";
import { VERTICALS } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { paging, parseParams, searchText, type RawParams } from "./params";

export const CompanyListQuery = z.object({
  q: searchText,
  vertical: z.enum(VERTICALS).optional(),
  ...paging,
});
export type CompanyListQuery = z.infer<typeof CompanyListQuery>;

export function parseCompanyListQuery(params: RawParams): CompanyListQuery {
  return parseParams(CompanyListQuery, params, "companies");
}

export async function searchCompanies(_user: SessionUser, query: CompanyListQuery) {
  return listCompanies(db(), query);
}

export async function companyDetail(_user: SessionUser, rawId: string) {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) throw new AppError("not_found:companies");
  const detail = await getCompanyDetail(db(), id);
  if (!detail) throw new AppError("not_found:companies");
  return detail;
}

export type { CompanyListPage, CompanyDetail } from "@/db/queries/companies";
