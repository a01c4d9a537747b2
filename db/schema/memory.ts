import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { contacts } from "./crm";

/**
 * Where a memory came from decides where it may be used: first-party sources may be injected
 * into prompts (as data); `inbound_unverified` only where a person reviews the result.
 */
export const MEMORY_SOURCES = ["sent_email", "human_note", "graph_derived", "inbound_unverified"] as const;
export type MemorySource = (typeof MEMORY_SOURCES)[number];

export const memories = sqliteTable(
  "memories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    source: text("source", { enum: MEMORY_SOURCES }).notNull(),
    content: text("content").notNull(),
    threadId: text("thread_id"),
    createdAt: createdAt(),
  },
  (t) => [index("memories_contact_idx").on(t.contactId, t.createdAt)],
);

/** Exact-match model response cache; a fault here falls through to the model. */
export const llmCache = sqliteTable("llm_cache", {
  /** SHA-256 of model, messages and parameters. */
  key: text("key").primaryKey(),
  model: text("model").notNull(),
  response: text("response").notNull(),
  tokensIn: integer("tokens_in").notNull(),
  tokensOut: integer("tokens_out").notNull(),
  hits: integer("hits").notNull().default(0),
  createdAt: createdAt(),
});
