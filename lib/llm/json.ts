import type { z } from "zod";

const FENCE = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/;

/**
 * The JSON value in a model's answer. Models wrap JSON in ```json fences or a sentence of
 * preamble even when told not to, so this tries the whole text, then a fenced block, then the
 * outermost {…} or […] span. Throws when none parses.
 */
export function extractJson(text: string): unknown {
  const candidates = [text.trim()];
  const fenced = FENCE.exec(text)?.[1];
  if (fenced) candidates.push(fenced.trim());
  for (const [open, close] of [["{", "}"], ["[", "]"]] as const) {
    const start = text.indexOf(open);
    const end = text.lastIndexOf(close);
    if (start !== -1 && end > start) candidates.push(text.slice(start, end + 1));
  }
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Not this candidate; the next one may be the JSON. Failing them all throws below.
    }
  }
  throw new Error(`no JSON value in the model's answer (${text.length} chars)`);
}

/** Extracts and validates; throws an Error describing the first problems. */
export function parseJsonOutput<T>(text: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(extractJson(text));
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new Error(`the model's JSON does not match the schema: ${problems.join("; ")}`);
}
