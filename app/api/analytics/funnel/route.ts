import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { funnelView, parseFunnelQuery } from "@/lib/services/analytics";

/** The funnel (discovered → converted) with stage-to-stage rates; `?vertical=` narrows it to one vertical. */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request.headers, "operator", "analytics");
    return Response.json(await funnelView(user, parseFunnelQuery(new URL(request.url).searchParams)));
  } catch (e) {
    return errorResponse(e, "analytics");
  }
}
