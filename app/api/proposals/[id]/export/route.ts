import { requireApiUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { exportProposal } from "@/lib/services/proposals";

/**
 * An approved proposal as a Markdown download: supported claims and labelled assumptions with
 * their sources. Someone else's proposal answers 404; one not yet approved, 409.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request.headers, "rep", "drafts");
    const { filename, markdown } = await exportProposal(user, (await params).id);
    return new Response(markdown, {
      headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
    });
  } catch (e) {
    return errorResponse(e, "drafts");
  }
}
