import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { previewLeadImport } from "@/lib/services/lead-imports";

/** `{mapping}` → the first rows as that mapping reads them, with what importing each would do. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request.headers, "rep", "contacts");
    return Response.json(await previewLeadImport(user, (await params).id, await readJson(request, "contacts")));
  } catch (e) {
    return errorResponse(e, "contacts");
  }
}
