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

// Most answers are a JSON text known in full before they are sent. Built as a web Response, that
// text becomes a body stream the Node server then reads back (webstreams were a visible share of
// each run's CPU); so such an answer is a body-less Response with its text kept beside it, and
// only a caller that needs a real web Response (`toWebResponse`) gets one built.
const plainTexts = new WeakMap<Response, string>();

/** An answer whose body is `text`, sent as it is by the Node server. */
export function plainResponse(text: string, status: number, headers: Headers): Response {
  const response = new Response(null, { status, headers });
  plainTexts.set(response, text);
  return response;
}

/** The text of a `plainResponse`, or undefined for any other response. */
export function plainTextOf(response: Response): string | undefined {
  return plainTexts.get(response);
}

/** The response as a web Response with its body in place (for a route handler). */
export function toWebResponse(response: Response): Response {
  const text = plainTexts.get(response);
  return text === undefined ? response : new Response(text, { status: response.status, headers: response.headers });
}
