import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { parseContactListQuery, searchContacts } from "@/lib/services/contacts";

export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request.headers, "rep", "contacts");
    const query = parseContactListQuery(new URL(request.url).searchParams);
    return Response.json(await searchContacts(user, query));
  } catch (e) {
    return errorResponse(e, "contacts");
  }
}
