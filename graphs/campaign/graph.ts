import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { awaitApproval } from "./nodes/await-approval";
import { checkReply } from "./nodes/check-reply";
import { coachPlan } from "./nodes/coach-plan";
import { composeTouch } from "./nodes/compose-touch";
import { guard } from "./nodes/guard";
import { record } from "./nodes/record";
import { scheduleNext } from "./nodes/schedule-next";
import { sendTouch } from "./nodes/send-touch";
import { sleep } from "./nodes/sleep";
import { afterApproval, afterCheckReply, afterGuard, afterSchedule, afterSend } from "./routers";
import { CampaignState, inputSchema } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { CampaignInput, CampaignOutput, CampaignResume } from "./state";

/**
 * coach_plan (once, at step 0) → check_reply → guard → compose_touch → await_approval (interrupt)
 * → send_touch → record → schedule_next → sleep (interrupt until wake_at) → check_reply …; a
 * stop ends the thread wherever it is found, a hold (pause, out-of-office) sleeps.
 */
export const workflow = new StateGraph(CampaignState)
  .addNode("coach_plan", traced("coach_plan", coachPlan))
  .addNode("check_reply", traced("check_reply", checkReply))
  .addNode("guard", traced("guard", guard))
  .addNode("compose_touch", traced("compose_touch", composeTouch))
  .addNode("await_approval", traced("await_approval", awaitApproval))
  .addNode("send_touch", traced("send_touch", sendTouch))
  .addNode("record", traced("record", record))
  .addNode("schedule_next", traced("schedule_next", scheduleNext))
  .addNode("sleep", traced("sleep", sleep))
  .addEdge(START, "coach_plan")
  .addEdge("coach_plan", "check_reply")
  .addConditionalEdges("check_reply", afterCheckReply, ["guard", END])
  .addConditionalEdges("guard", afterGuard, ["compose_touch", "sleep", END])
  .addEdge("compose_touch", "await_approval")
  .addConditionalEdges("await_approval", afterApproval, ["send_touch", "record", END])
  .addConditionalEdges("send_touch", afterSend, ["record", END])
  .addEdge("record", "schedule_next")
  .addConditionalEdges("schedule_next", afterSchedule, ["sleep", END])
  .addEdge("sleep", "check_reply");

export const graph = workflow.compile();
