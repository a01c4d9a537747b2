import type { Database } from "@/db/client";
import type { Fleet } from "@/graphs/registry";
import type { GraphClient } from "@/lib/langgraph/client";
import type { MailTransport } from "@/lib/mail/transport";
import { JOB_SPECS, type JobSpecs } from "./catalog";
import { bindHandlers } from "./kind";
import { rescoreContact } from "./kinds/contact-score";
import { campaignTick, wakeCampaignThread } from "./kinds/campaign-wake";
import { applyPendingDecision } from "./kinds/draft-decision";
import { deliverOutbox, outboxSweep } from "./kinds/outbox-delivery";
import { reflectOnEmail } from "./kinds/memory-reflect";
import type { JobQueue } from "./queue";
import type { PeriodicTask } from "./runner";

export type JobDeps = {
  database: Database;
  mail: { transport: MailTransport; from: string };
  queue: JobQueue<JobSpecs>;
  graphs: Pick<GraphClient<Fleet>, "run" | "resume" | "getState">;
};

/** Every kind of the catalogue with its handler, plus the periodic tasks that go with them. */
export function consoleJobs(deps: JobDeps, overrides: { sweepEveryMs?: number; campaignTickMs?: number } = {}): { kinds: ReturnType<typeof bindHandlers<JobSpecs>>; periodic: PeriodicTask[] } {
  return {
    kinds: bindHandlers(JOB_SPECS, {
      draft_decision: applyPendingDecision(deps),
      outbox_deliver: deliverOutbox(deps),
      memory_reflect: reflectOnEmail(deps.graphs),
      contact_score: rescoreContact(deps.graphs),
      campaign_wake: wakeCampaignThread(deps),
    }),
    periodic: [outboxSweep(deps, overrides.sweepEveryMs), campaignTick(deps, overrides.campaignTickMs)],
  };
}
