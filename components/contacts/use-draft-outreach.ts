"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { draftOutreachAction } from "@/app/(console)/contacts/actions";
import { draftKeys } from "@/lib/query-keys";
import type { OutreachResult } from "@/lib/services/drafts";

/** Contacts per server action call: small enough that a batch reports progress as it goes. */
export const OUTREACH_CHUNK = 3;

/** A contact to draft for; `suppression` (why its address is on the list, if it is) lets a refusal name the real cause. */
export type OutreachTarget = { id: number; name: string; suppression?: string | null };
export type OutreachOutcome = OutreachResult & { name: string; suppression?: string | null };
export type OutreachProgress = { done: number; total: number; current: OutreachTarget[] };

/**
 * Drafts outreach for contacts a few at a time. A refusal of the whole call (signed out, bad
 * input) stops the batch and marks the rest failed with that message; one contact's failure
 * never stops the others.
 */
export function useDraftOutreach() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<OutreachProgress | null>(null);
  const mutation = useMutation({
    mutationFn: async (targets: OutreachTarget[]) => {
      const outcomes: OutreachOutcome[] = [];
      const byId = new Map(targets.map((t) => [t.id, t]));
      for (let at = 0; at < targets.length; at += OUTREACH_CHUNK) {
        const chunk = targets.slice(at, at + OUTREACH_CHUNK);
        setProgress({ done: at, total: targets.length, current: chunk });
        // The call may have reached the console and died with it (a restart): what it finished is
        // kept, and what it was in the middle of is carried on, so the rep is sent to look first.
        const answer = await draftOutreachAction({ contactIds: chunk.map((t) => t.id) }).catch(() => ({
          ok: false as const,
          error: "The console stopped answering. Any draft it finished is in Drafts; check there before trying again.",
        }));
        if (!answer.ok) {
          for (const t of targets.slice(at)) outcomes.push({ contactId: t.id, name: t.name, status: "failed", message: answer.error });
          break;
        }
        for (const r of answer.results) {
          const target = byId.get(r.contactId);
          outcomes.push({ ...r, name: target?.name ?? `Contact ${r.contactId}`, suppression: target?.suppression ?? null });
        }
      }
      setProgress({ done: targets.length, total: targets.length, current: [] });
      return outcomes;
    },
    onSettled: () => client.invalidateQueries({ queryKey: draftKeys.all }),
  });
  return { ...mutation, progress };
}
