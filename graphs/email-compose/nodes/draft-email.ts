import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { completeJson } from "@/lib/llm";
import { isModelUnavailable } from "@/lib/llm/types";
import { callContext } from "@/graphs/shared/call-context";
import { templateDraft } from "@/lib/outreach/templates";
import { draftMessages, PROMPT_VERSION } from "../prompts";
import type { ComposeStateType } from "../state";
import { meta } from "../meta";

const DraftOutput = z.object({ subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(4_000) });

/** Writes the first draft with the model, or with the offline template when no model may. */
export async function draftEmail(state: ComposeStateType, config?: LangGraphRunnableConfig): Promise<Partial<ComposeStateType>> {
  const { brief } = state;
  try {
    const result = await completeJson(
      callContext(config, meta, { node: "draft_email", promptVersion: PROMPT_VERSION, vertical: brief.company.vertical }),
      draftMessages(brief),
      DraftOutput,
      { maxTokens: 600, temperature: 0.4 },
    );
    const facts = brief.roles.includes("researcher") ? brief.facts : [];
    return {
      draft: {
        subject: result.value.subject,
        body: result.value.body,
        model: result.model,
        refinements: 0,
        provenance: {
          confidence: 0.75,
          reason: `Written by ${result.model} from ${facts.length} company facts${brief.memories.length ? ` and ${brief.memories.length} notes` : ""} for a ${brief.action} email.`,
          source: "model",
          evidence: facts.map((f) => `${f.fact} (${f.source}, ${Math.round(f.confidence * 100)}%)`),
        },
      },
    };
  } catch (e) {
    if (!isModelUnavailable(e)) throw e;
    return { draft: templateDraft(brief, e.reason === "offline" ? "no model configured" : `model unavailable: ${e.reason}`), refineDone: true };
  }
}
