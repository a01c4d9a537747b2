import { useId } from "react";
import { SECTION_TITLES, type ProposalClaim, type ProposalDocument } from "@/lib/outreach/proposal-labels";

type Fact = ProposalDocument["facts"][number];

/** A citation chip: hover or focus shows the fact it cites, where it came from and how sure it is. */
export function Citation({ id, fact }: { id: number; fact: Fact | undefined }) {
  const tip = useId();
  return (
    <span className="group relative inline-block">
      <button type="button" aria-describedby={tip} className="ml-1 rounded bg-brand-50 px-1 font-mono text-[11px] text-brand-700 hover:bg-brand-100 focus:outline focus:outline-2 focus:outline-brand-500">
        F{id}
      </button>
      <span id={tip} role="tooltip" className="invisible absolute bottom-full left-0 z-10 mb-1 w-72 rounded-md bg-slate-900 px-3 py-2 text-xs leading-snug text-white shadow-lg group-focus-within:visible group-hover:visible">
        {fact ? `${fact.fact} — ${fact.source}, confidence ${Math.round(fact.confidence * 100)}%` : "This fact is not among the company's facts."}
      </span>
    </span>
  );
}

function Claim({ claim, facts }: { claim: ProposalClaim; facts: Map<number, Fact> }) {
  if (claim.verdict === "unsupported") {
    return (
      <li className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2" data-testid="flagged-claim">
        <span className="mr-1 font-semibold text-rose-800">Flagged:</span>
        <span className="text-slate-900">{claim.text}</span>
        {claim.factIds.map((id) => <Citation key={id} id={id} fact={facts.get(id)} />)}
        <span className="mt-1 block text-xs text-rose-800">Not supported: {claim.reason}.</span>
      </li>
    );
  }
  if (claim.verdict === "assumption") {
    return (
      <li className="px-3 py-1 text-slate-700">
        <span className="mr-1 rounded bg-amber-100 px-1 text-[11px] font-semibold uppercase tracking-wide text-amber-800">Assumption</span>
        {claim.text.replace(/^assumption:\s*/i, "")}
      </li>
    );
  }
  return (
    <li className="px-3 py-1 text-slate-900">
      {claim.text}
      {claim.factIds.map((id) => <Citation key={id} id={id} fact={facts.get(id)} />)}
    </li>
  );
}

/** The proposal as the rep reads it: its sections, each claim with its citations or its assumption label; flagged claims stand out. */
export function ProposalSections({ document }: { document: ProposalDocument }) {
  const facts = new Map(document.facts.map((f) => [f.id, f]));
  return (
    <div className="space-y-4" data-testid="proposal-sections">
      <h3 className="text-base font-semibold text-slate-900">{document.title}</h3>
      {document.sections.map((section) => (
        <section key={section.key} aria-label={SECTION_TITLES[section.key]}>
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{SECTION_TITLES[section.key]}</h4>
          {section.claims.length ? (
            <ul className="space-y-1 text-sm leading-relaxed">
              {section.claims.map((claim, i) => <Claim key={i} claim={claim} facts={facts} />)}
            </ul>
          ) : (
            <p className="px-3 text-sm text-slate-500">Nothing in this section.</p>
          )}
        </section>
      ))}
    </div>
  );
}
