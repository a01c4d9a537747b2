/** Events an on-call person must hear about, never only a dashboard. */
export type AlertEvent =
  | { type: "budget_warning" | "budget_exhausted"; graph: string; day: string; spentUsd: number; limitUsd: number }
  | { type: "kill_switch"; enabled: boolean; by: string | null };

/**
 * Posts an alert to the webhook, if one is configured. Never awaited on a hot path by callers
 * that can't wait, never throws: a down webhook is logged, and the event is not retried.
 */
export async function sendAlert(webhookUrl: string | undefined, event: AlertEvent): Promise<void> {
  if (!webhookUrl) return;
  const text = event.type === "kill_switch"
    ? `Model kill switch turned ${event.enabled ? "ON" : "off"}${event.by ? ` by ${event.by}` : ""}.`
    : `Graph ${event.graph} ${event.type === "budget_exhausted" ? "reached" : "passed 80 % of"} its daily model budget: $${event.spentUsd.toFixed(4)} of $${event.limitUsd.toFixed(2)} (${event.day}).`;
  try {
    const response = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, event: { ...event, at: new Date().toISOString() } }),
      signal: AbortSignal.timeout(2_000),
    });
    if (!response.ok) console.error(`[alerts] webhook answered ${response.status} for ${event.type}`);
  } catch (e) {
    console.error(`[alerts] could not deliver ${event.type}`, e);
  }
}
