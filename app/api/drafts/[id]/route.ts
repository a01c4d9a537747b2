import { draftView } from "@/lib/services/drafts";
import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";

/** One draft with its contact, company and outbox row; someone else's draft answers 404. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request.headers, "rep", "drafts");
    return Response.json(await draftView(user, (await params).id));
  } catch (e) {
    return errorResponse(e, "drafts");
  }
}
