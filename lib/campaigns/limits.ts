/**
 * Limits the create form and the service share; plain values so the client form can import them
 * without pulling the server service into its bundle.
 */

/** Long enough for a descriptive name, short enough to read as a page title. */
export const CAMPAIGN_NAME_MAX = 80;

/** Days a contact rests after another campaign before this one may enroll them. */
export const COOLDOWN_DAYS = { min: 0, max: 365 } as const;

/**
 * The create form's sentences, shared by the client's checks and the server's schema so a form
 * never shows zod's own wording ("Too small: expected number to be >=0").
 */
export const CAMPAIGN_MESSAGES = {
  nameMissing: "Name the campaign.",
  nameTooLong: `The campaign name can be at most ${CAMPAIGN_NAME_MAX} characters.`,
  cooldown: `Cooldown must be between ${COOLDOWN_DAYS.min} and ${COOLDOWN_DAYS.max} days.`,
} as const;

/** What is wrong with a campaign name as typed, or null (the server trims it the same way). */
export function campaignNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === "") return CAMPAIGN_MESSAGES.nameMissing;
  if (trimmed.length > CAMPAIGN_NAME_MAX) return CAMPAIGN_MESSAGES.nameTooLong;
  return null;
}

/** What is wrong with a cooldown as typed (a whole number of days in range), or null. */
export function cooldownProblem(days: number): string | null {
  return Number.isInteger(days) && days >= COOLDOWN_DAYS.min && days <= COOLDOWN_DAYS.max ? null : CAMPAIGN_MESSAGES.cooldown;
}
