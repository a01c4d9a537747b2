import { campaignThreadId, campaignThreadName } from "@/db/queries/enrollments";
import type { Fleet } from "@/graphs/registry";
import type { GraphClient } from "@/lib/langgraph/client";

/** Thread creations in flight at once: enough to hide a remote runtime's round trip, few enough not to crowd its other callers. */
export const THREAD_CREATE_CONCURRENCY = 16;

export type ThreadLaunch = { created: number; failed: number; firstError: string | null };

/**
 * Launch's "threads created" step: one thread per enrolled contact, under its derived id, with
 * the campaign, the contact and the readable name in its metadata, created through the typed
 * client (embedded runtime or LangGraph Platform alike), a bounded number at a time. Idempotent
 * (`if_exists: do_nothing`), so a relaunch or a first wake racing it is harmless. A creation that
 * fails is counted, not fatal: the enrollment is already written, and its first wake creates the
 * thread it finds missing.
 */
export async function createCampaignThreads(
  graphs: Pick<GraphClient<Fleet>, "threads">,
  campaignId: number,
  contactIds: readonly number[],
  options: { concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<ThreadLaunch> {
  const result: ThreadLaunch = { created: 0, failed: 0, firstError: null };
  let next = 0;
  const worker = async () => {
    while (next < contactIds.length) {
      const contactId = contactIds[next++]!;
      const metadata = { campaign_thread: campaignThreadName(campaignId, contactId), campaign_id: campaignId, contact_id: contactId };
      try {
        await graphs.threads.create(campaignThreadId(campaignId, contactId), { metadata, graphId: "campaign" });
        result.created++;
      } catch (e) {
        result.failed++;
        result.firstError ??= e instanceof Error ? e.message : String(e);
      }
      options.onProgress?.(result.created + result.failed, contactIds.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? THREAD_CREATE_CONCURRENCY, contactIds.length) }, worker));
  return result;
}
