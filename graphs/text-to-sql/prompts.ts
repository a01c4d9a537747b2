import type { ChatMessage } from "@/lib/llm/types";
import { fenceUntrusted } from "@/lib/safety/fence";
import { QUERYABLE_TABLES } from "./state";

/** Bump on any change to the prompts below. */
export const PROMPT_VERSION = "text-to-sql-v2-2026-11";

const SCHEMA = `SQLite tables (timestamps are epoch milliseconds: use datetime(x / 1000, 'unixepoch')):
companies(id, name, domain, vertical, size, employee_count, country, hq_city, enriched_at, enrichment_source, created_at)
contacts(id, company_id, first_name, last_name, email, title, seniority, department, linkedin_url, do_not_contact, bounced, unsubscribed, replied, owner_id, last_contacted_at, created_at)
company_facts(id, company_id, fact, source, confidence, observed_at)
email_campaigns(id, name, description, angle, tone, vertical, status, cadence_days, max_touches, owner_id, created_at)
campaign_enrollments(id, campaign_id, contact_id, thread_id, step, status, next_wake_at, enrolled_at, updated_at)
emails(id, contact_id, campaign_id, direction 'outbound'|'inbound', thread_id, message_id, in_reply_to, subject, body, step, sent_at, opened_at, replied_at, bounced_at)
outcomes(id, thread_id, contact_id, email_id, label, polarity, confidence, at)
contact_email_stats(contact_id, outbound, opened, inbound, bounced) -- email counts per contact, kept equal to counts over emails; prefer it to scanning emails
campaign_email_stats(campaign_id, contact_id, outbound, opened, inbound, bounced) -- the same per campaign and contact`;

export function understandMessages(question: string): ChatMessage[] {
  return [
    { role: "system", content: `Restate a CRM analytics question in one plain sentence and list the tables needed, from: ${QUERYABLE_TABLES.join(", ")}. Answer with JSON only: {"understanding": string, "tables": [string]}` },
    { role: "user", content: fenceUntrusted("question", question) },
  ];
}

export function generateMessages(question: string, understanding: string, tables: string[]): ChatMessage[] {
  return [
    { role: "system", content: `Write ONE SQLite SELECT (WITH allowed) that answers the question. Use only these tables.\n${SCHEMA}\nRules: SQLite syntax only (strftime, julianday, ||; no ILIKE, no :: casts); read-only; at most 50 rows (add LIMIT 50); readable column aliases. Answer with JSON only: {"sql": string}` },
    { role: "user", content: `${fenceUntrusted("question", question)}\nUnderstanding: ${understanding}\nTables: ${tables.join(", ")}` },
  ];
}

export function repairMessages(question: string, sql: string, error: string): ChatMessage[] {
  return [
    { role: "system", content: `A SQLite query failed. Fix it using the error text. ${SCHEMA}\nSame rules: one read-only SELECT, SQLite syntax, LIMIT 50. Answer with JSON only: {"sql": string}` },
    { role: "user", content: `${fenceUntrusted("question", question)}\nFailed SQL:\n${sql}\nError:\n${error}` },
  ];
}

export function summarizeMessages(question: string, columns: string[], sample: unknown[][], total: number, truncated: boolean): ChatMessage[] {
  return [
    { role: "system", content: "Answer the question in two or three sentences using ONLY the rows given. Never invent numbers; if the rows cannot answer it, say so. Answer with JSON only: {\"summary\": string}" },
    // Rows can hold text that came from outside (email subjects, facts): they are data too.
    { role: "user", content: `${fenceUntrusted("question", question)}\n${fenceUntrusted(`rows (${sample.length} of ${total}${truncated ? "+" : ""}; columns: ${columns.join(", ")})`, sample.map((r) => JSON.stringify(r)).join("\n"))}` },
  ];
}
