"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { askQuestionAction, runReportAction, runSqlAction } from "@/app/(console)/analytics/actions";
import { analyticsKeys } from "@/lib/query-keys";
import type { AnswerRequest, AnswerView, AttributionView, FunnelView, HistoryItem } from "./types";

/** A refused action or request, with the input field at fault when there is one. */
export class AnalyticsRequestError extends Error {
  constructor(message: string, readonly field?: string, readonly status?: number) {
    super(message);
  }
}

async function getJson<T>(url: string, fallback: string): Promise<T> {
  const response = await fetch(url);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new AnalyticsRequestError(body?.error?.message ?? fallback, body?.error?.field, response.status);
  return body as T;
}

type Result = { ok: true; answer: AnswerView } | { ok: false; error: string; field?: string };

const UNREACHABLE: Result = { ok: false, error: "The console could not be reached. Check your connection and try again." };

function send(request: AnswerRequest): Promise<Result> {
  const call =
    request.type === "ask"
      ? askQuestionAction({ question: request.question })
      : request.type === "report"
        ? runReportAction({ reportId: request.reportId })
        : runSqlAction({ sql: request.sql, title: request.title });
  return call.catch(() => UNREACHABLE);
}

/**
 * Gets an answer for a question, a report or edited SQL. Asking a question adds to the person's
 * history, so the history is refetched after every question.
 */
export function useAnswer(onAnswer: (answer: AnswerView, request: AnswerRequest) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (request: AnswerRequest) => {
      const result = await send(request);
      if (!result.ok) throw new AnalyticsRequestError(result.error, result.field);
      return result.answer;
    },
    onSuccess: (answer, request) => onAnswer(answer, request),
    onSettled: (_answer, _error, request) => {
      if (request.type === "ask") return client.invalidateQueries({ queryKey: analyticsKeys.history() });
    },
  });
}

export function useHistory(initial: HistoryItem[]) {
  return useQuery({
    queryKey: analyticsKeys.history(),
    queryFn: async () => (await getJson<{ items: HistoryItem[] }>("/api/analytics/history", "Your questions could not be loaded.")).items,
    initialData: initial,
  });
}

/** The funnel for one vertical, or "all" of them; the page's first paint seeds "all". */
export function useFunnel(vertical: string, initialAll: FunnelView) {
  return useQuery({
    queryKey: analyticsKeys.funnel(vertical),
    queryFn: () => getJson<FunnelView>(`/api/analytics/funnel${vertical === "all" ? "" : `?${new URLSearchParams({ vertical })}`}`, "The funnel could not be loaded."),
    initialData: vertical === "all" ? initialAll : undefined,
    placeholderData: (previous) => previous,
  });
}

/** Touch attribution for one campaign; runs the graph, so it is fetched only once one is chosen. */
export function useAttribution(campaignId: number | null) {
  return useQuery({
    queryKey: analyticsKeys.attribution(campaignId ?? 0),
    queryFn: () => getJson<AttributionView>(`/api/analytics/attribution?${new URLSearchParams({ campaignId: String(campaignId) })}`, "The attribution could not be loaded."),
    enabled: campaignId !== null,
    staleTime: 60_000,
  });
}
