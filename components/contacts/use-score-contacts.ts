"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { scoreAllStepAction, scoreSelectedAction } from "@/app/(console)/contacts/actions";
import { contactKeys } from "@/lib/query-keys";
import type { ScoreSummary } from "@/lib/services/scores";

/** Contacts per "Score selected" call (each is a graph run with a model call): progress moves as each returns. */
export const SCORE_CHUNK = 5;

export type ScoreProgress = { done: number; total: number };
export type ScoreOutcome = { kind: "selected"; scores: ScoreSummary[]; failed: string | null } | { kind: "all"; scored: number; failed: string | null };

const unreachable = { ok: false as const, error: "The console could not be reached. Check your connection and try again." };

/**
 * "Score selected" (score_contact per contact, a few per call) and "Score all" (the rules, one
 * server step after another), each reporting progress as its calls come back. A refused call
 * stops the run and says why; what was scored before it stays stored.
 */
export function useScoreContacts() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<ScoreProgress | null>(null);
  const mutation = useMutation({
    mutationFn: async (request: { kind: "selected"; ids: number[] } | { kind: "all" }): Promise<ScoreOutcome> => {
      if (request.kind === "selected") {
        const scores: ScoreSummary[] = [];
        for (let at = 0; at < request.ids.length; at += SCORE_CHUNK) {
          setProgress({ done: at, total: request.ids.length });
          const answer = await scoreSelectedAction({ contactIds: request.ids.slice(at, at + SCORE_CHUNK) }).catch(() => unreachable);
          if (!answer.ok) return { kind: "selected", scores, failed: answer.error };
          scores.push(...answer.scores);
        }
        setProgress({ done: request.ids.length, total: request.ids.length });
        return { kind: "selected", scores, failed: null };
      }
      let afterId = 0;
      let scored = 0;
      for (;;) {
        const answer = await scoreAllStepAction({ afterId }).catch(() => unreachable);
        if (!answer.ok) return { kind: "all", scored, failed: answer.error };
        scored += answer.scored;
        setProgress({ done: answer.position, total: answer.total });
        if (answer.lastId === null) return { kind: "all", scored, failed: null };
        afterId = answer.lastId;
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: contactKeys.all }),
  });
  return { ...mutation, progress };
}
