import type { ChatMessage } from "@/lib/llm/types";
import { fenceUntrusted } from "@/lib/safety/fence";
import type { Finding, LeadSnapshot } from "./state";

/** Bump on any change to the prompts below; it is stamped on what the model's answers make. */
export const PROMPT_VERSION = "lead-to-proposal-v1-2026-12";

const lead = (s: LeadSnapshot) =>
  `Lead: ${s.contact.firstName} ${s.contact.lastName}, ${s.contact.title ?? "unknown title"} (${s.contact.seniority ?? "unknown seniority"}) at ${s.company.name}, a ${s.company.vertical} company of ${s.company.size ?? "unknown size"} employees.`;
const factList = (s: LeadSnapshot) => fenceUntrusted("company facts", s.facts.map((f) => `[${f.id}] ${f.fact}`).join("\n") || "(none)");

export function researchMessages(snapshot: LeadSnapshot, maxFindings: number): ChatMessage[] {
  return [
    {
      role: "system",
      content:
        `You research a sales lead using ONLY the numbered company facts given. Write at most ${maxFindings} findings relevant to a proposal. ` +
        "Each finding restates what its facts say, in their own words, and cites them by number. Never add a figure, a name or an event the cited facts do not contain. " +
        'Answer with JSON only: {"findings": [{"text": string, "fact_ids": [number]}]}',
    },
    { role: "user", content: `${lead(snapshot)}\n${factList(snapshot)}` },
  ];
}

export function proposalMessages(snapshot: LeadSnapshot, findings: Finding[]): ChatMessage[] {
  return [
    {
      role: "system",
      content:
        "You write a short sales proposal in four sections: problem, approach, value, next_step. Each section is a list of claims (1 to 3). " +
        "A claim is ONE sentence. A claim about the company must restate a fact in the fact's own words and cite it in fact_ids; never add a figure, a name, or an event the cited fact does not say. " +
        'Anything else — an inference, what we will do, the value we expect, the next step — is an assumption: set "assumption": true and start its text with "Assumption:". ' +
        `The proposal is from ${snapshot.senderName}. ` +
        'Answer with JSON only: {"title": string, "sections": {"problem": [C], "approach": [C], "value": [C], "next_step": [C]}} where C is {"text": string, "fact_ids": [number], "assumption": boolean}.',
    },
    {
      role: "user",
      content: `${lead(snapshot)}\n${factList(snapshot)}\n${fenceUntrusted("research findings", findings.map((f) => `- ${f.text} (facts ${f.factIds.join(", ")})`).join("\n") || "(none)")}`,
    },
  ];
}
