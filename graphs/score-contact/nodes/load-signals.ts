import { db } from "@/db/client";
import { scoreSignals } from "@/db/queries/scores";
import { STRONG_FACT_AT } from "@/lib/scoring/rules";
import { toSignals } from "@/lib/scoring/signals";
import type { ScoreContactStateType } from "../state";

/** The contact's scoring inputs: the contact, its company's authority signals, its email stats and outcomes. */
export async function loadSignals(state: ScoreContactStateType): Promise<Partial<ScoreContactStateType>> {
  const [row] = await scoreSignals(db(), { ids: [state.contactId] }, STRONG_FACT_AT);
  return { signals: row ? toSignals(row) : null };
}
