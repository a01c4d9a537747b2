import { z } from "zod";
import { PROPOSAL_SECTIONS } from "@/db/schema";
import type { SectionDrafts } from "@/lib/outreach/proposal";
import type { Finding, LeadSnapshot } from "./state";

/** The version stamped on what these rules decide where no model did (offline findings). */
export const RULES_VERSION = "lead-to-proposal-rules-v1-2026-12";
/** The offline proposal template's version: stamped instead of a prompt's when it wrote the draft. */
export const TEMPLATE_VERSION = "proposal-template-v1";

const MAX_CLAIM_CHARS = 600;
const MAX_CLAIMS = 4;

/** The model's research, strictly: findings with the fact ids they cite. */
export const ModelFindings = z.object({
  findings: z.array(z.object({ text: z.string().trim().min(1).max(MAX_CLAIM_CHARS), fact_ids: z.array(z.number().int()).default([]) })).max(12),
});

const ModelClaim = z.object({
  text: z.string().trim().min(1).max(MAX_CLAIM_CHARS),
  fact_ids: z.array(z.number().int()).default([]),
  assumption: z.boolean().default(false),
});
/** The model's proposal, strictly: a title and four sections of claims. */
export const ModelProposal = z.object({
  title: z.string().trim().min(1).max(200),
  sections: z.object({
    problem: z.array(ModelClaim).max(MAX_CLAIMS),
    approach: z.array(ModelClaim).max(MAX_CLAIMS),
    value: z.array(ModelClaim).max(MAX_CLAIMS),
    next_step: z.array(ModelClaim).max(MAX_CLAIMS),
  }),
});

/**
 * Findings the model may keep: those citing at least one fact it was given. A finding citing only
 * unknown ids is dropped here (research is the writer's input, not the document), and the claims
 * written from it still face the faithfulness check. Empty → the caller takes the offline path.
 */
export function keepFindings(raw: z.output<typeof ModelFindings>, factIds: ReadonlySet<number>, max: number): Finding[] {
  return raw.findings
    .map((f) => ({ text: f.text, factIds: [...new Set(f.fact_ids.filter((id) => factIds.has(id)))] }))
    .filter((f) => f.factIds.length > 0)
    .slice(0, max);
}

/** The model's sections in the document's shape. Cited ids are kept as given: the check judges them. */
export function sectionsOf(raw: z.output<typeof ModelProposal>): SectionDrafts {
  const out = {} as SectionDrafts;
  for (const key of PROPOSAL_SECTIONS) out[key] = raw.sections[key].map((c) => ({ text: c.text, factIds: c.fact_ids, assumption: c.assumption }));
  return out;
}

/** A proposal needs something to say in its problem and its next step; otherwise the template writes it. */
export const usableSections = (s: SectionDrafts) => s.problem.length > 0 && s.next_step.length > 0;

/**
 * "Raised a Series B…" → "Acme raised a Series B…", "Hiring 12…" → "Acme is hiring 12…": a fact
 * restated as a sentence about the company, in the fact's own words (so it passes the check).
 * A fact that does not open with its verb ("Fleet grew…", "Processing volume grew…") keeps its
 * own subject after a colon.
 */
function restate(company: string, fact: string): string {
  const body = fact.trim().replace(/[.\s]+$/, "");
  const first = body.split(" ")[0] ?? "";
  const lower = body[0]!.toLowerCase() + body.slice(1);
  const ownVerbLater = /\b(grew|rose|fell|doubled|reached|was|were)\b/.test(body);
  if (/^[A-Z][a-z]+(ed|s)$/.test(first) && !ownVerbLater) return `${company} ${lower}.`;
  if (/^[A-Z][a-z]+ing$/.test(first) && !ownVerbLater) return `${company} is ${lower}.`;
  return `${company}: ${body}.`;
}

/** Offline research: the most confident facts (they arrive sorted), each one finding citing itself. */
export function offlineFindings(snapshot: LeadSnapshot, max: number): Finding[] {
  return snapshot.facts.slice(0, max).map((f) => ({ text: restate(snapshot.company.name, f.fact), factIds: [f.id] }));
}

/**
 * The offline proposal: company claims are the findings restated (each citing its fact), and
 * everything the template cannot know — the fit, the plan, the value, the next step — is written
 * as a marked assumption. With no facts, the problem is an assumption too, and says so.
 */
export function offlineProposal(snapshot: LeadSnapshot, findings: Finding[]): { title: string; sections: SectionDrafts } {
  const { company, contact } = snapshot;
  const team = contact.department ? `${contact.department} team` : "team";
  const grounded = findings.slice(0, 3).map((f) => ({ text: f.text, factIds: f.factIds, assumption: false }));
  const problem = grounded.length
    ? [...grounded, { text: `Assumption: changes like these put pressure on ${company.name}'s ${team} to keep pace without adding manual work.`, factIds: [], assumption: true }]
    : [{ text: `Assumption: no facts about ${company.name} are on record yet, so the problem below is a starting hypothesis to confirm with ${contact.firstName}.`, factIds: [], assumption: true }];
  return {
    title: `Proposal for ${company.name}`,
    sections: {
      problem,
      approach: [
        { text: `Assumption: we start with a discovery call with ${contact.firstName} to confirm priorities, then run a scoped pilot with the ${team}.`, factIds: [], assumption: true },
      ],
      value: [{ text: `Assumption: the pilot shows within weeks whether ${company.name} saves enough of its ${team}'s time to justify a rollout.`, factIds: [], assumption: true }],
      next_step: [{ text: `Assumption: a short call with ${contact.firstName} next week is the right next step.`, factIds: [], assumption: true }],
    },
  };
}

/** Names the faithfulness check lets a claim use without a fact: who and what the CRM record says. */
export function allowedTerms(snapshot: LeadSnapshot): string[] {
  const { contact, company } = snapshot;
  return [company.name, contact.firstName, contact.lastName, contact.title, contact.department, company.vertical, company.hqCity, snapshot.senderName].filter((t): t is string => Boolean(t));
}

/** Where the proposal's findings came from, as the reviewer reads it in the evidence list. */
export function findingsEvidence(source: "model" | "facts_as_findings" | undefined): string {
  if (source === "model") return "Findings from the model's research, each citing a fact";
  if (source === "facts_as_findings") return "Findings restated from the company's facts (offline)";
  return "No findings recorded";
}
