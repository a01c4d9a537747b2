import { errorResponse } from "@/lib/errors";
import { authorizeTick, runJobsTick } from "@/lib/services/jobs";

/**
 * One round of due background jobs, for hosts that only allow cron: call it every minute with
 * `Authorization: Bearer <JOBS_TICK_TOKEN>`. Answers what ran: `{claimed, done, retrying, dead, lost}`.
 */
export async function POST(request: Request) {
  try {
    authorizeTick(request.headers.get("authorization"));
    return Response.json(await runJobsTick());
  } catch (e) {
    return errorResponse(e, "api");
  }
}
