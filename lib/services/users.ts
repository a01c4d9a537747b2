import "server-only";
import { db } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed/demo-users";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

export async function listUsersFor(user: SessionUser) {
  if (!hasRole(user.role, "admin")) throw new AppError("forbidden:admin");
  return listUsers(db());
}

/** The demo accounts to show on the sign-in page: only in demo mode, never otherwise. */
export function demoCredentials() {
  if (!env().DEMO_MODE) return null;
  return { password: DEMO_PASSWORD, users: DEMO_USERS.map(({ email, role, name }) => ({ email, role, name })) };
}
