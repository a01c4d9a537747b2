import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { readSetting, writeSetting } from "@/db/queries/settings";
import { hasRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { AUTONOMY_LEVELS, DEFAULT_AUTONOMY, type AutonomyLevel } from "@/lib/crm-actions/gate";
import { AppError, invalidInput } from "@/lib/errors";

/** The settings key of the CRM orchestrator's autonomy level; its value is `{ "level": AutonomyLevel }`. */
export const AUTONOMY_KEY = "plans.autonomy";

export const AutonomyInput = z.object({
  level: z.enum(AUTONOMY_LEVELS, `must be one of ${AUTONOMY_LEVELS.join(", ")}`),
});

/** What each level lets a plan do without a person, as the admin page explains it. */
export const AUTONOMY_MEANING: Record<AutonomyLevel, string> = {
  suggest: "Nothing runs by itself: every step waits for a person.",
  reversible: "Reversible steps (score, classify a country, tasks and flags) run when their confidence clears the threshold.",
  drafts: "Also drafts (outreach, proposals, rebuttals): each still waits in the queue for a person to approve before anything is sent.",
  granted: "Also enrollments into running campaigns, which start sending mail later. Grant it only where the campaigns have earned it.",
};

/** The level plans are made at now: the admin's setting, else the default; a stored value that is not a level counts as unset. */
export async function planAutonomy(): Promise<{ level: AutonomyLevel; configured: boolean }> {
  const stored = await readSetting<{ level?: unknown }>(db(), AUTONOMY_KEY);
  const parsed = AutonomyInput.safeParse(stored ?? {});
  return parsed.success ? { level: parsed.data.level, configured: true } : { level: DEFAULT_AUTONOMY, configured: false };
}

/** An admin sets the level for plans made from now on (a plan keeps the level it was made at); audited with the level it replaced. */
export async function setPlanAutonomy(user: SessionUser, level: unknown): Promise<{ from: AutonomyLevel; to: AutonomyLevel }> {
  if (!hasRole(user.role, "admin")) throw new AppError("forbidden:admin", { message: "Only admins grant autonomy to plans." });
  const parsed = AutonomyInput.safeParse({ level });
  if (!parsed.success) throw invalidInput(parsed.error.issues, "bad_request:admin");
  const from = (await planAutonomy()).level;
  const to = parsed.data.level;
  await writeSetting(db(), AUTONOMY_KEY, { level: to }, user.id, "plans.autonomy", { from, to });
  return { from, to };
}
