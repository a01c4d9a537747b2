import type { Fleet } from "@/graphs/registry";
import type { GraphClient } from "@/lib/langgraph/client";
import type { JobSpecs } from "../catalog";
import type { JobHandler } from "../kind";

/**
 * Runs memory_reflect for one email. A run that fails throws, so the job is retried; a run that
 * decides there is nothing worth remembering is a result, logged, not an error.
 */
export function reflectOnEmail(
  client: Pick<GraphClient<Fleet>, "run">,
  log: Pick<Console, "warn"> = console,
): JobHandler<JobSpecs["memory_reflect"]["payload"]> {
  return async (input, context) => {
    // Under the run that approved the email, when the job knows it: the run page shows it as a child.
    const result = await client.run("memory_reflect", input, context.parentRunId ? { parentRunId: context.parentRunId } : undefined);
    const outcome = result.values.outcome;
    if (outcome?.status !== "stored") {
      log.warn(`[memory_reflect] no memory for email ${input.emailId} of contact ${input.contactId}: ${outcome?.status === "skipped" ? outcome.reason : "no outcome"}`);
    }
  };
}
