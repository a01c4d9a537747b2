import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { getCompanyDetail, latestCountryDecision, recordCompanyCountry } from "@/db/queries/companies";
import type { CountryDecision } from "@/graphs/country-classify/graph";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { graphClient } from "@/lib/langgraph/instance";
import { queueCompanyRescore } from "./scores";

function requireOperator(user: SessionUser): void {
  if (!hasRole(user.role, "operator")) throw new AppError("forbidden:companies", { message: "Only operators and admins can classify a company's country." });
}

/** What a person is shown of a classification, and what the company's audit entry keeps (plus the run). */
export type CountryClassification = {
  country: string | null;
  confidence: number;
  reasons: string[];
  source: CountryDecision["provenance"]["source"];
  promptVersion: string;
  /** The company's country before; unchanged when the classifier named none. */
  previous: string | null;
  updated: boolean;
  runId: string | null;
};

/** The audit detail as stored (lib/services/geo.ts writes it; older entries may lack fields). */
const StoredDecision = z.object({
  hq: z.string(),
  country: z.string().nullable(),
  confidence: z.number(),
  reasons: z.array(z.string()),
  source: z.string(),
  promptVersion: z.string(),
  previous: z.string().nullable(),
  runId: z.string().nullable(),
});
export type StoredCountryDecision = z.infer<typeof StoredDecision> & { at: Date };

/**
 * An operator's or admin's "classify country" for one company: runs country_classify on the
 * company's HQ string (its `hq_city`; the stored country is not shown to the classifier, so the
 * answer is not an echo of it), stores a named country on the company, and records the decision —
 * country, confidence, reasons and the full provenance with its prompt or rules version — as the
 * company's audit entry. A null answer ("can't tell") leaves the stored country as it was.
 */
export async function classifyCompanyCountry(user: SessionUser, companyId: number): Promise<CountryClassification> {
  requireOperator(user);
  const detail = await getCompanyDetail(db(), companyId);
  if (!detail) throw new AppError("not_found:companies");
  const hq = detail.company.hqCity?.trim() ?? "";
  if (!hq) throw new AppError("unprocessable:companies", { message: "This company has no HQ city to classify." });
  const { values, runId } = await graphClient().run("country_classify", { hq }, { metadata: { requested_by: user.id, company_id: companyId } });
  const decision = values.decision;
  if (!decision) throw new AppError("internal:companies", { message: "The classification ended without a decision." });
  const previous = detail.company.country;
  const result: CountryClassification = {
    country: decision.country,
    confidence: decision.confidence,
    reasons: decision.reasons,
    source: decision.provenance.source,
    promptVersion: decision.promptVersion,
    previous,
    updated: decision.country !== null && decision.country !== previous,
    runId: runId || null,
  };
  await recordCompanyCountry(db(), {
    companyId,
    country: decision.country,
    actorId: user.id,
    detail: { hq, ...result, model: decision.model, provenance: decision.provenance },
  });
  // The country is one of the company's authority signals: its contacts' scores are recomputed.
  if (result.updated) await queueCompanyRescore(companyId, "company country changed");
  return result;
}

/** The latest country decision about a company, for its page; null when none was made (or it no longer parses). */
export async function companyCountryDecision(_user: SessionUser, companyId: number): Promise<StoredCountryDecision | null> {
  const row = await latestCountryDecision(db(), companyId);
  const parsed = StoredDecision.safeParse(row?.detail);
  return row && parsed.success ? { ...parsed.data, at: row.at } : null;
}
