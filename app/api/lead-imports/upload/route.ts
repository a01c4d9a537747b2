import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { uploadLeads } from "@/lib/services/lead-imports";

/**
 * A lead CSV as the raw request body (`?filename=` names it), streamed to disk as it arrives.
 * proxy.ts leaves this path alone: Next buffers a body that passes through the proxy, and cuts
 * it at 10 MB without saying so.
 */
export async function POST(request: Request) {
  try {
    const user = await requireApiUser(request.headers, "rep", "contacts");
    const length = request.headers.get("content-length");
    const result = await uploadLeads(user, {
      filename: new URL(request.url).searchParams.get("filename"),
      body: request.body,
      contentLength: length !== null && /^\d+$/.test(length) ? Number(length) : null,
    });
    return Response.json(result, { status: 201 });
  } catch (e) {
    return errorResponse(e, "contacts");
  }
}
