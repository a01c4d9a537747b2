import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { createdAt } from "./columns";

/** The central suppression list: never store the address itself, only its hash. */
export const suppression = sqliteTable("suppression", {
  /** SHA-256 hex of the trimmed, lower-cased address. */
  emailHash: text("email_hash").primaryKey(),
  reason: text("reason", { enum: ["unsubscribe", "bounce", "complaint", "manual", "legal"] }).notNull(),
  source: text("source"),
  addedBy: text("added_by").references(() => users.id, { onDelete: "set null" }),
  addedAt: createdAt("added_at"),
});
