import { resolveOffline } from "../rules";
import type { CountryClassifyStateType } from "../state";

/** The offline resolver always runs first: it is the fallback, and the check on the model's answer. */
export function resolveWithRules(state: CountryClassifyStateType): Partial<CountryClassifyStateType> {
  return { resolution: resolveOffline(state.hq) };
}
