import type { CampaignPanelInput, CampaignPanelOutput } from "./campaign-panel/graph";
import { meta as campaignPanel } from "./campaign-panel/meta";
import type { CountryClassifyInput, CountryClassifyOutput } from "./country-classify/graph";
import { meta as countryClassify } from "./country-classify/meta";
import type { CrmOrchestratorInput, CrmOrchestratorOutput } from "./crm-orchestrator/graph";
import { meta as crmOrchestrator } from "./crm-orchestrator/meta";
import type { ComposeInput, ComposeOutput } from "./email-compose/graph";
import { meta as emailCompose } from "./email-compose/meta";
import type { ApprovalResponse, OrchestratorInput, OrchestratorOutput } from "./email-orchestrator/graph";
import { meta as emailOrchestrator } from "./email-orchestrator/meta";
import type { ReplyInput, ReplyOutput } from "./email-reply/graph";
import { meta as emailReply } from "./email-reply/meta";
import type { ClassifyInput, ClassifyOutput } from "./inbound-classify/graph";
import { meta as inboundClassify } from "./inbound-classify/meta";
import type { LeadToProposalInput, LeadToProposalOutput, ProposalResponse } from "./lead-to-proposal/graph";
import { meta as leadToProposal } from "./lead-to-proposal/meta";
import type { ReflectInput, ReflectOutput } from "./memory-reflect/graph";
import { meta as memoryReflect } from "./memory-reflect/meta";
import type { ScoreContactInput, ScoreContactOutput } from "./score-contact/graph";
import { meta as scoreContact } from "./score-contact/meta";
import type { ObjectionCoachInput, ObjectionCoachOutput } from "./objection-coach/graph";
import { meta as objectionCoach } from "./objection-coach/meta";
import { defineGraph, defineRegistry } from "./spec";
import type { CampaignInput, CampaignOutput, CampaignResume } from "./campaign/graph";
import { meta as campaign } from "./campaign/meta";
import type { TextToSqlInput, TextToSqlOutput } from "./text-to-sql/graph";
import { meta as textToSql } from "./text-to-sql/meta";
import type { AttributionInput, AttributionOutput } from "./touch-attribution/graph";
import { meta as touchAttribution } from "./touch-attribution/meta";

/**
 * The fleet: every graph the console runs, in one frozen list, each from its folder's `meta.ts`.
 * Graph modules are imported lazily by the runtime on their first run; this file imports only
 * their metas (plain objects) and types. `npm run langgraph:json` writes langgraph.json from it.
 */
export const FLEET = defineRegistry([
  defineGraph<{ input: OrchestratorInput; output: OrchestratorOutput; resume: ApprovalResponse }>()(emailOrchestrator, () => import("./email-orchestrator/graph")),
  defineGraph<{ input: ComposeInput; output: ComposeOutput; resume: never }>()(emailCompose, () => import("./email-compose/graph")),
  defineGraph<{ input: ClassifyInput; output: ClassifyOutput; resume: never }>()(inboundClassify, () => import("./inbound-classify/graph")),
  defineGraph<{ input: ReplyInput; output: ReplyOutput; resume: never }>()(emailReply, () => import("./email-reply/graph")),
  defineGraph<{ input: ReflectInput; output: ReflectOutput; resume: never }>()(memoryReflect, () => import("./memory-reflect/graph")),
  defineGraph<{ input: TextToSqlInput; output: TextToSqlOutput; resume: never }>()(textToSql, () => import("./text-to-sql/graph")),
  defineGraph<{ input: AttributionInput; output: AttributionOutput; resume: never }>()(touchAttribution, () => import("./touch-attribution/graph")),
  defineGraph<{ input: CountryClassifyInput; output: CountryClassifyOutput; resume: never }>()(countryClassify, () => import("./country-classify/graph")),
  defineGraph<{ input: LeadToProposalInput; output: LeadToProposalOutput; resume: ProposalResponse }>()(leadToProposal, () => import("./lead-to-proposal/graph")),
  defineGraph<{ input: CampaignPanelInput; output: CampaignPanelOutput; resume: never }>()(campaignPanel, () => import("./campaign-panel/graph")),
  defineGraph<{ input: CampaignInput; output: CampaignOutput; resume: CampaignResume }>()(campaign, () => import("./campaign/graph")),
  defineGraph<{ input: ScoreContactInput; output: ScoreContactOutput; resume: never }>()(scoreContact, () => import("./score-contact/graph")),
  defineGraph<{ input: ObjectionCoachInput; output: ObjectionCoachOutput; resume: ApprovalResponse }>()(objectionCoach, () => import("./objection-coach/graph")),
  defineGraph<{ input: CrmOrchestratorInput; output: CrmOrchestratorOutput; resume: never }>()(crmOrchestrator, () => import("./crm-orchestrator/graph")),
]);

export type Fleet = typeof FLEET;

/**
 * The graph whose paused thread decides a stored draft, from the draft's `graph_id`: the
 * objection coach's replies wait in its own threads; every other draft in the queue is the
 * email orchestrator's.
 */
export function draftDecider(graphId: string): typeof emailOrchestrator.assistantId | typeof objectionCoach.assistantId {
  return graphId === objectionCoach.assistantId ? objectionCoach.assistantId : emailOrchestrator.assistantId;
}
