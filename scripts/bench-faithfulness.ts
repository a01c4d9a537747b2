/**
 * `npm run bench:faithfulness`: the cost of the faithfulness check (lib/outreach/faithfulness.ts)
 * on the shapes the fleet gives it. Claims: --claims N (default 100,000) claims of a proposal,
 * each against 8 company facts made from the seed's fact templates, a third restating their fact,
 * a third with an invented figure, a third off-topic. Sentences: a 6-sentence rebuttal against 17
 * sources (9 playbook entries + 8 facts), --texts M (default 10,000) times. Median of 5 runs each.
 * Goal: far below a model call (a proposal of ~10 claims in well under a millisecond).
 */
import { parseArgs } from "node:util";
import { FACTS, TOOLS } from "@/db/seed/vocabulary";
import { checkClaims, checkSentences, type CitableFact, type Claim } from "@/lib/outreach/faithfulness";

const { values } = parseArgs({ options: { claims: { type: "string", default: "100000" }, texts: { type: "string", default: "10000" } } });
const CLAIMS = Number(values.claims);
const TEXTS = Number(values.texts);

const facts: CitableFact[] = FACTS.saas.map((t, i) => ({
  id: i + 1,
  fact: t.replace("{n}", String(12 + i)).replace("{round}", "B").replace("{city}", "Lyon").replace("{tool}", TOOLS.saas[i % TOOLS.saas.length]!),
}));
const claims: Claim[] = Array.from({ length: CLAIMS }, (_, i) => {
  const f = facts[i % facts.length]!;
  if (i % 3 === 0) return { text: `Acme ${f.fact.charAt(0).toLowerCase()}${f.fact.slice(1)}.`, factIds: [f.id] };
  if (i % 3 === 1) return { text: `Acme ${f.fact.charAt(0).toLowerCase()}${f.fact.slice(1)} and saved ${i} hours.`, factIds: [f.id] };
  return { text: "Acme is cutting its marketing budget ahead of a merger.", factIds: [f.id] };
});
const sources = [
  ...Array.from({ length: 9 }, (_, i) => ({ id: `playbook:${i}`, text: `Offer a ${14 + i}-day pilot tied to agreed success metrics before any annual commitment, with references from similar teams` })),
  ...facts.map((f) => ({ id: `fact:${f.id}`, text: f.fact })),
];
const rebuttal =
  "Hi Dana,\nWe can offer a 14-day pilot tied to agreed success metrics before any annual commitment. " +
  `Since you ${facts[2]!.fact.charAt(0).toLowerCase()}${facts[2]!.fact.slice(1)}, the pilot fits your stack. ` +
  "Our customers typically cut costs by 40% in the first month. Would that be worth a look?\nBest, Sam";
const options = { allowedTerms: ["Acme", "Dana", "Sam"] };

const median = (f: () => void) => {
  const runs = Array.from({ length: 5 }, () => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return runs[2]!;
};

let supported = 0;
const claimsMs = median(() => {
  // A proposal at a time (10 claims), as check_faithfulness and a rep's save run it.
  supported = 0;
  for (let i = 0; i < claims.length; i += 10) for (const v of checkClaims(claims.slice(i, i + 10), facts, options)) if (v.status === "supported") supported++;
});
const textsMs = median(() => {
  for (let i = 0; i < TEXTS; i++) checkSentences(rebuttal, sources, options);
});
console.log(`claims: ${CLAIMS.toLocaleString("en")} in ${claimsMs.toFixed(0)} ms median → ${Math.round(CLAIMS / (claimsMs / 1000)).toLocaleString("en")} claims/s (${(claimsMs * 1000 / CLAIMS).toFixed(1)} µs each); ${supported.toLocaleString("en")} supported (expected ${Math.ceil(CLAIMS / 3).toLocaleString("en")})`);
console.log(`sentences: ${TEXTS.toLocaleString("en")} rebuttals × 6 sentences vs 17 sources in ${textsMs.toFixed(0)} ms median → ${(textsMs * 1000 / TEXTS).toFixed(0)} µs a rebuttal`);
