import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { db } from "@/db/client";
import { outboundBefore } from "@/db/queries/outreach";
import { callModel, unusable } from "@/graphs/shared/call-model";
import type { CallPath, FallbackPath } from "@/graphs/shared/provenance";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { PROMPT_VERSION, weighMessages } from "../prompts";
import { creditByStep, lastTouchProvenance, lastTouchWeights, MODEL_WEIGHTS_CONFIDENCE, normalizeWeights, RULES_VERSION } from "../rules";
import { scopeOf, type AttributionStateType, type WeightedConversion } from "../state";

const Weights = z.object({
  weights: z.array(z.object({ emailId: z.number().int(), weight: z.number() })).min(1).max(50),
  reason: z.string().trim().min(1).max(400),
});

/**
 * Spreads each recent conversion's credit over the emails before it: by the model when one may
 * answer, else all to the last touch, each conversion labelled with how its credit was given.
 * Once the model may not answer, the rest take last touch without asking again. Confidence: the
 * documented values of rules.ts (MODEL_WEIGHTS_CONFIDENCE, lastTouchProvenance).
 */
export async function weighTouches(state: AttributionStateType, config?: LangGraphRunnableConfig): Promise<Partial<AttributionStateType>> {
  const last = state.lastTouch!;
  const limits = resolveConfig(config);
  // Set by the fallback (a closure), so held in a box the loop reads.
  const refusal: { current: { path: FallbackPath; why: string } | null } = { current: null };
  let weighedByModel = 0;
  const calls: CallPath[] = [];
  const conversions: WeightedConversion[] = [];
  for (const c of last.conversions.slice(0, limits.maxWeighed)) {
    const touches = await outboundBefore(db(), c.contactId, c.convertedAt, limits.maxTouches);
    const base = { outcomeId: c.outcomeId, contactId: c.contactId, label: c.label, convertedAt: c.convertedAt };
    const evidence = touches.map((t) => `email #${t.emailId}`);
    const lastTouchOf = (why: string, path?: FallbackPath): WeightedConversion => ({
      ...base,
      touches: lastTouchWeights(touches),
      provenance: { ...lastTouchProvenance(touches.length, why), evidence, ...(path ? { path } : {}) },
    });
    const refused = refusal.current;
    if (touches.length < 2 || refused) {
      conversions.push(refused && touches.length >= 2 ? lastTouchOf(refused.why, refused.path) : lastTouchOf("one touch"));
      continue;
    }
    const { value, path } = await callModel<z.infer<typeof Weights>, WeightedConversion>({
      config,
      meta,
      node: "weigh_touches",
      promptVersion: PROMPT_VERSION,
      messages: weighMessages(c, touches),
      schema: Weights,
      options: { maxTokens: limits.maxTokens, temperature: 0 },
      use: ({ value, model }, path) => {
        const weights = normalizeWeights(touches.map((t) => t.emailId), value.weights);
        if (!weights) return unusable("the model's weights named other emails or were not usable");
        return {
          ...base,
          touches: touches.map((t) => ({ ...t, weight: weights.get(t.emailId)! })),
          provenance: { confidence: MODEL_WEIGHTS_CONFIDENCE, reason: `Weighted by ${model}: ${value.reason}`, source: "model", evidence, path },
        };
      },
      fallback: {
        name: "last_touch",
        version: RULES_VERSION,
        run: (why, path) => {
          // An unusable answer is this conversion's problem; a refusal holds for the rest of the run.
          if (path.why !== "unusable_answer") refusal.current = { path, why };
          return lastTouchOf(why, path);
        },
      },
    });
    calls.push(path);
    if (path.path !== "fallback") weighedByModel++;
    conversions.push(value);
  }
  const unavailable = refusal.current?.why ?? null;
  const method = weighedByModel > 0 ? "model-weighted" : "last-touch";
  const listed = conversions.length;
  const note =
    method === "model-weighted"
      ? `A model weighed ${weighedByModel} of the ${listed} most recent conversions across the emails before each; the others (one touch, or an unusable answer) credit their last touch. The totals cover all ${last.total} conversions by last touch.`
      : `Last touch: each conversion credits the latest email before it${unavailable ? ` (${unavailable})` : ""}. ${last.total} conversions in scope.`;
  return {
    result: {
      method,
      scope: scopeOf(state),
      lastTouch: { total: last.total, byStep: last.byStep },
      creditByStep: creditByStep(conversions),
      conversions,
      promptVersion: method === "model-weighted" ? PROMPT_VERSION : RULES_VERSION,
      note,
    },
    calls,
  };
}
