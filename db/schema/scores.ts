import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamp } from "./columns";
import { contacts } from "./crm";

export const SCORE_TIERS = ["A", "B", "C", "D"] as const;
export const SCORE_SOURCES = ["model", "rule_based_fallback", "rules"] as const;

/** One term of a stored score: its value (null: not known, left out), its renormalised weight, why, and who judged it. */
export type StoredScoreTerm = { value: number | null; weight: number; why: string; source: (typeof SCORE_SOURCES)[number] };

/**
 * Each contact's latest score (lib/scoring): the four terms with their weights and reasons, who
 * judged the role fit, and the provenance of the whole. One row per contact, replaced on rescore.
 */
export const contactScores = sqliteTable(
  "contact_scores",
  {
    contactId: integer("contact_id")
      .primaryKey()
      .references(() => contacts.id, { onDelete: "cascade" }),
    /** 0–1. */
    score: real("score").notNull(),
    tier: text("tier", { enum: SCORE_TIERS }).notNull(),
    terms: text("terms", { mode: "json" }).$type<Record<string, StoredScoreTerm>>().notNull(),
    source: text("source", { enum: SCORE_SOURCES }).notNull(),
    confidence: real("confidence").notNull(),
    reason: text("reason").notNull(),
    evidence: text("evidence", { mode: "json" }).$type<string[]>().notNull(),
    /** The role-fit prompt's version when the model judged it, else the rules' version. */
    promptVersion: text("prompt_version").notNull(),
    model: text("model"),
    /** The score_contact run that produced it; null for the bulk scorer. */
    runId: text("run_id"),
    scoredAt: timestamp("scored_at").notNull(),
  },
  (t) => [
    // The contacts list sorted by score walks this index (score descending, ties by ascending id).
    index("contact_scores_score_idx").on(sql`${t.score} DESC`, t.contactId),
    index("contact_scores_tier_idx").on(t.tier, sql`${t.score} DESC`, t.contactId),
  ],
);
