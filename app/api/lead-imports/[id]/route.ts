import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { leadImportStatus } from "@/lib/services/lead-imports";

/** An import's status, progress and report (the import page polls it while the job runs). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request.headers, "rep", "contacts");
    return Response.json(await leadImportStatus(user, (await params).id));
  } catch (e) {
    return errorResponse(e, "contacts");
  }
}
