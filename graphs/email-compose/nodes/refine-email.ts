import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { versionOf } from "@/graphs/shared/provenance";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { PROMPT_VERSION, refineMessages } from "../prompts";
import type { ComposeStateType } from "../state";

const Review = z.union([
  z.object({ verdict: z.literal("ok") }),
  z.object({ verdict: z.literal("revise"), subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(4_000), issues: z.array(z.string()).default([]) }),
]);

/**
 * One review-and-revise pass. A refusal (token ceiling, kill switch…) keeps the current draft,
 * as it was written and stamped. Confidence stays the first draft's (the grounding rule): a
 * revision cites the same facts.
 */
export async function refineEmail(state: ComposeStateType, config?: LangGraphRunnableConfig): Promise<Partial<ComposeStateType>> {
  const draft = state.draft!;
  const limits = resolveConfig(config);
  const { value, path } = await callModel<z.infer<typeof Review>, Partial<ComposeStateType>>({
    config,
    meta,
    node: "refine_email",
    promptVersion: PROMPT_VERSION,
    vertical: state.brief.company.vertical,
    messages: refineMessages(state.brief, draft),
    schema: Review,
    options: { maxTokens: limits.refineMaxTokens, temperature: limits.refineTemperature },
    use: (review, path) => {
      if (review.value.verdict === "ok") return { refineDone: true };
      const { subject, body, issues } = review.value;
      return {
        draft: {
          ...draft,
          subject,
          body,
          refinements: draft.refinements + 1,
          provenance: { ...draft.provenance, reason: `${draft.provenance.reason} Revised ${draft.refinements + 1}× on review${issues.length ? `: ${issues.join("; ")}` : ""}.`, path },
        },
      };
    },
    fallback: { name: "keep_draft", version: versionOf(draft.provenance.path), run: () => ({ refineDone: true }) },
  });
  return { ...value, calls: [path] };
}
