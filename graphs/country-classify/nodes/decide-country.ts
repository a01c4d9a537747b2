import { reconcile } from "../rules";
import type { CountryClassifyStateType } from "../state";

/** Settles the answer from the offline resolution and the model's (rules.ts `reconcile`). */
export function decideCountry(state: CountryClassifyStateType): Partial<CountryClassifyStateType> {
  const path = state.calls.findLast((c) => c.node === "classify_with_model");
  return { decision: reconcile(state.hq, state.resolution!, state.answer, path) };
}
