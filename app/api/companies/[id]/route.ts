import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { companyDetail } from "@/lib/services/companies";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request.headers, "rep", "companies");
    return Response.json(await companyDetail(user, (await params).id));
  } catch (e) {
    return errorResponse(e, "companies");
  }
}
