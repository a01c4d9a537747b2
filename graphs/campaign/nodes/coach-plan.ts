import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { loadTouchContext } from "@/db/queries/campaigns";
import { callModel, unusable } from "@/graphs/shared/call-model";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { coachMessages, PROMPT_VERSION } from "../prompts";
import { coachedPlan, contextOf, ModelPlan, offlinePlan, RULES_VERSION, type ModelPlanAnswer } from "../rules";
import type { CampaignStateType } from "../state";

/**
 * The coach plans the whole sequence once, at step 0: one model call, its answer clamped to the
 * plan's limits. An invalid answer (a tone of "aggressive", an empty angle), no model, or a refusal
 * fails open: the campaign's launched plan taken as is (or the defaults when it has none), labelled so. The plan rides the checkpoint; a thread that has one (or is past
 * step 0) never plans again, so a resumed or restarted thread keeps the plan it started with.
 */
export async function coachPlan(state: CampaignStateType, config?: LangGraphRunnableConfig): Promise<Partial<CampaignStateType>> {
  if (state.plan || state.step !== 0) return {};
  const loaded = await loadTouchContext(db(), state.campaignId, state.contactId);
  if (!loaded) return {};
  const context = contextOf(loaded);
  const { value, path } = await callModel<ModelPlanAnswer, Partial<CampaignStateType>>({
    config,
    meta,
    node: "coach_plan",
    promptVersion: PROMPT_VERSION,
    vertical: context.company.vertical,
    messages: coachMessages(context),
    schema: ModelPlan,
    options: { maxTokens: resolveConfig(config).coachMaxTokens, temperature: 0.2 },
    use: ({ value: answer, model }) => {
      const coached = coachedPlan(answer, context.campaign, model, PROMPT_VERSION);
      return coached.ok ? { plan: coached.plan } : unusable(`the coach's plan was refused (${coached.reason.replaceAll("_", " ")})`);
    },
    fallback: { name: "launched_plan", version: RULES_VERSION, run: (why) => ({ plan: offlinePlan(context.campaign, why) }) },
  });
  return { ...value, context, calls: [path] };
}
