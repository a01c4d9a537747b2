import type { z } from "zod";
import { hasRole, type Role } from "@/lib/auth/roles";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { AppError, invalidInput, isAppError, type Surface } from "@/lib/errors";

/** What every server action answers: the payload on success, a message (and the field at fault) otherwise. */
export type ActionResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string; field?: string };

/**
 * The shape of every server action, because each one is a public endpoint: authenticate,
 * authorise by role, parse the input with zod, then run one service call. Failures come back as
 * a typed result (never a thrown error the client cannot read); unknown ones are logged in full
 * and shown as a generic message.
 */
export async function runAction<S extends z.ZodType, T extends object>(
  surface: Surface,
  atLeast: Role,
  schema: S,
  input: unknown,
  run: (user: SessionUser, data: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
  if (!hasRole(user.role, atLeast)) return { ok: false, error: new AppError(`forbidden:${surface}`).message };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    // The arguments as a whole are "input": "body" is a field of some forms (a draft's body).
    const error = invalidInput(parsed.error.issues, `bad_request:${surface}`, { named: false, root: "input" });
    return { ok: false, error: error.message, ...(error.field ? { field: error.field } : {}) };
  }
  try {
    return { ok: true, ...(await run(user, parsed.data)) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.message, ...(e.field ? { field: e.field } : {}) };
    console.error(`[internal:${surface}]`, e);
    return { ok: false, error: new AppError(`internal:${surface}`).message };
  }
}
