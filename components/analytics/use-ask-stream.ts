"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { AskLine } from "@/lib/services/analytics";
import type { AnswerView } from "./types";
import { AnalyticsRequestError } from "./use-analytics";
import { analyticsKeys } from "@/lib/query-keys";

type StepLine = Extract<AskLine, { type: "step" }>;
/** A step as the page lists it while the question is answered. */
export type LiveStep = Omit<StepLine, "type"> & { key: number };

const UNREACHABLE = "The console could not be reached. Check your connection and try again.";
const CUT_OFF = "The answer was cut off before it arrived. Check your connection and ask again.";

/** A started node adds a row; its end updates the newest row of that node still running. */
export function withStep(steps: LiveStep[], line: StepLine): LiveStep[] {
  const step = { node: line.node, status: line.status, ms: line.ms, error: line.error };
  if (step.status !== "running") {
    const index = steps.findLastIndex((s) => s.node === step.node && s.status === "running");
    if (index >= 0) return steps.map((s, i) => (i === index ? { ...s, ...step } : s));
  }
  return [...steps, { ...step, key: steps.length }];
}

/** The NDJSON lines of a response body, each as soon as its newline arrives. */
async function* readLines(body: ReadableStream<Uint8Array>): AsyncGenerator<AskLine> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
        const line = buffer.slice(0, end).trim();
        buffer = buffer.slice(end + 1);
        if (line) yield JSON.parse(line) as AskLine;
      }
    }
  } finally {
    await reader.cancel();
  }
}

/**
 * Asks a question through POST /api/analytics/ask and lists its steps as they arrive; resolves
 * with the answer. A new question, or leaving the page, stops the one before (which cancels its
 * run). Each question adds to the person's history, so the history is refetched after it.
 */
export function useAskStream(onAnswer: (answer: AnswerView) => void) {
  const client = useQueryClient();
  const [steps, setSteps] = useState<LiveStep[]>([]);
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const mutation = useMutation({
    mutationFn: async (question: string): Promise<AnswerView> => {
      current.current?.abort();
      const aborter = new AbortController();
      current.current = aborter;
      setSteps([]);
      let response: Response;
      try {
        response = await fetch("/api/analytics/ask", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ question }),
          signal: aborter.signal,
        });
      } catch {
        throw new AnalyticsRequestError(UNREACHABLE);
      }
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string; field?: string } } | null;
        throw new AnalyticsRequestError(body?.error?.message ?? UNREACHABLE, body?.error?.field, response.status);
      }
      try {
        for await (const line of readLines(response.body)) {
          // Each step is committed on its own, so the list grows one row at a time even when
          // several lines arrive in one chunk (a run of a few milliseconds).
          if (line.type === "step") flushSync(() => setSteps((s) => withStep(s, line)));
          else if (line.type === "answer") return line.answer;
          else if (line.type === "error") throw new AnalyticsRequestError(line.error.message, line.error.field);
        }
      } catch (e) {
        if (e instanceof AnalyticsRequestError) throw e;
        throw new AnalyticsRequestError(CUT_OFF);
      }
      throw new AnalyticsRequestError(CUT_OFF);
    },
    onSuccess: (answer) => onAnswer(answer),
    onSettled: () => client.invalidateQueries({ queryKey: analyticsKeys.history() }),
  });
  return { ...mutation, steps };
}
