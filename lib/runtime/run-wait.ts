import type { RunDeps } from "./run-types";
import { beginRun, errorBody, executeTraced } from "./runs";
import { plainResponse, type RuntimeRequest } from "./request";

const HEARTBEAT_MS = 1_000;
/** How long a run may take and still be answered with a plain (non-streamed) body. */
const QUICK_ANSWER_MS = 50;

/**
 * POST /runs/wait and POST /threads/:id/runs/wait. The response starts at once with
 * `Content-Location`; the body (the final values, or `__error__`) follows when the graph finishes.
 */
export async function waitRun(deps: RunDeps, request: RuntimeRequest, threadId: string | null, body: unknown): Promise<Response> {
  const begun = await beginRun(deps, request, threadId, body, "wait");
  const execution = executeTraced(deps, begun, { disconnect: begun.run.payload.on_disconnect === "cancel" ? request.signal : null });
  const { headers } = begun;
  headers.set("content-type", "application/json");
  // Most runs finish in milliseconds: answer those with a plain body, and stream (with
  // keep-alive newlines) only a run still going after a short wait.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const quick = await Promise.race([
    execution.then((values) => ({ values }), () => null),
    new Promise<null>((resolve) => (timer = setTimeout(resolve, QUICK_ANSWER_MS, null))),
  ]);
  clearTimeout(timer);
  if (quick) {
    return plainResponse(JSON.stringify(quick.values), 200, headers);
  }
  return new Response(streamResult(execution), { status: 200, headers });
}

/** Newlines keep the connection alive during long runs (JSON allows leading whitespace). */
function streamResult(execution: Promise<Record<string, unknown>>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      heartbeat = setInterval(() => {
        try {
          controller.enqueue(encoder.encode("\n"));
        } catch {
          clearInterval(heartbeat);
        }
      }, HEARTBEAT_MS);
      return execution
        .then((body) => controller.enqueue(encoder.encode(JSON.stringify(body))))
        .catch((e: unknown) => controller.enqueue(encoder.encode(JSON.stringify(errorBody("RuntimeError", e instanceof Error ? e.message : String(e))))))
        .finally(() => {
          clearInterval(heartbeat);
          try {
            controller.close();
          } catch {
            // The caller went away; nothing left to close.
          }
        });
    },
    cancel() {
      clearInterval(heartbeat);
    },
  });
}
