import { requireApiUser } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { readBody } from "@/lib/http/body";
import { askQuestionStream } from "@/lib/services/analytics";
import { ndjson } from "./events";

/**
 * Asks the text_to_sql graph a question and streams its progress as NDJSON (`AskLine`): each
 * step as it starts and ends, then the answer. Operators and admins only. A refused request
 * (no session, a rep, bad input) is a JSON error before any graph runs; a client that
 * disconnects cancels the run.
 */
export async function POST(request: Request) {
  try {
    const user = await requireApiUser(request.headers, "operator", "analytics");
    const events = askQuestionStream(user, await readQuestion(request), { signal: request.signal });
    return new Response(ndjson(events), {
      headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" },
    });
  } catch (e) {
    return errorResponse(e, "analytics");
  }
}

/** A question is a few hundred bytes; anything past 16 KB is refused unread. */
const MAX_BODY_BYTES = 16 * 1024;

async function readQuestion(request: Request): Promise<unknown> {
  const text = (await readBody(request, "analytics", MAX_BODY_BYTES)).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("bad_request:analytics", { field: "body", message: "Send the question as JSON: {\"question\": \"…\"}.", cause: e });
  }
}
