import { errorResponse } from "@/lib/errors";
import { authorizeInbound, readInboundBody, receiveInbound } from "@/lib/services/inbound";

/**
 * The mail gateway's webhook: one inbound message per request, as raw RFC 822 (message/rfc822 or
 * text/plain) or JSON, behind its own bearer token (INBOUND_TOKEN), never a browser session.
 */
export async function POST(request: Request) {
  try {
    authorizeInbound(request.headers.get("authorization"));
    const raw = await readInboundBody(request);
    return Response.json(await receiveInbound({ contentType: request.headers.get("content-type"), raw }));
  } catch (e) {
    return errorResponse(e, "api");
  }
}
