import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callContext } from "@/graphs/shared/call-context";
import { completeJson } from "@/lib/llm";
import { isModelUnavailable } from "@/lib/llm/types";
import { classifyMessages, PROMPT_VERSION } from "../prompts";
import { polarityOf } from "../rules";
import { LABELS, type ClassifyStateType } from "../state";
import { meta } from "../meta";

/** The model's answer, strictly: a label outside the set is invalid output and falls back to the rules. */
const ModelLabel = z.object({
  label: z.enum(LABELS),
  confidence: z.number().min(0).max(1),
  reason: z.string().trim().min(1).transform((r) => r.slice(0, 300)),
});

export async function classifyWithModel(state: ClassifyStateType, config?: LangGraphRunnableConfig): Promise<Partial<ClassifyStateType>> {
  const { subject, body, from } = state;
  try {
    const result = await completeJson(
      callContext(config, meta, { node: "classify_with_model", promptVersion: PROMPT_VERSION }),
      classifyMessages({ subject, body, from }),
      ModelLabel,
      { maxTokens: 120, temperature: 0 },
    );
    const { label, confidence, reason } = result.value;
    return {
      classification: {
        label,
        polarity: polarityOf(label),
        provenance: { confidence, reason, source: "model", evidence: [`subject: "${subject.slice(0, 120)}"`] },
        promptVersion: PROMPT_VERSION,
        model: result.model,
      },
    };
  } catch (e) {
    if (!isModelUnavailable(e)) throw e;
    return { fallbackReason: e.reason === "offline" ? "no model configured" : `model unavailable: ${e.reason}` };
  }
}
