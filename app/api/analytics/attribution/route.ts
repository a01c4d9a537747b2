import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { attributionView, parseAttributionQuery } from "@/lib/services/analytics";

/** Touch attribution for `?campaignId=` or `?contactId=`: model-weighted or last touch, labelled. */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request.headers, "operator", "analytics");
    return Response.json(await attributionView(user, parseAttributionQuery(new URL(request.url).searchParams)));
  } catch (e) {
    return errorResponse(e, "analytics");
  }
}
