/**
 * Limits the create form and the service share; plain values so the client form can import them
 * without pulling the server service into its bundle.
 */

/** Long enough for a descriptive name, short enough to read as a page title. */
export const CAMPAIGN_NAME_MAX = 80;
