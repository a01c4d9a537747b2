import type { Fleet } from "@/graphs/registry";
import type { GraphClient } from "@/lib/langgraph/client";
import type { JobSpecs } from "../catalog";
import type { JobHandler } from "../kind";

/**
 * Runs score_contact for one contact, which stores its new score. A failed run throws, so the job
 * is retried; a contact deleted since the job was queued is a result (nothing to score), logged.
 */
export function rescoreContact(client: Pick<GraphClient<Fleet>, "run">, log: Pick<Console, "warn"> = console): JobHandler<JobSpecs["contact_score"]["payload"]> {
  return async ({ contactId }, context) => {
    const result = await client.run("score_contact", { contactId }, context.parentRunId ? { parentRunId: context.parentRunId } : undefined);
    if (!result.values.stored) log.warn(`[contact_score] contact ${contactId} no longer exists; nothing scored.`);
  };
}
