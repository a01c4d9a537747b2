import { Annotation } from "@langchain/langgraph";
import type { Provenance as RecordedProvenance } from "@/db/schema";

/**
 * Which path produced a decision, and why — recorded by `callModel` for every node that may call
 * a model. `model`/`cache`: the model answered (or its cached answer was reused) under
 * `promptVersion`. `fallback`: the deterministic path named `fallback` ran because of `why` (the
 * gateway's refusal — offline, kill_switch, budget_exhausted, token_ceiling, invalid_output,
 * provider_error, timeout — or `unusable_answer`), at `templateVersion`: an offline template's
 * `template-vN`, or the graph's RULES_VERSION when the fallback is a rule set.
 */
export type CallPath =
  | { node: string; path: "model" | "cache"; model: string; promptVersion: string }
  | { node: string; path: "fallback"; fallback: string; why: string; templateVersion: string };
export type ModelPath = Extract<CallPath, { path: "model" | "cache" }>;
export type FallbackPath = Extract<CallPath, { path: "fallback" }>;

/**
 * Every AI decision's provenance `{confidence, reason, source, evidence}` and, where a model call
 * (or its fallback) made it, the path that ran. A confidence is model-reported and clamped, or a
 * rule's documented value; each node says which.
 */
export type Provenance = RecordedProvenance & { path?: CallPath };
/** Provenance of a decision that a model call or its fallback made: the path is always there. */
export type CalledProvenance = RecordedProvenance & { path: CallPath };

/** The version stamped where a prompt version goes: the prompt's when a model answered, else the template's. */
export function versionOf(path: CallPath): string {
  return path.path === "fallback" ? path.templateVersion : path.promptVersion;
}

/** A fallback's reason in words, for a provenance `reason` a person reads. */
export function whyInWords(why: string): string {
  return why === "offline" ? "no model configured" : `model unavailable: ${why}`;
}

/**
 * The run's trail of model-call paths, one per call, in order: a state channel every graph with
 * model calls keeps (a subgraph's trail is appended by the node that runs it).
 */
export const callTrail = () => Annotation<CallPath[]>({ reducer: (trail, more) => [...trail, ...more], default: () => [] });
