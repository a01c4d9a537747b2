import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callContext } from "@/graphs/shared/call-context";
import { completeJson } from "@/lib/llm";
import { isModelUnavailable } from "@/lib/llm/types";
import { PROMPT_VERSION, summaryMessages } from "../prompts";
import { deterministicSummary, modelSummaryLine, RULES_VERSION } from "../rules";
import type { ReflectStateType } from "../state";
import { meta } from "../meta";

const Summary = z.object({ summary: z.string().trim().min(1).max(400) });

/** One short line about the email, by the model or, when it may not answer, from the subject and label. */
export async function summarizeEmail(state: ReflectStateType, config?: LangGraphRunnableConfig): Promise<Partial<ReflectStateType>> {
  const email = state.email!;
  const evidence = [`email #${email.id} (${email.direction}, ${email.subject.slice(0, 80)})`];
  try {
    const result = await completeJson(
      callContext(config, meta, { node: "summarize_email", promptVersion: PROMPT_VERSION }),
      summaryMessages(email),
      Summary,
      { maxTokens: 80, temperature: 0 },
    );
    return {
      reflection: {
        content: modelSummaryLine(email, result.value.summary),
        provenance: { confidence: 0.7, reason: `Summarised by ${result.model}.`, source: "model", evidence },
        promptVersion: PROMPT_VERSION,
      },
    };
  } catch (e) {
    if (!isModelUnavailable(e)) throw e;
    const why = e.reason === "offline" ? "no model configured" : `model unavailable: ${e.reason}`;
    return {
      reflection: {
        content: deterministicSummary(email),
        provenance: { confidence: 0.9, reason: `Date, subject and label only (${why}).`, source: "rule_based_fallback", evidence },
        promptVersion: RULES_VERSION,
      },
    };
  }
}
