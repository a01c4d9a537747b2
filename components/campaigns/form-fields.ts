/**
 * How the create flow maps a refusal to its form: which field shows the message, and which
 * control to move focus to, so a refusal at launch is seen where the operator is looking and
 * then where the fix is made.
 */

/** A server error's field as the form names it: "campaign.plan.cadenceDays.1" → "cadenceDays.1", "audience.filters.q" → "audience". */
export function formField(field: string | undefined): string {
  if (!field) return "form";
  if (field.startsWith("audience")) return "audience";
  return field.replace(/^campaign\./, "").replace(/^plan\./, "");
}

const CONTROL_IDS: Record<string, string> = {
  name: "campaign-name",
  cooldownDays: "cooldown-days",
  audience: "aud-q",
  angle: "plan-angle",
  tone: "plan-tone",
  maxTouches: "plan-touches",
  stopCriteria: "plan-stop",
};

/** The id of the control a form field is typed in, or null when the form has none (a whole-form error). */
export function controlIdOf(field: string): string | null {
  return CONTROL_IDS[field] ?? null;
}
