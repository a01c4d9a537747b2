import type { Database } from "@/db/client";
import { DRAFT_DECISION_KIND, getDraft } from "@/db/queries/drafts";
import type { Fleet } from "@/graphs/registry";
import type { GraphClient } from "@/lib/langgraph/client";
import { resumeDraftThread } from "@/lib/campaigns/resume-draft";
import { isAppError } from "@/lib/errors";
import type { JobSpecs } from "../catalog";
import { PermanentJobError, type JobHandler } from "../kind";

export type DecisionDeps = { database: Database; graphs: Pick<GraphClient<Fleet>, "resume"> };

/**
 * Applies a console approval once its undo window has passed: resumes the draft's thread with
 * it, and the graph queues the message and its delivery job as for any approval. A draft decided
 * meanwhile by someone else (Agent Inbox, the SDK) is left as they decided it. A thread that is
 * busy is retried; one no longer waiting while the draft still does cannot take the decision.
 */
export function applyPendingDecision(deps: DecisionDeps): JobHandler<JobSpecs[typeof DRAFT_DECISION_KIND]["payload"]> {
  return async ({ draftId, threadId, decision, decidedBy }, context) => {
    const draft = await getDraft(deps.database, draftId);
    if (!draft) throw new PermanentJobError(`Draft ${draftId} does not exist.`);
    if (draft.status !== "draft") return;
    const response =
      decision.type === "edit" ? { type: "edit" as const, args: { subject: decision.subject, body: decision.body }, decidedBy } : { type: "accept" as const, decidedBy };
    try {
      await resumeDraftThread(deps.graphs, { graphId: draft.graphId, threadId }, response, context.now());
    } catch (e) {
      if (!isAppError(e) || e.status !== 409) throw e;
      if ((await getDraft(deps.database, draftId))?.status !== "draft") return;
      throw new PermanentJobError(`The thread of draft ${draftId} is not waiting for a decision.`, { cause: e });
    }
  };
}
