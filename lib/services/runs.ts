import { db } from "@/db/client";
import { listRunSteps, runHasDraftFor } from "@/db/queries/run-steps";
import { getRun } from "@/db/queries/runs";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/**
 * One graph run and its steps. Admins see every run; a rep sees a run only when a draft assigned
 * to them came from it. Anything else reads as missing, like someone else's draft.
 */
export async function runDetailFor(user: SessionUser, runId: string) {
  const run = runId.length <= 100 ? await getRun(db(), runId) : null;
  const visible = run !== null && (hasRole(user.role, "admin") || (await runHasDraftFor(db(), run, user.id)));
  if (!run || !visible) throw new AppError("not_found:runs", { message: "That run does not exist or is not yours." });
  return { run, steps: await listRunSteps(db(), run.id) };
}

export type RunDetail = Awaited<ReturnType<typeof runDetailFor>>;
