import { z } from "zod";

/**
 * The panel as stored on a campaign (email_campaigns.panel): what the operator saw before launch.
 * Read defensively — the column is JSON any caller could have written — so a malformed record
 * shows as "no panel", never as a broken page.
 */
const StoredPanel = z.object({
  lenses: z.array(
    z.object({
      lens: z.string(),
      argument: z.string(),
      provenance: z.object({ source: z.string(), confidence: z.number() }).passthrough(),
      promptVersion: z.string().optional(),
    }),
  ),
  provenance: z.object({ source: z.string(), confidence: z.number(), reason: z.string() }).passthrough().optional(),
  promptVersion: z.string().optional(),
  edited: z.array(z.string()).optional(),
});
export type StoredPanel = z.infer<typeof StoredPanel>;

export function readPanel(value: unknown): StoredPanel | null {
  const parsed = StoredPanel.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const LENS_NAMES: Record<string, string> = { strategist: "Strategist", skeptic: "Skeptic", brand_voice: "Brand voice" };

/** Where an argument or plan came from, in words: a model never stands in for the rules or the other way round. */
export function sourceWords(source: string): string {
  if (source === "model") return "Model";
  if (source === "rule_based_fallback") return "Audience rules (offline)";
  if (source === "campaign_panel") return "Panel, reviewed by the operator";
  if (source === "operator") return "Written by the operator";
  if (source === "default_plan") return "Defaults";
  return source;
}
