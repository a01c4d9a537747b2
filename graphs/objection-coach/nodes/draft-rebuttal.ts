import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { OFFLINE_MODEL_LABEL } from "@/lib/llm/types";
import { OBJECTION_LABELS } from "@/lib/objections/kinds";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { draftMessages, PROMPT_VERSION } from "../prompts";
import { replySubject, RULES_VERSION, templateConfidence, templateCore } from "../rules";
import type { ObjectionCoachStateType, Rebuttal } from "../state";

const ModelRebuttal = z.object({ body: z.string().trim().min(20).max(2_000) });

type Written = Pick<Rebuttal, "written" | "model" | "promptVersion" | "provenance">;

/**
 * Writes the rebuttal's core from the playbook entry for the class and the company's facts: the
 * model restates them for this message; offline (or on invalid output) the template uses them as
 * written. The faithfulness gate runs next, on either.
 */
export async function draftRebuttal(state: ObjectionCoachStateType, config?: LangGraphRunnableConfig): Promise<Partial<ObjectionCoachStateType>> {
  const context = state.context!;
  const kind = state.classification!.objection;
  const entry = context.playbook.entries.find((e) => e.objection === kind);
  if (!entry) throw new Error(`The ${context.company.vertical} playbook (version ${context.playbook.version}) has no entry for ${kind}`);
  const label = OBJECTION_LABELS[entry.objection];
  const limits = resolveConfig(config);
  const message = (context.inbound?.body ?? context.note ?? "").slice(0, limits.maxMessageChars);
  const sourcesLine = `playbook ${context.company.vertical} v${context.playbook.version}: ${label}`;
  const factLines = context.facts.map((f) => `fact ${f.id}: ${f.fact}`);
  const { value, path } = await callModel<z.output<typeof ModelRebuttal>, Written>({
    config,
    meta,
    node: "draft_rebuttal",
    promptVersion: PROMPT_VERSION,
    vertical: context.company.vertical,
    messages: draftMessages({ entry, facts: context.facts, company: context.company.name, message, source: context.inbound ? "email" : "note" }),
    schema: ModelRebuttal,
    options: { maxTokens: limits.draftMaxTokens, temperature: 0.3 },
    // A model's self-assessment of a rebuttal is not asked for: its confidence is the class's, then the gate's verdict.
    use: ({ value: answer, model }, modelPath) => ({
      written: answer.body,
      model,
      promptVersion: PROMPT_VERSION,
      provenance: {
        confidence: state.classification!.confidence,
        reason: `${model} restated the ${label} playbook entry for this message.`,
        source: "model",
        evidence: [sourcesLine, ...factLines],
        path: modelPath,
      },
    }),
    fallback: {
      name: "playbook_template",
      version: RULES_VERSION,
      run: (why, fallbackPath) => {
        const fact = context.facts[0];
        const confidence = templateConfidence(entry, fact);
        return {
          written: templateCore(entry, fact, context.company.name),
          model: OFFLINE_MODEL_LABEL,
          promptVersion: RULES_VERSION,
          provenance: { confidence, reason: `Playbook template (${why}): the approved ${label} response as written.`, source: "rule_based_fallback", evidence: [sourcesLine, ...factLines.slice(0, 1)], path: fallbackPath },
        };
      },
    },
  });
  const subject = replySubject(context.inbound?.subject ?? null, context.company.name);
  return { rebuttal: { ...value, subject, body: "", sentences: [], reviewFlags: [] }, calls: [path] };
}
