import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { parseCompanyListQuery, searchCompanies } from "@/lib/services/companies";

export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request.headers, "rep", "companies");
    const query = parseCompanyListQuery(new URL(request.url).searchParams);
    return Response.json(await searchCompanies(user, query));
  } catch (e) {
    return errorResponse(e, "companies");
  }
}
