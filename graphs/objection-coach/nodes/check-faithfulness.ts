import { checkSentences, type SourceText } from "@/lib/outreach/faithfulness";
import { applyGate, gateFlags, wrapReply } from "../rules";
import type { ObjectionCoachStateType } from "../state";

/**
 * The faithfulness gate: every sentence of the core must rest on the playbook entry, a proof
 * point or a company fact. A sentence none of them mentions, or with a figure, a name or a
 * negation none of them has, is removed; one that only strays in wording is kept and flagged.
 * The draft's review flags say so.
 */
export function checkFaithfulness(state: ObjectionCoachStateType): Partial<ObjectionCoachStateType> {
  const context = state.context!;
  const rebuttal = state.rebuttal!;
  const entry = context.playbook.entries.find((e) => e.objection === state.classification!.objection)!;
  const sources: SourceText[] = [
    { id: "response", text: entry.response },
    ...entry.proofPoints.map((text, i) => ({ id: `proof:${i + 1}`, text })),
    ...context.facts.map((f) => ({ id: `fact:${f.id}`, text: f.fact })),
  ];
  const allowedTerms = [context.company.name, context.contact.firstName, context.contact.lastName, context.senderName];
  const { body: core, sentences } = applyGate(checkSentences(rebuttal.written, sources, { allowedTerms }), sources, { allowedTerms });
  // Nothing grounded survived: the approved response itself goes out rather than an empty email.
  const safeCore = core.trim() ? core : entry.response;
  const reviewFlags = [...gateFlags(sentences), ...(core.trim() ? [] : ["faithfulness: every sentence was removed; the playbook response stands in"])];
  return { rebuttal: { ...rebuttal, body: wrapReply(safeCore, context.contact.firstName, context.senderName), sentences, reviewFlags } };
}
