import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { questionHistory } from "@/lib/services/analytics";

/** The signed-in operator's own questions, newest first. */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request.headers, "operator", "analytics");
    return Response.json({ items: await questionHistory(user) });
  } catch (e) {
    return errorResponse(e, "analytics");
  }
}
