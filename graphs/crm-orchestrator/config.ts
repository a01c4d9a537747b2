import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";
import { AUTONOMY_LEVELS, DEFAULT_AUTONOMY } from "@/lib/crm-actions/gate";

/** crm_orchestrator's limits, with their bounds; `resolveConfig(config)` is the only reader. */
export const resolveConfig = configResolver({
  /** Output tokens for the reasoning and up to `maxActions` typed actions. */
  maxTokens: z.number().int().min(200).max(2000).default(900),
  /** Most actions one plan keeps; later ones are dropped as over the limit. */
  maxActions: z.number().int().min(1).max(12).default(8),
  /** The autonomy level the gate applies when the run's input names none. */
  autonomy: z.enum(AUTONOMY_LEVELS).default(DEFAULT_AUTONOMY),
});
export type CrmOrchestratorConfig = ReturnType<typeof resolveConfig>;
