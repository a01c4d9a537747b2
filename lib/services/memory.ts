import "server-only";
import { memoryDedupeKey, type JobPayload } from "@/lib/jobs/catalog";
import { jobQueue } from "@/lib/jobs/instance";

/**
 * Queues a memory_reflect job for one email and returns once it is queued, never waiting for the
 * reflection: a slow or failing memory write must never hold up a send or an inbound webhook.
 * Never rejects; a failure to queue is logged with the email it concerned (the reflection is lost,
 * nothing else is). The job retries a failed run on its own.
 */
export async function reflectLater(input: JobPayload<"memory_reflect">, queue: Pick<ReturnType<typeof jobQueue>, "enqueue"> = jobQueue()): Promise<void> {
  try {
    await queue.enqueue("memory_reflect", input, { dedupeKey: memoryDedupeKey(input.emailId) });
  } catch (e) {
    console.error(`[memory_reflect] could not queue a reflection on email ${input.emailId} of contact ${input.contactId}`, e);
  }
}
