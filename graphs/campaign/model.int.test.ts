import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { startStubServer, type StubRequest } from "@/lib/llm/testing/stub-server";

// This file owns its process's environment: a fresh database, a model on a loopback stub that
// answers the coach, the writer and the reviewer by their prompts, local mail, and no job runner
// of its own: each step runs one on a test clock.
const system = (body: StubRequest) => String(body.messages[0]?.content ?? "");
const isCoach = (body: StubRequest) => system(body).includes("coach of a B2B outreach sequence");
let coachAnswer = "";
const stub = await startStubServer({
  handler: (body) => {
    if (isCoach(body)) return { content: coachAnswer };
    if (system(body).includes("reviewing a draft")) return { content: '{"verdict":"ok"}' };
    const touch = /Touch (\d) of/.exec(String(body.messages[1]?.content ?? ""))?.[1] ?? "1";
    return { content: JSON.stringify({ subject: `Touch ${touch}: a faster close`, body: `Hi,\n\nTouch ${touch} of our sequence about closing faster.\n\nBest,\nRiley` }) };
  },
});
const testEnv = ownEnvironment("campaign-model", { LLM_BASE_URL: stub.url, LLM_MODEL: "stub-model", JOBS_IN_PROCESS: "false", SEND_DELAY_SECONDS: "20" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { createTestClock } = await import("@/lib/clock");
const { graphClient } = await import("@/lib/langgraph/instance");
const { embeddedRuntime } = await import("@/lib/runtime/instance");
const { campaignRunner, freshContacts } = await import("@/lib/campaigns/testing");
const { createCampaign, launchCampaign } = await import("@/lib/services/campaigns");
const { approveWithUndo } = await import("@/lib/services/draft-decisions");
const { PROMPT_VERSION } = await import("./prompts");
const { RULES_VERSION } = await import("./rules");

const operator = { id: "usr_demo_operator", name: "Olly Operator", email: "operator@demo.local", role: "operator" as const };
const admin = { id: "usr_demo_admin", name: "Ada Admin", email: "admin@demo.local", role: "admin" as const };
const clock = createTestClock(Date.now() + 60_000);
const PLAN = { angle: "Close the books in four days", tone: "direct", cadenceDays: [0, 2, 3], maxTouches: 3, stopCriteria: "Stop on any reply.", source: "campaign_panel" } as const;
let jobs: ReturnType<typeof campaignRunner>;

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}
const enrollmentOf = (campaignId: number) => one<{ id: number; status: string; next_wake_at: number | null; thread_id: string }>(sql`SELECT id, status, next_wake_at, thread_id FROM campaign_enrollments WHERE campaign_id = ${campaignId}`);
const pendingDraft = (enrollmentId: number) => one<{ id: number; step: number; model: string; prompt_version: string } | undefined>(sql`SELECT id, step, model, prompt_version FROM drafts WHERE enrollment_id = ${enrollmentId} AND status = 'draft'`);

async function launch(name: string) {
  const { id } = await createCampaign(operator, { name, plan: PLAN });
  const [contact] = await freshContacts(db(), 1);
  await launchCampaign(operator, id, { contactIds: [contact!.id] }, clock);
  await jobs.tick();
  return { campaignId: id, enrollment: await enrollmentOf(id) };
}

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 10, contacts: 60, emails: 20, anchor: new Date() });
  jobs = campaignRunner(db(), graphClient(), clock);
}, 60_000);
afterAll(async () => {
  embeddedRuntime().close();
  await stub.close();
  db().$client.close();
  testEnv.removeDir();
});

describe("a campaign sequence with a model", () => {
  it("the coach plans once for the whole sequence, and each touch is written by the model with the coach's per-touch angle and its touch number", async () => {
    coachAnswer = JSON.stringify({
      angle: "Month-end close in four days",
      tone: "consultative",
      cadenceDays: [0, 30, 30],
      maxTouches: 5,
      stopCriteria: "Stop when they answer.",
      touchAngles: ["Open: the nine-day close", "Proof: audit-ready books", "Last call: a pilot"],
      confidence: 0.8,
      reason: "A finance leader at a growing company.",
    });
    const coachCalls = () => stub.requests.filter(isCoach).length;
    const before = coachCalls();
    const { campaignId, enrollment } = await launch("Model sequence");
    expect(coachCalls() - before).toBe(1);
    const state = (await graphClient().getState(enrollment.thread_id)).values as { plan: Record<string, unknown> & { provenance: Record<string, unknown> } };
    // The coach's angle and tone; the launched (panel's) cadence and budget, which the forecast was made from.
    expect(state.plan).toMatchObject({ angle: "Month-end close in four days", tone: "consultative", cadenceDays: [0, 2, 3], maxTouches: 3, version: PROMPT_VERSION, provenance: { source: "model", confidence: 0.8 } });

    for (const touch of [1, 2, 3]) {
      const draft = (await pendingDraft(enrollment.id))!;
      expect(draft).toMatchObject({ step: touch, model: "stub-model" });
      const writer = stub.requests.filter((r) => system(r).startsWith("You write short") && !system(r).includes("reviewing")).at(-1)!;
      const brief = String(writer.messages[1]!.content);
      expect(brief).toContain(`Touch ${touch} of 3`);
      // The campaign's angle is the wording; the touch's angle reaches the model as an instruction, never as the angle.
      expect(brief).toContain("Angle: Month-end close in four days.");
      expect(brief).toContain(`Writer's note for this touch (an instruction, not wording to copy): ${["Open: the nine-day close", "Proof: audit-ready books", "Last call: a pilot"][touch - 1]}`);
      await approveWithUndo(admin, draft.id);
      await jobs.tick();
      const e = await enrollmentOf(campaignId);
      if (touch < 3) {
        clock.set(e.next_wake_at!);
        await jobs.tick();
      } else expect(e).toMatchObject({ status: "completed", next_wake_at: null });
    }
    expect(coachCalls() - before).toBe(1);
    const sent = await db().all<{ step: number }>(sql`SELECT step FROM emails WHERE campaign_id = ${campaignId} AND direction = 'outbound' ORDER BY step`);
    expect(sent.map((s) => s.step)).toEqual([1, 2, 3]);
  });

  it("a coach answer with a tone outside the enum is refused, and the thread keeps the launched plan, labelled with why", async () => {
    coachAnswer = JSON.stringify({ angle: "Crush them", tone: "aggressive", cadenceDays: [0, 1], maxTouches: 2, stopCriteria: "" });
    const { enrollment } = await launch("Refused coach");
    const state = (await graphClient().getState(enrollment.thread_id)).values as { plan: { provenance: { reason: string; source: string }; version: string; tone: string; cadenceDays: number[] }; calls: unknown[] };
    expect(state.plan).toMatchObject({ tone: "direct", cadenceDays: [0, 2, 3], version: RULES_VERSION, provenance: { source: "campaign_panel" } });
    expect(state.plan.provenance.reason).toContain("the coach's plan was refused (invalid tone)");
    expect(state.calls[0]).toEqual({ node: "coach_plan", path: "fallback", fallback: "launched_plan", why: "unusable_answer", templateVersion: RULES_VERSION });
  });
});
