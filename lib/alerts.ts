import { formatUsd } from "@/lib/format";
/** Events an on-call person must hear about, never only a dashboard. */
export type AlertEvent =
  | { type: "budget_warning" | "budget_exhausted"; graph: string; day: string; spentUsd: number; limitUsd: number }
  | { type: "kill_switch"; enabled: boolean; by: string | null };

/** Longest one delivery may take, connection to last byte; a hung receiver costs no more than this. */
export const ALERT_TIMEOUT_MS = 2_000;

function textOf(event: AlertEvent): string {
  if (event.type === "kill_switch") return `Model kill switch turned ${event.enabled ? "ON" : "off"}${event.by ? ` by ${event.by}` : ""}.`;
  const usd = formatUsd;
  const amounts = `${usd(event.spentUsd)} of ${usd(event.limitUsd)} (${event.day})`;
  return event.type === "budget_exhausted"
    ? `Graph ${event.graph} reached its daily model budget; its model calls are refused until tomorrow: ${amounts}.`
    : `Graph ${event.graph} passed 80 % of its daily model budget: ${amounts}.`;
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  return e.cause instanceof Error ? `${e.name}: ${e.message} (${e.cause.message})` : `${e.name}: ${e.message}`;
}

/**
 * Posts an alert to the webhook, if one is configured. Never throws: a down or hung webhook is
 * logged and the event is not retried. Callers that must not wait (an admin's toggle, a model
 * call) start it without awaiting it.
 */
export async function sendAlert(webhookUrl: string | undefined, event: AlertEvent): Promise<void> {
  if (!webhookUrl) return;
  try {
    const response = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: textOf(event), event: { ...event, at: new Date().toISOString() } }),
      // A redirect could carry the event to a host nobody configured.
      redirect: "error",
      signal: AbortSignal.timeout(ALERT_TIMEOUT_MS),
    });
    // Read to the end (within the timeout) so the connection is released, not held until GC.
    await response.arrayBuffer();
    if (!response.ok) console.error(`[alerts] webhook answered ${response.status} for ${event.type}`);
  } catch (e) {
    // The URL is left out on purpose: a Slack-style webhook URL is itself a secret (its host and port are not).
    console.error(`[alerts] could not deliver ${event.type}: ${describe(e)}`);
  }
}
