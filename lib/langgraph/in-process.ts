import type { Runtime } from "@/lib/runtime/runtime";

/** Base URL the client uses for the in-process runtime; nothing listens on it. */
export const IN_PROCESS_URL = "http://embedded-runtime.invalid";

/**
 * A fetch that hands each request straight to a runtime in this process: the same HTTP semantics
 * (status codes, headers, auth) without a network hop or a port to know.
 */
export function inProcessFetch(runtime: Runtime): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    return runtime.handle(request, new URL(request.url).pathname);
  };
}
