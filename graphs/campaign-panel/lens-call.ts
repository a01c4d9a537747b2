import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { z } from "zod";
import type { ModelCall } from "@/graphs/shared/call-model";
import { resolveConfig } from "./config";
import { meta } from "./meta";
import { lensMessages, PROMPT_VERSION } from "./prompts";
import { brandVoiceCase, coerceProposals, MAX_ARGUMENT_CHARS, ModelLens, RULES_VERSION, skepticCase, strategistCase } from "./rules";
import type { CampaignPanelStateType, Lens, LensArgument } from "./state";

const OFFLINE_CASE = { strategist: strategistCase, skeptic: skepticCase, brand_voice: brandVoiceCase } as const;

/**
 * The model call a lens node hands to callModel: the model argues from the audience and the
 * arguments before it; when it may not (offline, refused, not the JSON asked for), the lens's
 * audience rules argue instead, labelled `rule_based_fallback` with why. The three lens nodes
 * differ only in which lens they are.
 */
export function lensCall(lens: Lens, state: CampaignPanelStateType, config: LangGraphRunnableConfig | undefined): ModelCall<z.output<typeof ModelLens>, LensArgument> {
  const profile = state.profile!;
  const limits = resolveConfig(config);
  const evidence = profile.themes.slice(0, 3).map((t) => `${t.label}: ${t.companies} of ${profile.companies} companies`);
  return {
    config,
    meta,
    node: lens,
    promptVersion: PROMPT_VERSION,
    vertical: profile.verticals[0]?.value ?? null,
    messages: lensMessages(lens, profile, state.campaignName, state.lenses, limits.themesShown),
    schema: ModelLens,
    options: { maxTokens: limits.lensMaxTokens, temperature: 0.4 },
    use: ({ value: answer }, modelPath) => {
      const argument = answer.argument.slice(0, MAX_ARGUMENT_CHARS);
      return {
        lens,
        argument,
        proposals: coerceProposals(answer.proposals),
        provenance: { confidence: answer.confidence, reason: argument, source: "model", evidence, path: modelPath },
        promptVersion: PROMPT_VERSION,
      };
    },
    fallback: {
      name: "audience_rules",
      version: RULES_VERSION,
      run: (why, fallbackPath) => {
        const offline = OFFLINE_CASE[lens](profile);
        return {
          lens,
          argument: offline.argument,
          proposals: offline.proposals,
          provenance: { confidence: offline.confidence, reason: `Argued by the audience rules (${why}).`, source: "rule_based_fallback", evidence, path: fallbackPath },
          promptVersion: RULES_VERSION,
        };
      },
    },
  };
}
