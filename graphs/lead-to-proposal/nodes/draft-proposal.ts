import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { z } from "zod";
import { callModel, unusable } from "@/graphs/shared/call-model";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { PROMPT_VERSION, proposalMessages } from "../prompts";
import { ModelProposal, offlineProposal, sectionsOf, TEMPLATE_VERSION, usableSections } from "../rules";
import type { LeadToProposalStateType, WrittenProposal } from "../state";

/**
 * The proposal: problem, approach, value, next step, every claim citing facts or marked as an
 * assumption. The model writes it; offline (or when its answer has no problem or next step) the
 * template does, labelled `rule_based_fallback`. Confidence is set after the faithfulness check.
 */
export async function draftProposal(state: LeadToProposalStateType, config?: LangGraphRunnableConfig): Promise<Partial<LeadToProposalStateType>> {
  const snapshot = state.snapshot!;
  const findings = state.findings ?? [];
  const evidence = findings.map((f) => `finding (facts ${f.factIds.join(", ")}): ${f.text}`);
  const { value, path } = await callModel<z.output<typeof ModelProposal>, WrittenProposal>({
    config,
    meta,
    node: "draft_proposal",
    promptVersion: PROMPT_VERSION,
    vertical: snapshot.company.vertical,
    messages: proposalMessages(snapshot, findings),
    schema: ModelProposal,
    options: { maxTokens: resolveConfig(config).proposalMaxTokens, temperature: 0.3 },
    use: ({ value: answer, model }, modelPath) => {
      const sections = sectionsOf(answer);
      if (!usableSections(sections)) return unusable("the proposal had no problem or no next step");
      return { title: answer.title, sections, model, provenance: { confidence: 0, reason: `Written by ${model} from ${findings.length} findings.`, source: "model", evidence, path: modelPath } };
    },
    fallback: {
      name: "offline_template",
      version: TEMPLATE_VERSION,
      run: (why, fallbackPath) => ({
        ...offlineProposal(snapshot, findings),
        model: "offline template",
        provenance: { confidence: 0, reason: `Offline template (${why}): company claims restate its facts; the rest are marked assumptions.`, source: "rule_based_fallback", evidence, path: fallbackPath },
      }),
    },
  });
  return { proposal: value, calls: [path] };
}
