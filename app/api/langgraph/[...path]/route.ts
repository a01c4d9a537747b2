import { embeddedRuntime } from "@/lib/runtime/instance";

/**
 * The embedded LangGraph runtime, mounted at /api/langgraph: the LangGraph Server API subset the
 * official SDK speaks, behind its own bearer token (never a browser session).
 */
type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, { params }: Context) {
  return embeddedRuntime().handle(request, (await params).path.join("/"));
}

export const GET = handle;
export const POST = handle;
export const DELETE = handle;
