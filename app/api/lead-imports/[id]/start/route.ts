import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { startLeadImport } from "@/lib/services/lead-imports";

/** `{mapping}` → the import is queued as a background job (202); poll GET /api/lead-imports/:id. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request.headers, "rep", "contacts");
    return Response.json(await startLeadImport(user, (await params).id, await readJson(request, "contacts")), { status: 202 });
  } catch (e) {
    return errorResponse(e, "contacts");
  }
}
