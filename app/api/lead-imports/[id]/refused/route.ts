import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { refusedRowsCsv } from "@/lib/services/lead-imports";

/** The import's refused rows as a CSV download, each with its line and reasons. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request.headers, "rep", "contacts");
    const { filename, body } = await refusedRowsCsv(user, (await params).id);
    return new Response(body, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"` },
    });
  } catch (e) {
    return errorResponse(e, "contacts");
  }
}
