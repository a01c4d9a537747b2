import { z } from "zod";
import { configResolver } from "@/graphs/shared/config";

/**
 * email_orchestrator's limits, with their bounds; `resolveConfig(config)` is the only reader.
 * The safety gate, the cooldown (FOLLOWUP_DAYS) and the qualify threshold are policy in rules.ts
 * and lib/safety, never a run's configurable.
 */
export const resolveConfig = configResolver({
  /** Output tokens for the plan and the roles: a short JSON list each. */
  planMaxTokens: z.number().int().min(20).max(400).default(100),
  rolesMaxTokens: z.number().int().min(20).max(400).default(60),
  /** Memories a draft may draw on (the brief holds at most ten). */
  maxMemories: z.number().int().min(0).max(10).default(10),
});
export type OrchestratorConfig = ReturnType<typeof resolveConfig>;
