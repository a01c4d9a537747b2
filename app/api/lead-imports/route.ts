import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { recentLeadImports } from "@/lib/services/lead-imports";

export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request.headers, "rep", "contacts");
    return Response.json({ imports: await recentLeadImports(user) });
  } catch (e) {
    return errorResponse(e, "contacts");
  }
}
