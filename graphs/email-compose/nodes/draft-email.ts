import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { TEMPLATE_VERSION, templateDraft } from "@/lib/outreach/templates";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { draftMessages, PROMPT_VERSION } from "../prompts";
import { factsFor, modelDraftConfidence } from "../rules";
import type { ComposedDraft, ComposeStateType } from "../state";

const DraftOutput = z.object({ subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(4_000) });

function revisedFor(brief: ComposeStateType["brief"]): string {
  if (!brief.instruction) return "";
  return brief.instruction.text ? `, redrafted as the rep asked: "${brief.instruction.text}"` : ", regenerated at the rep's request";
}

/**
 * Writes the first draft with the model, or with the offline template when no model may.
 * Confidence: the grounding rule (rules.ts) for a model draft; the template's documented values
 * (lib/outreach/templates.ts) for a template draft.
 */
export async function draftEmail(state: ComposeStateType, config?: LangGraphRunnableConfig): Promise<Partial<ComposeStateType>> {
  const { brief } = state;
  const limits = resolveConfig(config);
  const { value, path } = await callModel<z.infer<typeof DraftOutput>, Partial<ComposeStateType> & { draft: ComposedDraft }>({
    config,
    meta,
    node: "draft_email",
    promptVersion: PROMPT_VERSION,
    vertical: brief.company.vertical,
    messages: draftMessages(brief),
    schema: DraftOutput,
    // A requested new version never replays a cached answer (regenerating would return the same email).
    options: { maxTokens: limits.draftMaxTokens, temperature: limits.draftTemperature, ...(brief.instruction ? { cache: false } : {}) },
    use: ({ value, model }, path) => {
      const facts = factsFor(brief);
      return {
        draft: {
          subject: value.subject,
          body: value.body,
          model,
          refinements: 0,
          provenance: {
            confidence: modelDraftConfidence(facts.length),
            reason: `Written by ${model} from ${facts.length} company facts${brief.memories.length ? ` and ${brief.memories.length} notes` : ""} for a ${brief.action} email${revisedFor(brief)}.`,
            source: "model",
            evidence: facts.map((f) => `${f.fact} (${f.source}, ${Math.round(f.confidence * 100)}%)`),
            path,
          },
        },
      };
    },
    fallback: {
      name: "offline_template",
      version: TEMPLATE_VERSION,
      run: (why, path) => {
        const draft = templateDraft(brief, why);
        return { draft: { ...draft, provenance: { ...draft.provenance, path } }, refineDone: true };
      },
    },
  });
  return { ...value, calls: [path] };
}
