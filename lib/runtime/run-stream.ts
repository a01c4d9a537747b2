import type { RunDeps } from "./run-types";
import { beginRun, errorBody, executeTraced } from "./runs";
import type { RuntimeRequest } from "./request";

/** A comment line every so often keeps proxies from closing a quiet stream during a long node. */
const KEEP_ALIVE_MS = 5_000;

/**
 * One Server-Sent Event. Objects with `toDict` (LangChain messages) are written the way LangGraph
 * Server writes them, `{...data, type}`; JSON escapes newlines, so each event's data is one line.
 */
export function sseFrame(event: string, data?: unknown): string {
  if (data === undefined) return `event: ${event}\n\n`;
  const json = JSON.stringify(data, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key] as { toDict?: () => { type: string; data: Record<string, unknown> } } | null;
    if (raw && typeof raw === "object" && typeof raw.toDict === "function") {
      const { type, data: fields } = raw.toDict();
      return { ...fields, type };
    }
    return value;
  });
  return `event: ${event}\ndata: ${json}\n\n`;
}

/**
 * POST /runs/stream and POST /threads/:id/runs/stream, as the official SDK's `runs.stream()`
 * reads them: `metadata` (the run id) first, then one event per chunk of each requested stream
 * mode as the graph produces it, `error` if the run failed, and `end`. Refusals are the same JSON
 * errors as a wait's, before anything is written. The run is recorded (row and steps) before
 * `error`/`end` are sent, so a caller that reads the run afterwards finds it finished. A caller
 * that goes away stops the run unless it asked for `on_disconnect: "continue"`.
 */
export async function streamRun(deps: RunDeps, request: RuntimeRequest, threadId: string | null, body: unknown): Promise<Response> {
  const begun = await beginRun(deps, request, threadId, body, "stream");
  const { run, headers } = begun;
  const stoppedReading = new AbortController();
  const disconnect = run.payload.on_disconnect === "continue" ? null : AbortSignal.any([request.signal, stoppedReading.signal]);
  const encoder = new TextEncoder();
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const events = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // The caller went away; the run hears of it through `disconnect`.
          open = false;
        }
      };
      write(sseFrame("metadata", { run_id: run.runId, attempt: 1 }));
      keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
      void executeTraced(deps, begun, { disconnect, streamModes: run.streamModes, emit: (mode, chunk) => write(sseFrame(mode, chunk)) })
        .then(
          (values) => {
            if (values.__error__) write(sseFrame("error", values.__error__));
          },
          (e: unknown) => write(sseFrame("error", errorBody("RuntimeError", e instanceof Error ? e.message : String(e)).__error__)),
        )
        .finally(() => {
          clearInterval(keepAlive);
          write(sseFrame("end"));
          open = false;
          try {
            controller.close();
          } catch {
            // Already cancelled by the caller.
          }
        });
    },
    cancel() {
      clearInterval(keepAlive);
      stoppedReading.abort();
    },
  });
  headers.set("content-type", "text/event-stream; charset=utf-8");
  headers.set("cache-control", "no-store");
  // Proxies such as nginx would otherwise hold events back until a buffer fills.
  headers.set("x-accel-buffering", "no");
  return new Response(events, { status: 200, headers });
}
