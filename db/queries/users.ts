import { asc } from "drizzle-orm";
import type { Database } from "../client";
import { users } from "../schema";

export async function listUsers(database: Database) {
  return database
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.name));
}
