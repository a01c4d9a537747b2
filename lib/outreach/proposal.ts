import { z } from "zod";
import { PROPOSAL_SECTIONS, type ProposalClaim, type ProposalDocument, type ProposalSectionKey } from "@/db/schema";
import { checkClaims, type CitableFact } from "./faithfulness";
import { SECTION_TITLES } from "./proposal-labels";

/**
 * A proposal's policy outside any one graph: its faithfulness verdicts (re-run on every edit, so a
 * rep's edit is held to the same rule as the model's text), and its Markdown — the draft's body in
 * the queue and the exported document.
 */

export { SECTION_TITLES };

/** A claim list per section, as a person edits it (server actions and the approval interrupt parse it) (the same shape the model writes). */
const ClaimEdit = z.object({
  text: z.string().trim().min(1).max(600),
  factIds: z.array(z.number().int().positive()).max(8).default([]),
  assumption: z.boolean().default(false),
});
export const SectionsEdit = z.object({
  problem: z.array(ClaimEdit).max(8),
  approach: z.array(ClaimEdit).max(8),
  value: z.array(ClaimEdit).max(8),
  next_step: z.array(ClaimEdit).max(8),
});

/** A proposal edit: its title and its sections. */
export const ProposalEdit = z.object({ title: z.string().trim().min(1, "Title cannot be empty.").max(200), sections: SectionsEdit });
export type ProposalEdit = z.infer<typeof ProposalEdit>;

/** A claim as a writer (model, template, rep) gives it, before it is checked. */
export type ClaimDraft = { text: string; factIds: number[]; assumption: boolean };
export type SectionDrafts = Record<ProposalSectionKey, ClaimDraft[]>;

/** Each claim checked against the document's facts (lib/outreach/faithfulness.ts). */
export function checkProposal(input: Omit<ProposalDocument, "sections"> & { sections: SectionDrafts }): ProposalDocument {
  const { allowedTerms } = input;
  const facts: CitableFact[] = input.facts;
  // One pass over every claim, so each fact is read once for the whole proposal.
  const drafts = PROPOSAL_SECTIONS.map((key) => input.sections[key] ?? []);
  const verdicts = checkClaims(drafts.flat(), facts, { allowedTerms });
  let next = 0;
  const sections = PROPOSAL_SECTIONS.map((key, s) => ({
    key,
    claims: drafts[s]!.map((c): ProposalClaim => {
      const verdict = verdicts[next++]!;
      return {
        text: c.text.trim(),
        factIds: [...new Set(c.factIds)],
        assumption: verdict.status === "assumption",
        verdict: verdict.status,
        reason: verdict.status === "unsupported" ? verdict.reason : null,
      };
    }),
  }));
  return { title: input.title.trim(), sections, facts: input.facts, findings: input.findings, allowedTerms };
}

/** The document's claims as drafts again (for an edit form, or a re-check). */
export function sectionDrafts(doc: ProposalDocument): SectionDrafts {
  const out = Object.fromEntries(PROPOSAL_SECTIONS.map((k) => [k, [] as ClaimDraft[]])) as SectionDrafts;
  for (const s of doc.sections) out[s.key] = s.claims.map(({ text, factIds, assumption }) => ({ text, factIds, assumption }));
  return out;
}

export const flaggedClaims = (doc: ProposalDocument): ProposalClaim[] => doc.sections.flatMap((s) => s.claims.filter((c) => c.verdict === "unsupported"));
const allClaims = (doc: ProposalDocument) => doc.sections.flatMap((s) => s.claims);

/**
 * The proposal's grounding as a confidence: the share of its claims that the cited facts support.
 * A rule's value, documented here; assumptions and flagged claims both count against it.
 */
export function groundedShare(doc: ProposalDocument): number {
  const claims = allClaims(doc);
  return claims.length ? Math.round((claims.filter((c) => c.verdict === "supported").length / claims.length) * 100) / 100 : 0;
}

/** The faithfulness check's result as the sentence ending a proposal's provenance reason. */
export function faithfulnessNote(flagged: number, after: "draft" | "edit"): string {
  const result = flagged ? `${flagged} claim${flagged === 1 ? "" : "s"} failed the faithfulness check and ${flagged === 1 ? "is" : "are"} flagged.` : "Every claim passed the faithfulness check.";
  return after === "edit" ? `Re-checked after the rep's edit: ${result}` : result;
}

// Any note faithfulnessNote wrote, so a re-check replaces it rather than stacking a contradiction.
const CHECK_NOTE = /\s*(Re-checked after the rep's edit: )?(Every claim passed the faithfulness check\.|\d+ claims? failed the faithfulness check and (is|are) flagged\.)/g;

/** A provenance reason whose faithfulness sentence says the latest check's result (and only it). */
export function withFaithfulnessNote(reason: string, flagged: number, after: "draft" | "edit"): string {
  const rest = reason.replace(CHECK_NOTE, "").trimEnd();
  return rest ? `${rest} ${faithfulnessNote(flagged, after)}` : faithfulnessNote(flagged, after);
}

const stripMarker = (text: string) => text.replace(/^assumption:\s*/i, "");

/**
 * The proposal as Markdown. In the queue (`export: false`) flagged claims stay, marked, with why,
 * and a note at the top says how many failed; in the exported document (`export: true`) only
 * supported claims and labelled assumptions appear. Citations are footnote-style [F<id>] with the
 * cited facts listed at the end.
 */
export function proposalMarkdown(doc: ProposalDocument, options: { export: boolean }): string {
  const flagged = flaggedClaims(doc).length;
  const lines = [`# ${doc.title}`, ""];
  if (!options.export && flagged > 0)
    lines.push(`> ⚠ ${flagged} claim${flagged === 1 ? "" : "s"} failed the faithfulness check (cited nothing, or cited a fact that does not say it) and ${flagged === 1 ? "is" : "are"} flagged below. Fix, mark as an assumption, or remove ${flagged === 1 ? "it" : "them"} before approving.`, "");
  const cited = new Set<number>();
  for (const section of doc.sections) {
    const claims = section.claims.filter((c) => !options.export || c.verdict !== "unsupported");
    if (claims.length === 0) continue;
    lines.push(`## ${SECTION_TITLES[section.key]}`, "");
    for (const c of claims) {
      const refs = c.factIds.map((id) => `[F${id}]`).join("");
      if (c.verdict === "supported") c.factIds.forEach((id) => cited.add(id));
      if (c.verdict === "assumption") lines.push(`- *Assumption:* ${stripMarker(c.text)}`);
      else if (c.verdict === "unsupported") lines.push(`- ⚠ **Flagged:** ${c.text} ${refs} — ${c.reason}`);
      else lines.push(`- ${c.text} ${refs}`);
    }
    lines.push("");
  }
  const sources = doc.facts.filter((f) => cited.has(f.id));
  if (sources.length) {
    lines.push("## Sources", "");
    for (const f of sources) lines.push(`- [F${f.id}] ${f.fact} (${f.source})`);
    lines.push("");
  }
  return lines.join("\n");
}
