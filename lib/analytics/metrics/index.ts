import { CATALOGUE, type CatalogueReport } from "../catalogue";
import { scoreReports } from "../reports";
import { confidenceOf, tokens, understand, type MetricsPlan } from "./parse";
import { planSql } from "./sql";
import { DIMENSIONS, MEASURES } from "./vocabulary";

export { understand, type MetricsPlan, type TimeWindow } from "./parse";
export { planSql } from "./sql";

/** How an offline question was read: SQL to run with what was understood, or what was not. */
export type OfflineReading =
  | { kind: "metrics"; sql: string; plan: MetricsPlan; parts: string[]; confidence: number; reason: string }
  | { kind: "report"; sql: string; report: CatalogueReport; confidence: number; reason: string }
  | { kind: "not_understood"; unknown: string[]; message: string; closest: { id: string; title: string }[] };

const CLOSEST = 3;

/**
 * Reads a question without a model, like a semantic layer: a catalogue report when the question
 * is its title, else the metrics layer when every word is understood, else a plain account of
 * what was not understood with the closest reports — never an answer to a different question.
 */
export function readOffline(question: string, now: number): OfflineReading {
  const asked = tokens(question).join(" ");
  const titled = CATALOGUE.find((r) => tokens(r.title).join(" ") === asked);
  if (titled) {
    return { kind: "report", sql: titled.sql, report: titled, confidence: 0.95, reason: `The question is the title of the catalogue report "${titled.title}", run as written.` };
  }
  const reading = understand(question, now);
  if (reading.understood) {
    return {
      kind: "metrics",
      sql: planSql(reading.plan),
      plan: reading.plan,
      parts: reading.parts,
      confidence: confidenceOf(reading.plan),
      reason: `Read without a model by the metrics layer as ${reading.parts.join("; ")}.`,
    };
  }
  const closest = scoreReports(question).filter((m) => m.score > 0).slice(0, CLOSEST).map((m) => ({ id: m.report.id, title: m.report.title }));
  const what = reading.unknown.length
    ? `I did not understand ${reading.unknown.map((w) => `"${w}"`).join(", ")}.`
    : reading.problem!;
  const vocabulary = `Without a model I can answer questions built from measures (${MEASURES.map((m) => m.phrases[0]).join(", ")}), one breakdown (${DIMENSIONS.map((d) => d.label).join(", ")}), a vertical or seniority, a window ("last 30 days", "this month") and "top 10".`;
  return { kind: "not_understood", unknown: reading.unknown, message: `${what} ${vocabulary}`, closest };
}
