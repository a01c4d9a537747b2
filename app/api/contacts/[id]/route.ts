import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { contactDetail } from "@/lib/services/contacts";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request.headers, "rep", "contacts");
    return Response.json(await contactDetail(user, (await params).id));
  } catch (e) {
    return errorResponse(e, "contacts");
  }
}
