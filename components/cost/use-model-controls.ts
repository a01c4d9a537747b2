"use client";
import { useMutation } from "@tanstack/react-query";
import { resetGraphBudgetAction, setGraphBudgetAction, setKillSwitchAction } from "@/app/(console)/admin/cost/actions";
import type { ActionResult } from "@/lib/actions";

/** A refused model-controls action, with the input field at fault when there is one. */
export class ControlError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

async function unwrap<T extends object>(answer: Promise<ActionResult<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new ControlError(result.error, result.field);
  return result;
}

/**
 * Both controls read their state from the server-rendered page; the actions revalidate it, so
 * there is no client cache to invalidate here.
 */
export function useSetKillSwitch() {
  return useMutation({ mutationFn: (enabled: boolean) => unwrap(setKillSwitchAction({ enabled })) });
}

export function useSetGraphBudget(graph: string) {
  return useMutation({ mutationFn: (usd: string) => unwrap(setGraphBudgetAction({ graph, usd })) });
}

export function useResetGraphBudget(graph: string) {
  return useMutation({ mutationFn: () => unwrap(resetGraphBudgetAction({ graph })) });
}
