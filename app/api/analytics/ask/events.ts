import type { AskEvent, AskLine } from "@/lib/services/analytics";
import { AppError, isAppError } from "@/lib/errors";

/** The error line for a failure during the stream; unknown failures are logged and never echoed. */
export function errorLine(e: unknown): AskLine {
  if (isAppError(e)) return { type: "error", error: e.toJSON() };
  console.error("[internal:analytics]", e);
  return { type: "error", error: new AppError("internal:analytics").toJSON() };
}

/**
 * Events as NDJSON, one line sent as each arrives. The response ends after the answer or an error
 * line; a reader that goes away stops the events, which cancels the graph run.
 */
export function ndjson(events: AsyncGenerator<AskEvent>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = (value: AskLine) => encoder.encode(`${JSON.stringify(value)}\n`);
  // Set when the reader goes away: an event that was already on its way then has nowhere to go,
  // and the graph's cancellation (not a fault) is what ends it.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await events.next();
        if (cancelled) return;
        if (next.done) controller.close();
        else controller.enqueue(line(next.value));
      } catch (e) {
        if (cancelled) return;
        controller.enqueue(line(errorLine(e)));
        controller.close();
      }
    },
    async cancel() {
      cancelled = true;
      await events.return(undefined);
    },
  });
}
