import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { upsertScores } from "@/db/queries/scores";
import { systemClock } from "@/lib/clock";
import type { ScoreContactStateType } from "../state";

/** Stores the score as the contact's latest, with this run's id so the contact page links to it. */
export async function storeScore(state: ScoreContactStateType, config?: LangGraphRunnableConfig): Promise<Partial<ScoreContactStateType>> {
  const d = state.decision!;
  const runId = config?.configurable?.run_id;
  await upsertScores(db(), [
    {
      contactId: d.contactId,
      score: d.score,
      tier: d.tier,
      terms: d.terms,
      source: d.source,
      confidence: d.provenance.confidence,
      reason: d.provenance.reason,
      evidence: d.provenance.evidence,
      promptVersion: d.promptVersion,
      model: d.model,
      runId: typeof runId === "string" && runId ? runId : null,
      scoredAt: systemClock.now(),
    },
  ]);
  return { stored: true };
}
