import type { ContactScoreRow, ScoreSignalRow } from "@/db/queries/scores";
import type { Vertical } from "@/db/schema";
import type { ComposedScore, ContactSignals } from "./rules";

/** The stored inputs (db/queries/scores.ts) as the rules read them. */
export function toSignals(row: ScoreSignalRow): ContactSignals {
  const latest = [row.lastOutcomeAt, row.lastContactedAt].filter((t): t is number => t !== null);
  return {
    contactId: row.id,
    vertical: row.vertical as Vertical,
    title: row.title,
    seniority: row.seniority,
    department: row.department,
    email: row.email,
    linkedinUrl: row.linkedinUrl,
    bounced: Boolean(row.bounced),
    doNotContact: Boolean(row.doNotContact),
    unsubscribed: Boolean(row.unsubscribed),
    company: { enriched: Boolean(row.enriched), employeeCount: row.employeeCount, strongFacts: row.strongFacts, country: row.country },
    engagement: {
      outbound: row.outbound,
      opened: row.opened,
      inbound: row.inbound,
      positive: row.positive,
      negative: row.negative,
      lastActivityAt: latest.length ? Math.max(...latest) : null,
    },
  };
}

/** A composed score as the row stored for it. */
export function toScoreRow(score: ComposedScore, stamp: { promptVersion: string; model: string | null; runId: string | null; scoredAt: Date }): ContactScoreRow {
  return {
    contactId: score.contactId,
    score: score.score,
    tier: score.tier,
    terms: score.terms,
    source: score.source,
    confidence: score.confidence,
    reason: score.reason,
    evidence: score.evidence,
    ...stamp,
  };
}
