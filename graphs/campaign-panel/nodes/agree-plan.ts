import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { z } from "zod";
import { callModel, unusable } from "@/graphs/shared/call-model";
import { coerceCoachPlan } from "@/lib/campaigns/coach-plan";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { agreeMessages, PROMPT_VERSION } from "../prompts";
import { agreeByRules, fitTouchAngles, ModelAgreement, RULES_VERSION, rulesConfidence } from "../rules";
import type { AgreedPlan, CampaignPanelStateType } from "../state";

type Agreement = { agreed: AgreedPlan; provenance: NonNullable<CampaignPanelStateType["provenance"]>; promptVersion: string };

/**
 * The panel agrees one plan: a model chairs and settles it, checked by the coach-plan rules
 * (a plan they refuse — a tone outside the enum, an empty angle — is unusable); otherwise the
 * lenses' proposals are merged by rule, each field from the lens whose job it is.
 */
export async function agreePlan(state: CampaignPanelStateType, config?: LangGraphRunnableConfig): Promise<Partial<CampaignPanelStateType>> {
  const profile = state.profile!;
  const limits = resolveConfig(config);
  const said = state.lenses.map((l) => `${l.lens} (${l.provenance.source}): ${l.argument.slice(0, 160)}`);
  const { value, path } = await callModel<z.output<typeof ModelAgreement>, Agreement>({
    config,
    meta,
    node: "agree_plan",
    promptVersion: PROMPT_VERSION,
    vertical: profile.verticals[0]?.value ?? null,
    messages: agreeMessages(profile, state.campaignName, state.lenses, limits.themesShown),
    schema: ModelAgreement,
    options: { maxTokens: limits.agreeMaxTokens, temperature: 0 },
    use: ({ value: answer }, modelPath) => {
      const checked = coerceCoachPlan(answer);
      if (!checked.ok) return unusable(`the agreed plan breaks the coach-plan rules (${checked.reason.replaceAll("_", " ")})`);
      const { angle, tone, cadenceDays, maxTouches, stopCriteria } = checked.plan;
      const clamped = checked.clamped.length ? ` Clamped to the limits: ${checked.clamped.join(", ")}.` : "";
      return {
        agreed: { angle, tone, cadenceDays, maxTouches, stopCriteria, perTouchAngles: fitTouchAngles(answer.perTouchAngles.map((a) => a.trim()).filter(Boolean), maxTouches, angle) },
        provenance: { confidence: answer.confidence, reason: `${answer.reason.trim() || "The chair agreed the plan from the three arguments."}${clamped}`, source: "model", evidence: said, path: modelPath },
        promptVersion: PROMPT_VERSION,
      };
    },
    fallback: {
      name: "lens_merge",
      version: RULES_VERSION,
      run: (why, fallbackPath) => {
        const { plan, decidedBy } = agreeByRules(profile, state.lenses);
        const fields = Object.entries(decidedBy).map(([field, lens]) => `${field}: ${lens}`);
        return {
          agreed: plan,
          provenance: {
            confidence: rulesConfidence(state.lenses, decidedBy),
            reason: `Merged by rule from the lenses' proposals (${why}), each field from the lens whose job it is.`,
            source: "rule_based_fallback",
            evidence: [...fields, ...said],
            path: fallbackPath,
          },
          promptVersion: RULES_VERSION,
        };
      },
    },
  });
  return { ...value, outcome: "agreed", calls: [path] };
}
