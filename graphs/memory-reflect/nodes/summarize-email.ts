import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { versionOf } from "@/graphs/shared/provenance";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { PROMPT_VERSION, summaryMessages } from "../prompts";
import { deterministicSummary, modelSummaryLine, RULES_VERSION, SUMMARY_CONFIDENCE } from "../rules";
import type { Reflection, ReflectStateType } from "../state";

const Summary = z.object({ summary: z.string().trim().min(1).max(400) });

/**
 * One short line about the email, by the model or, when it may not answer, from the subject and
 * label. Confidence: the documented values of rules.ts (SUMMARY_CONFIDENCE), one per path.
 */
export async function summarizeEmail(state: ReflectStateType, config?: LangGraphRunnableConfig): Promise<Partial<ReflectStateType>> {
  const email = state.email!;
  const evidence = [`email #${email.id} (${email.direction}, ${email.subject.slice(0, 80)})`];
  const { value: reflection, path } = await callModel<z.infer<typeof Summary>, Reflection>({
    config,
    meta,
    node: "summarize_email",
    promptVersion: PROMPT_VERSION,
    messages: summaryMessages(email),
    schema: Summary,
    options: { maxTokens: resolveConfig(config).maxTokens, temperature: 0 },
    use: ({ value, model }, path) => ({
      content: modelSummaryLine(email, value.summary),
      provenance: { confidence: SUMMARY_CONFIDENCE.model, reason: `Summarised by ${model}.`, source: "model", evidence, path },
      promptVersion: versionOf(path),
    }),
    fallback: {
      name: "subject_line",
      version: RULES_VERSION,
      run: (why, path) => ({
        content: deterministicSummary(email),
        provenance: { confidence: SUMMARY_CONFIDENCE.subjectLine, reason: `Date, subject and label only (${why}).`, source: "rule_based_fallback", evidence, path },
        promptVersion: versionOf(path),
      }),
    },
  });
  return { reflection, calls: [path] };
}
