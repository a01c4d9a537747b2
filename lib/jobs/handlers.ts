import type { Database } from "@/db/client";
import type { Fleet } from "@/graphs/registry";
import type { GraphClient } from "@/lib/langgraph/client";
import type { Governance } from "@/lib/mail/governor-claim";
import type { MailTransport } from "@/lib/mail/transport";
import { JOB_SPECS, type JobSpecs } from "./catalog";
import { bindHandlers } from "./kind";
import { campaignTick, wakeCampaignThread } from "./kinds/campaign-wake";
import { rescoreContact } from "./kinds/contact-score";
import { applyPendingDecision } from "./kinds/draft-decision";
import { deliverOutbox, outboxSweep } from "./kinds/outbox-delivery";
import { reflectOnEmail } from "./kinds/memory-reflect";
import { applyInboundCampaigns } from "./kinds/inbound-campaigns";
import { importLeads, staleUploadSweep } from "./kinds/lead-import";
import type { JobQueue } from "./queue";
import type { PeriodicTask } from "./runner";

export type JobDeps = {
  database: Database;
  mail: { transport: MailTransport; from: string };
  queue: JobQueue<JobSpecs>;
  /** The send governor every delivery runs under. */
  governor: Governance;
  graphs: Pick<GraphClient<Fleet>, "run" | "resume" | "getState">;
};

/** Every kind of the catalogue with its handler, plus the periodic tasks that go with them. */
export function consoleJobs(deps: JobDeps, overrides: { sweepEveryMs?: number; campaignTickMs?: number } = {}): { kinds: ReturnType<typeof bindHandlers<JobSpecs>>; periodic: PeriodicTask[] } {
  return {
    kinds: bindHandlers(JOB_SPECS, {
      draft_decision: applyPendingDecision(deps),
      outbox_deliver: deliverOutbox(deps),
      inbound_campaigns: applyInboundCampaigns(deps),
      memory_reflect: reflectOnEmail(deps.graphs),
      campaign_wake: wakeCampaignThread(deps),
      contact_score: rescoreContact(deps.graphs),
      lead_import: importLeads(deps),
    }),
    periodic: [outboxSweep(deps, overrides.sweepEveryMs), campaignTick(deps, overrides.campaignTickMs), staleUploadSweep(deps)],
  };
}
