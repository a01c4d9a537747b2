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
]);

export type Fleet = typeof FLEET;
