import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { completeJson } from "@/lib/llm";
import { isModelUnavailable } from "@/lib/llm/types";
import { callContext } from "@/graphs/shared/call-context";
import { PROMPT_VERSION, refineMessages } from "../prompts";
import type { ComposeStateType } from "../state";
import { meta } from "../meta";

const Review = z.union([
  z.object({ verdict: z.literal("ok") }),
  z.object({ verdict: z.literal("revise"), subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(4_000), issues: z.array(z.string()).default([]) }),
]);

/** One review-and-revise pass. A refusal (token ceiling, kill switch…) keeps the current draft. */
export async function refineEmail(state: ComposeStateType, config?: LangGraphRunnableConfig): Promise<Partial<ComposeStateType>> {
  const draft = state.draft!;
  try {
    const { value } = await completeJson(
      callContext(config, meta, { node: "refine_email", promptVersion: PROMPT_VERSION, vertical: state.brief.company.vertical }),
      refineMessages(state.brief, draft),
      Review,
      { maxTokens: 600, temperature: 0.2 },
    );
    if (value.verdict === "ok") return { refineDone: true };
    return {
      draft: {
        ...draft,
        subject: value.subject,
        body: value.body,
        refinements: draft.refinements + 1,
        provenance: { ...draft.provenance, reason: `${draft.provenance.reason} Revised ${draft.refinements + 1}× on review${value.issues.length ? `: ${value.issues.join("; ")}` : ""}.` },
      },
    };
  } catch (e) {
    if (!isModelUnavailable(e)) throw e;
    return { refineDone: true };
  }
}
