import type { Surface } from "@/lib/errors";
import { readJson } from "@/lib/http/body";

/**
 * What the runtime reads of a request. The console's route handler has a web `Request`
 * (`fromWebRequest`); the Node server builds one from the bytes it has already read, which spares
 * every run a web Request, its body stream and an abort signal that nothing may listen to.
 */
export type RuntimeRequest = {
  method: string;
  /** The absolute URL. */
  url: string;
  headers: Headers;
  /** Aborts when the caller goes away. */
  readonly signal: AbortSignal;
  /** The body as JSON, `{}` when empty: 413 past 1 MB, 422 when not JSON or nested too deep. */
  json(surface: Surface): Promise<unknown>;
};

export function fromWebRequest(request: Request): RuntimeRequest {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    signal: request.signal,
    json: (surface) => readJson(request, surface),
  };
}
