import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { z } from "zod";
import { callModel, unusable } from "@/graphs/shared/call-model";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { PROMPT_VERSION, researchMessages } from "../prompts";
import { keepFindings, ModelFindings, offlineFindings, RULES_VERSION } from "../rules";
import type { LeadToProposalStateType } from "../state";

/**
 * Findings grounded in the company's facts, each citing the facts it rests on. Offline (or when
 * no finding cites a given fact) the facts themselves are the findings, labelled as such.
 */
export async function research(state: LeadToProposalStateType, config?: LangGraphRunnableConfig): Promise<Partial<LeadToProposalStateType>> {
  const snapshot = state.snapshot!;
  const { maxFindings, researchMaxTokens } = resolveConfig(config);
  const known = new Set(snapshot.facts.map((f) => f.id));
  const { value, path } = await callModel<z.output<typeof ModelFindings>, Partial<LeadToProposalStateType>>({
    config,
    meta,
    node: "research",
    promptVersion: PROMPT_VERSION,
    vertical: snapshot.company.vertical,
    messages: researchMessages(snapshot, maxFindings),
    schema: ModelFindings,
    options: { maxTokens: researchMaxTokens, temperature: 0 },
    use: ({ value: answer }) => {
      const findings = keepFindings(answer, known, maxFindings);
      return findings.length ? { findings, findingsSource: "model" } : unusable("no finding cited a fact it was given");
    },
    fallback: { name: "facts_as_findings", version: RULES_VERSION, run: () => ({ findings: offlineFindings(snapshot, maxFindings), findingsSource: "facts_as_findings" }) },
  });
  return { ...value, calls: [path] };
}
