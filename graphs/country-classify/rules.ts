import { z } from "zod";
import { whyInWords, type CallPath } from "@/graphs/shared/provenance";
import { isCountryCode } from "@/lib/geo/gazetteer";
import { RESOLVER_VERSION, resolveCountry, SURE, type CountryResolution } from "@/lib/geo/resolve";
import type { CountryDecision, ModelCountryAnswer } from "./state";

/** The version stamped on a decision the rules made: this file's policy and the resolver's tables. */
export const RULES_VERSION = `country-classify-rules-v1+${RESOLVER_VERSION}`;

/** The offline resolver (lib/geo), the graph's deterministic path. */
export const resolveOffline = (hq: string): CountryResolution => resolveCountry(hq);

const MAX_REASON_CHARS = 200;

/**
 * The model's answer, strictly: `country` an ISO 3166-1 alpha-2 code of a real country (any
 * case; "UK", ISO's reserved code for the United Kingdom, read as GB) or null — anything else is
 * invalid output and the offline resolver answers instead. `confidence` is clamped to 0–1;
 * `reasons` keeps the first two, each cut to 200 characters.
 */
export const ModelCountry = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .transform((code) => (code === "UK" ? "GB" : code))
    .refine(isCountryCode, { message: "not an ISO 3166-1 alpha-2 code" })
    .nullable(),
  confidence: z.number().transform((c) => Math.min(1, Math.max(0, c))),
  reasons: z
    .array(z.string())
    .default([])
    .transform((reasons) => reasons.map((r) => r.trim().slice(0, MAX_REASON_CHARS)).filter(Boolean).slice(0, 2)),
});

const show = (country: string | null) => country ?? "null";
const evidenceOf = (hq: string, resolution: CountryResolution, extra: string[] = []) =>
  [`hq: "${hq.slice(0, 120)}"`, `offline resolver: ${show(resolution.country)} (${resolution.confidence}, ${resolution.basis})`, ...extra, ...resolution.evidence].slice(0, 6);

/**
 * The decision, from the offline resolution and the model's answer (when the model answered):
 * - no model call (blank input): the rules' null, source `rules`;
 * - the model could not answer (offline, refused, invalid output): the rules' answer, source
 *   `rule_based_fallback`, with why;
 * - the model answered and the rules are sure (≥ SURE: a country named, a US state or other
 *   region, a code read without a rival, or a non-place such as "Remote") of a different answer:
 *   the rules win, source `rules` — a state code the tables know beats a model's guess, and a
 *   model never gives "Remote" a country;
 * - otherwise the model's answer stands, with its own clamped confidence, source `model`.
 */
export function reconcile(hq: string, resolution: CountryResolution, answer: ModelCountryAnswer | undefined, path: CallPath | undefined): CountryDecision {
  const rules = (source: CountryDecision["provenance"]["source"], reasons: string[], extra: string[] = []): CountryDecision => ({
    country: resolution.country,
    confidence: resolution.confidence,
    reasons: reasons.slice(0, 2),
    provenance: { confidence: resolution.confidence, reason: reasons.join(" "), source, evidence: evidenceOf(hq, resolution, extra), ...(path ? { path } : {}) },
    promptVersion: RULES_VERSION,
    model: null,
  });
  if (!path) return rules("rules", resolution.reasons);
  if (path.path === "fallback" || !answer) {
    const why = path.path === "fallback" ? whyInWords(path.why) : "no model answer";
    return rules("rule_based_fallback", [`Offline resolver (${why}): ${resolution.reasons[0]}`, ...resolution.reasons.slice(1)]);
  }
  const said = `model: ${show(answer.country)} (${answer.confidence})`;
  if (resolution.confidence >= SURE && answer.country !== resolution.country) {
    return rules("rules", [resolution.reasons[0]!, `The model said ${show(answer.country)}; the offline rules are sure and outrank it.`], [said]);
  }
  const reasons = answer.reasons.length ? answer.reasons : [`${answer.model} named ${show(answer.country)} without a reason.`];
  return {
    country: answer.country,
    confidence: answer.confidence,
    reasons,
    provenance: { confidence: answer.confidence, reason: reasons.join(" "), source: "model", evidence: evidenceOf(hq, resolution, [said]), path },
    promptVersion: path.promptVersion,
    model: answer.model,
  };
}
