import type { Fleet } from "@/graphs/registry";
import type { InputOf } from "@/graphs/spec";
import type { GraphClient } from "@/lib/langgraph/client";

/**
 * Starts a memory_reflect run for one email and returns without waiting for it: a slow or failing
 * memory write must never hold up a draft or an inbound webhook. Callers `void` the result; the
 * promise settles when the run ends, never rejects, and a failure is logged with the email it concerned.
 */
export function reflectInBackground(client: Pick<GraphClient<Fleet>, "run">, input: InputOf<Fleet, "memory_reflect">): Promise<void> {
  return Promise.resolve()
    .then(() => client.run("memory_reflect", input))
    .then(
      (result) => {
        const outcome = result.values.outcome;
        if (outcome?.status !== "stored") console.warn(`[memory_reflect] no memory for email ${input.emailId} of contact ${input.contactId}: ${outcome?.status === "skipped" ? outcome.reason : "no outcome"}`);
      },
      (e: unknown) => console.error(`[memory_reflect] reflecting on email ${input.emailId} of contact ${input.contactId} failed`, e),
    );
}
