import type { Labelled } from "./hq-strings";

export type Scored = {
  total: number;
  correct: number;
  accuracy: number;
  byGroup: Record<string, { total: number; correct: number }>;
  misses: { hq: string; group: string; expected: string | null; got: string | null; confidence: number }[];
  /** A country given for a string that names no place: the one error the classifier must never make. */
  countryForNonPlace: string[];
};

/** Scores any HQ → country function on a labelled set: exact match of the alpha-2 code or of null. */
export function scoreCountries(set: readonly Labelled[], classify: (hq: string) => { country: string | null; confidence: number }): Scored {
  const byGroup: Scored["byGroup"] = {};
  const misses: Scored["misses"] = [];
  const countryForNonPlace: string[] = [];
  for (const { hq, country, group } of set) {
    const answer = classify(hq);
    const tally = (byGroup[group] ??= { total: 0, correct: 0 });
    tally.total++;
    if (answer.country === country) tally.correct++;
    else misses.push({ hq, group, expected: country, got: answer.country, confidence: answer.confidence });
    if (group === "null" && answer.country !== null) countryForNonPlace.push(hq);
  }
  const correct = set.length - misses.length;
  return { total: set.length, correct, accuracy: correct / set.length, byGroup, misses, countryForNonPlace };
}
