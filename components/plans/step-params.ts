import { humanize } from "@/lib/format";

/** The names the plan page already has, so a step's ids read as the records they point at. */
export type KnownNames = {
  contactId?: number | null;
  contactName?: string | null;
  companyId?: number | null;
  companyName?: string | null;
  /** Every contact the plan's steps name, by id (an account's plan works through several). */
  contacts?: Readonly<Record<number, string>>;
};

const KEY_LABELS: Record<string, string> = { contactId: "Contact", companyId: "Company", campaignId: "Campaign" };

/** A token-valued param (a seniority, a vertical) reads as its label; free text is left as written. */
function valueWords(value: unknown): string {
  if (typeof value === "string") return /^[a-z]+(?:_[a-z]+)+$|^(?:saas|vp)$/.test(value) ? humanize(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(valueWords).join(", ");
  if (value === null || value === undefined) return "—";
  return JSON.stringify(value);
}

/**
 * A step's params as "Label: value" pairs for a person: ids the page can name become names
 * ("Contact: Ada Lovelace"), other keys are split into words ("dueInDays" → "Due in days").
 */
export function stepParamRows(params: Record<string, unknown> | null | undefined, names: KnownNames = {}): [string, string][] {
  return Object.entries(params ?? {}).map(([key, value]) => {
    if (key === "contactId" && value === names.contactId && names.contactName) return ["Contact", names.contactName];
    if (key === "contactId" && typeof value === "number" && names.contacts?.[value]) return ["Contact", names.contacts[value]];
    if (key === "companyId" && value === names.companyId && names.companyName) return ["Company", names.companyName];
    const label = KEY_LABELS[key] ?? humanize(key.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase());
    return [label, KEY_LABELS[key] ? `#${valueWords(value)}` : valueWords(value)];
  });
}
