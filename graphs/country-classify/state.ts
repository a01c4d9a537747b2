import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import { callTrail, type Provenance } from "@/graphs/shared/provenance";
import type { CountryResolution } from "@/lib/geo/resolve";

/** Longest HQ string read; LinkedIn's are under 100 characters. */
export const MAX_HQ_CHARS = 300;

export const inputSchema = z
  .object({
    /** The company's HQ as written ("Austin, TX", "Berlin, Berlin, Germany", "Remote"); may be empty. */
    hq: z.string().max(MAX_HQ_CHARS),
  })
  .strict();
export type CountryClassifyInput = z.input<typeof inputSchema>;

/** The model's answer once validated: a real alpha-2 code or null, a confidence in 0–1, at most two reasons. */
export type ModelCountryAnswer = { country: string | null; confidence: number; reasons: string[]; model: string };

/**
 * Who decided. `model`: the model's answer (the offline resolver was not sure of another);
 * `rules`: the offline resolver — sure of an answer the model contradicted, or the input was
 * blank so no model was asked; `rule_based_fallback`: the model could not answer.
 */
export type DecisionSource = "model" | "rules" | "rule_based_fallback";

/** The strict JSON contract {country, confidence, reasons}, with the decision's provenance and version. */
export type CountryDecision = {
  country: string | null;
  confidence: number;
  /** At most two short sentences. */
  reasons: string[];
  provenance: Provenance & { source: DecisionSource };
  /** PROMPT_VERSION when the model's answer stands, else RULES_VERSION. */
  promptVersion: string;
  /** The model whose answer stands; null when the rules decided. */
  model: string | null;
};

export const CountryClassifyState = Annotation.Root({
  hq: Annotation<string>,
  /** The offline resolver's answer (lib/geo), always computed: the fallback, and the check on the model. */
  resolution: Annotation<CountryResolution | undefined>,
  answer: Annotation<ModelCountryAnswer | undefined>,
  decision: Annotation<CountryDecision | undefined>,
  /** The model call's path (graphs/shared/provenance.ts). */
  calls: callTrail(),
});
export type CountryClassifyStateType = typeof CountryClassifyState.State;
export type CountryClassifyOutput = CountryClassifyStateType;
