import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { listDraftsFor, parseDraftListQuery } from "@/lib/services/drafts";

/** The approval queue, newest first, one keyset page at a time (`cursor` from the previous page). */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request.headers, "rep", "drafts");
    const query = parseDraftListQuery(new URL(request.url).searchParams);
    return Response.json(await listDraftsFor(user, query));
  } catch (e) {
    return errorResponse(e, "drafts");
  }
}
