import type { ComposeInput, ComposeOutput } from "./email-compose/graph";
import type { ApprovalResponse, OrchestratorInput, OrchestratorOutput } from "./email-orchestrator/graph";
import { defineGraph, defineRegistry } from "./spec";

/**
 * The fleet: every graph the console runs, in one frozen list. Graph modules are imported lazily
 * by the runtime on their first run; this file imports none of them (type imports only).
 * `npm run langgraph:json` writes langgraph.json from this list.
 */
export const FLEET = defineRegistry([
  defineGraph<{ input: OrchestratorInput; output: OrchestratorOutput; resume: ApprovalResponse }>()({
    assistantId: "email_orchestrator",
    description: "Gates, plans and drafts one email for a contact, then waits for a person to approve, edit or reject it.",
    load: () => import("./email-orchestrator/graph"),
    resumable: true,
    budget: "thinking",
    feature: "outreach",
    entry: "./graphs/email-orchestrator/graph.ts:graph",
  }),
  defineGraph<{ input: ComposeInput; output: ComposeOutput; resume: never }>()({
    assistantId: "email_compose",
    description: "Writes one email from a brief: a draft, then at most two review passes.",
    load: () => import("./email-compose/graph"),
    resumable: false,
    budget: "standard",
    feature: "outreach",
    entry: "./graphs/email-compose/graph.ts:graph",
  }),
  defineGraph<{ input: import("./inbound-classify/graph").ClassifyInput; output: import("./inbound-classify/graph").ClassifyOutput; resume: never }>()({
    assistantId: "inbound_classify",
    description: "Labels an inbound email (interested, unsubscribe, bounced…) as strict JSON with its polarity; keyword rules when no model may answer.",
    load: () => import("./inbound-classify/graph"),
    resumable: false,
    budget: "background",
    feature: "inbound",
    entry: "./graphs/inbound-classify/graph.ts:graph",
  }),
  defineGraph<{ input: import("./email-reply/graph").ReplyInput; output: import("./email-reply/graph").ReplyOutput; resume: never }>()({
    assistantId: "email_reply",
    description: "Drafts an answer to a contact's inbound message with the compose subgraph; returns the draft without storing or sending it.",
    load: () => import("./email-reply/graph"),
    resumable: false,
    budget: "standard",
    feature: "outreach",
    entry: "./graphs/email-reply/graph.ts:graph",
  }),
  defineGraph<{ input: import("./memory-reflect/graph").ReflectInput; output: import("./memory-reflect/graph").ReflectOutput; resume: never }>()({
    assistantId: "memory_reflect",
    description: "Remembers one email as a one-line graph_derived memory of the contact; run in the background.",
    load: () => import("./memory-reflect/graph"),
    resumable: false,
    budget: "background",
    feature: "memory",
    entry: "./graphs/memory-reflect/graph.ts:graph",
  }),
  defineGraph<{ input: import("./text-to-sql/graph").TextToSqlInput; output: import("./text-to-sql/graph").TextToSqlOutput; resume: never }>()({
    assistantId: "text_to_sql",
    description: "Answers a CRM question: SQL written (or a fixed report matched), gated, run read-only, repaired at most twice, summarised from the rows only.",
    load: () => import("./text-to-sql/graph"),
    resumable: false,
    budget: "default",
    feature: "analytics",
    entry: "./graphs/text-to-sql/graph.ts:graph",
  }),
  defineGraph<{ input: import("./touch-attribution/graph").AttributionInput; output: import("./touch-attribution/graph").AttributionOutput; resume: never }>()({
    assistantId: "touch_attribution",
    description: "Credits a contact's or a campaign's conversions to the emails before them: model-weighted for the latest ten when a model may answer, last touch otherwise, each labelled.",
    load: () => import("./touch-attribution/graph"),
    resumable: false,
    budget: "default",
    feature: "analytics",
    entry: "./graphs/touch-attribution/graph.ts:graph",
  }),
]);

export type Fleet = typeof FLEET;
