import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { ROLES, type Role } from "@/db/schema";
import { AppError, type Surface } from "@/lib/errors";
import { hasRole } from "./roles";
import { auth } from "./server";

export type SessionUser = { id: string; name: string; email: string; role: Role };

function toSessionUser(user: { id: string; name: string; email: string; role?: unknown }): SessionUser {
  // An unknown role in the database gets the least privilege, never more.
  const role = ROLES.includes(user.role as Role) ? (user.role as Role) : "rep";
  return { id: user.id, name: user.name, email: user.email, role };
}

/** The signed-in user for a set of request headers, or null. */
export async function userFromHeaders(requestHeaders: Headers): Promise<SessionUser | null> {
  const session = await auth().api.getSession({ headers: requestHeaders });
  return session ? toSessionUser(session.user) : null;
}

/** The signed-in user of the current request (server components and actions), or null. */
export async function currentUser(): Promise<SessionUser | null> {
  return userFromHeaders(await headers());
}

/**
 * For pages: no session → the sign-in page; a role below `atLeast` → the 403 page.
 * Every page calls this itself; hidden links are a convenience, not the control.
 */
export async function requirePageUser(atLeast: Role = "rep"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (!hasRole(user.role, atLeast)) forbidden();
  return user;
}

/** For route handlers and server actions: throws `unauthorized` (401) or `forbidden` (403). */
export async function requireApiUser(
  requestHeaders: Headers,
  atLeast: Role,
  surface: Surface,
): Promise<SessionUser> {
  const user = await userFromHeaders(requestHeaders);
  if (!user) throw new AppError(`unauthorized:${surface}`, { message: "Sign in to use this API." });
  if (!hasRole(user.role, atLeast)) throw new AppError(`forbidden:${surface}`);
  return user;
}
