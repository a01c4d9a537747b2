import { describe, expect, it } from "vitest";
import { afterApproval, afterCheckReply, afterGuard, afterSchedule, afterSend } from "./routers";
import type { CampaignStateType } from "./state";

const state = (over: Partial<CampaignStateType>) => ({ step: 0, ...over }) as CampaignStateType;
const ended = { status: "ended", step: 1, enrollment: "replied", reason: "replied" } as const;
const sleeping = { status: "sleeping", step: 1, wakeAt: null, why: "paused", hold: true } as const;

describe("campaign routers", () => {
  it("a thread whose contact replied ends at check_reply; otherwise it goes to the guard", () => {
    expect(afterCheckReply(state({ outcome: ended }))).toBe("__end__");
    expect(afterCheckReply(state({}))).toBe("guard");
  });

  it("the guard ends a stopped thread, sleeps a held one and lets a clear one compose", () => {
    expect(afterGuard(state({ outcome: ended }))).toBe("__end__");
    expect(afterGuard(state({ outcome: sleeping }))).toBe("sleep");
    expect(afterGuard(state({}))).toBe("compose_touch");
  });

  it("a rep's approval or edit goes to send_touch, a rejection to record, a withdrawal ends the thread", () => {
    expect(afterApproval(state({ response: { type: "accept" } }))).toBe("send_touch");
    expect(afterApproval(state({ response: [{ type: "edit", args: { subject: "s", body: "b" } }] }))).toBe("send_touch");
    expect(afterApproval(state({ response: { type: "ignore" } }))).toBe("record");
    expect(afterApproval(state({ response: { type: "withdrawn" } }))).toBe("__end__");
    expect(afterApproval(state({ response: "nonsense" }))).toBe("__end__");
  });

  it("a stop found at approval ends the thread; otherwise the touch is recorded", () => {
    expect(afterSend(state({ outcome: ended }))).toBe("__end__");
    expect(afterSend(state({}))).toBe("record");
  });

  it("after the last touch the thread ends; otherwise it sleeps", () => {
    expect(afterSchedule(state({ outcome: ended }))).toBe("__end__");
    expect(afterSchedule(state({ outcome: sleeping }))).toBe("sleep");
  });
});
