import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/** campaign_panel's limits, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** Output tokens for one lens: an argument of a few sentences and its proposals. */
  lensMaxTokens: z.number().int().min(150).max(1500).default(600),
  /** Output tokens for the agreed plan: six per-touch angles and a stop sentence. */
  agreeMaxTokens: z.number().int().min(200).max(2000).default(800),
  /** Audience themes shown to the lenses (the rest are counted, not described). */
  themesShown: z.number().int().min(1).max(12).default(6),
});
export type CampaignPanelConfig = ReturnType<typeof resolveConfig>;
