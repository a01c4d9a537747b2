import { jsonDepth, MAX_JSON_DEPTH } from "./body";

/** Largest server-action body the console reads (Next's own limit, refused here before Next throws). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

const refuse = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * Checks a server-action request (a POST carrying `Next-Action`) before Next.js handles it. Next
 * answers a foreign Origin, a body over its limit and a body that is not JSON by throwing, which
 * the browser sees as a 500; each is the caller's fault, so it gets a 4xx saying what is wrong.
 * Returns the refusal, or null to let the request through.
 */
export async function refuseBadServerAction(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // An Origin that is not a URL matches no host.
    }
    if (originHost !== host) return refuse(403, "Server actions only accept requests from the console's own pages (the Origin header does not match).");
  }
  if (Number(request.headers.get("content-length") ?? "0") > MAX_ACTION_BODY_BYTES) return refuse(413, "The request body is over 1 MB.");
  const type = request.headers.get("content-type") ?? "";
  // Multipart bodies are form posts; Next parses them itself. Everything else must be the JSON the client sends.
  if (type.startsWith("multipart/form-data")) return null;
  const body = await request.clone().text();
  if (Buffer.byteLength(body) > MAX_ACTION_BODY_BYTES) return refuse(413, "The request body is over 1 MB.");
  if (jsonDepth(body) > MAX_JSON_DEPTH) return refuse(400, `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  try {
    JSON.parse(body);
  } catch {
    return refuse(400, "The request body is not valid JSON.");
  }
  return null;
}
