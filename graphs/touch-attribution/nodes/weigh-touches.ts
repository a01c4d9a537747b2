import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { db } from "@/db/client";
import { outboundBefore } from "@/db/queries/outreach";
import { callContext } from "@/graphs/shared/call-context";
import { completeJson } from "@/lib/llm";
import { isModelUnavailable } from "@/lib/llm/types";
import { PROMPT_VERSION, weighMessages } from "../prompts";
import { creditByStep, lastTouchProvenance, lastTouchWeights, normalizeWeights, RULES_VERSION } from "../rules";
import { MAX_TOUCHES, MAX_WEIGHED, scopeOf, type AttributionStateType, type WeightedConversion } from "../state";
import { meta } from "../meta";

const Weights = z.object({
  weights: z.array(z.object({ emailId: z.number().int(), weight: z.number() })).min(1).max(50),
  reason: z.string().trim().min(1).max(400),
});

/**
 * Spreads each recent conversion's credit over the emails before it: by the model when one may
 * answer, else all to the last touch, each conversion labelled with how its credit was given.
 */
export async function weighTouches(state: AttributionStateType, config?: LangGraphRunnableConfig): Promise<Partial<AttributionStateType>> {
  const last = state.lastTouch!;
  let unavailable: string | null = null;
  let weighedByModel = 0;
  const conversions: WeightedConversion[] = [];
  for (const c of last.conversions.slice(0, MAX_WEIGHED)) {
    const touches = await outboundBefore(db(), c.contactId, c.convertedAt, MAX_TOUCHES);
    const base = { outcomeId: c.outcomeId, contactId: c.contactId, label: c.label, convertedAt: c.convertedAt };
    const evidence = touches.map((t) => `email #${t.emailId}`);
    if (touches.length < 2 || unavailable) {
      conversions.push({ ...base, touches: lastTouchWeights(touches), provenance: { ...lastTouchProvenance(touches.length, unavailable ?? "one touch"), evidence } });
      continue;
    }
    try {
      const result = await completeJson(
        callContext(config, meta, { node: "weigh_touches", promptVersion: PROMPT_VERSION }),
        weighMessages(c, touches),
        Weights,
        { maxTokens: 300, temperature: 0 },
      );
      const weights = normalizeWeights(touches.map((t) => t.emailId), result.value.weights);
      if (!weights) {
        conversions.push({ ...base, touches: lastTouchWeights(touches), provenance: { ...lastTouchProvenance(touches.length, "the model's weights named other emails or were not usable"), evidence } });
        continue;
      }
      weighedByModel++;
      conversions.push({
        ...base,
        touches: touches.map((t) => ({ ...t, weight: weights.get(t.emailId)! })),
        provenance: { confidence: 0.6, reason: `Weighted by ${result.model}: ${result.value.reason}`, source: "model", evidence },
      });
    } catch (e) {
      if (!isModelUnavailable(e)) throw e;
      unavailable = e.reason === "offline" ? "no model configured" : `model unavailable: ${e.reason}`;
      conversions.push({ ...base, touches: lastTouchWeights(touches), provenance: { ...lastTouchProvenance(touches.length, unavailable), evidence } });
    }
  }
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
  };
}
