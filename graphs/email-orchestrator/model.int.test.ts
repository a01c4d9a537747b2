import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { startStubServer, type StubRequest, type StubServer } from "@/lib/llm/testing/stub-server";

// This file owns its process's environment: a fresh database and a model served by a loopback stub.
type Script = { tasks: string[]; roles: string[]; draft: string; review: () => string };
const script: Script = { tasks: [], roles: [], draft: "", review: () => '{"verdict":"ok"}' };
const system = (body: StubRequest) => String(body.messages[0]?.content ?? "");
const stub: StubServer = await startStubServer({
  handler: (body) => {
    const prompt = system(body);
    if (prompt.startsWith("You plan the next steps")) return { content: JSON.stringify({ tasks: script.tasks }) };
    if (prompt.startsWith("Pick the roles")) return { content: JSON.stringify({ roles: script.roles }) };
    if (prompt.includes("You are now reviewing a draft")) return { content: script.review() };
    return { content: script.draft };
  },
});
const testEnv = ownEnvironment("orchestrator-model", { LLM_BASE_URL: stub.url, LLM_MODEL: "stub-model" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { emailHash } = await import("@/db/queries/suppression");
const { graphClient } = await import("@/lib/langgraph/instance");
const { RULES_VERSION } = await import("./rules");

const GOOD_DRAFT = JSON.stringify({ subject: "Peak season at your stores", body: "Hi Ann,\n\nA grounded note.\n\nWould a call help?\n\nBest,\nRiley Rep" });

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}

let offset = 0;
async function freshContact(): Promise<number> {
  const row = await one<{ id: number }>(sql`
    SELECT c.id FROM contacts c WHERE c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
      AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id)
    ORDER BY c.id LIMIT 1 OFFSET ${offset++}`);
  return row.id;
}

const callsOf = (runId: string) =>
  db().all<{ node: string; status: string; cache_hit: number; prompt_version: string; thread_id: string | null; model: string }>(
    sql`SELECT node, status, cache_hit, prompt_version, thread_id, model FROM llm_calls WHERE run_id = ${runId} ORDER BY id`,
  );

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 20, contacts: 160, emails: 300, anchor: new Date() });
}, 60_000);
beforeEach(() => {
  Object.assign(script, { tasks: ["qualify", "analyze_opportunity", "compose"], roles: ["researcher", "composer"], draft: GOOD_DRAFT, review: () => '{"verdict":"ok"}' });
});
afterAll(async () => {
  await stub.close();
  db().$client.close();
  testEnv.removeDir();
});

describe("the email orchestrator with a model", () => {
  it("drafts with the model, labels it so, and records every call with its prompt version and run", async () => {
    const result = await graphClient().run("email_orchestrator", { contactId: await freshContact() });
    const draftId = (result.values.outcome as { draftId: number }).draftId;
    const draft = await one<{ model: string; provenance: string; subject: string; prompt_version: string }>(sql`SELECT model, provenance, subject, prompt_version FROM drafts WHERE id = ${draftId}`);
    expect(draft.model).toBe("stub-model");
    expect(draft.subject).toBe("Peak season at your stores");
    const provenance = JSON.parse(draft.provenance) as { confidence: number; evidence: string[] };
    expect(provenance).toMatchObject({ source: "model", path: { node: "draft_email", path: "model", model: "stub-model", promptVersion: draft.prompt_version } });
    expect(draft.prompt_version).toMatch(/^email-compose-v/);
    // The grounding rule: 0.5 + 0.1 per company fact given (the facts are the draft's first evidence lines), at most 0.8.
    const facts = (result.values.snapshot as { facts: unknown[] }).facts.length;
    expect(provenance.confidence).toBe(Math.round((0.5 + 0.1 * Math.min(3, facts)) * 10) / 10);
    const calls = await callsOf(result.runId);
    expect(calls.map((c) => c.node)).toEqual(["plan_tasks", "plan_roles", "draft_email"]);
    expect(calls.every((c) => c.status === "ok" && c.thread_id === result.threadId && c.model === "stub-model")).toBe(true);
    expect(calls[2]!.prompt_version).toMatch(/^email-compose-v/);
    // Untrusted facts reach the model fenced, in the user message only.
    const draftRequest = stub.requests.findLast((r) => !system(r).startsWith("You plan") && !system(r).startsWith("Pick the roles"))!;
    expect(system(draftRequest)).not.toContain("company facts");
    expect(String(draftRequest.messages[1]?.content)).toContain("<<<company facts");
  });

  it("a plan asking to compose cannot pass the safety gate: no model is even asked", async () => {
    const contactId = await freshContact();
    const { email } = await one<{ email: string }>(sql`SELECT email FROM contacts WHERE id = ${contactId}`);
    await db().run(sql`INSERT INTO suppression (email_hash, reason) VALUES (${emailHash(email)}, 'manual')`);
    script.tasks = ["compose"];
    const before = stub.requests.length;
    const result = await graphClient().run("email_orchestrator", { contactId });
    expect(result.values.outcome).toEqual({ status: "skipped", reason: "suppressed" });
    expect(stub.requests.length).toBe(before);
  });

  it("a plan asking to compose cannot override the cooldown", async () => {
    const contactId = await freshContact();
    await db().run(sql`INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at)
      VALUES (${contactId}, 'outbound', 't-cool', ${`<cool-${contactId}@test>`}, 'Hi', 'Body', ${Date.now() - 3_600_000})`);
    script.tasks = ["compose"];
    const result = await graphClient().run("email_orchestrator", { contactId });
    expect(result.values.outcome).toEqual({ status: "skipped", reason: "too_soon" });
  });

  it("the refine loop stops after two passes", async () => {
    script.roles = ["researcher", "composer", "reviewer"];
    let pass = 0;
    script.review = () => JSON.stringify({ verdict: "revise", subject: `Revised ${++pass}`, body: `Hi Ann,\n\nRevision ${pass}.\n\nBest,\nRiley Rep`, issues: ["too long"] });
    const result = await graphClient().run("email_orchestrator", { contactId: await freshContact() });
    const calls = await callsOf(result.runId);
    expect(calls.filter((c) => c.node === "refine_email")).toHaveLength(2);
    expect(result.values.draft).toMatchObject({ subject: "Revised 2", refinements: 2 });
  });

  it("an identical call is served from the cache", async () => {
    const contactId = await freshContact();
    const first = await graphClient().run("email_orchestrator", { contactId });
    const before = stub.requests.length;
    // Same contact again: the plan prompt is identical, then the pending draft stops the run.
    const second = await graphClient().run("email_orchestrator", { contactId });
    expect(second.values.outcome).toEqual({ status: "skipped", reason: "pending_draft" });
    expect(stub.requests.length).toBe(before);
    const [cached] = await callsOf(second.runId);
    expect(cached).toMatchObject({ node: "plan_tasks", status: "ok", cache_hit: 1 });
    expect(second.values.calls).toEqual([{ node: "plan_tasks", path: "cache", model: "stub-model", promptVersion: expect.stringMatching(/^email-orchestrator-v/) }]);
    expect((await callsOf(first.runId))[0]).toMatchObject({ cache_hit: 0 });
  });

  it("invalid model JSON falls back to the template and is recorded as an error", async () => {
    script.draft = "Sure! Here is an email for you: Dear friend...";
    const result = await graphClient().run("email_orchestrator", { contactId: await freshContact() });
    const draftId = (result.values.outcome as { draftId: number }).draftId;
    const draft = await one<{ model: string; provenance: string }>(sql`SELECT model, provenance FROM drafts WHERE id = ${draftId}`);
    expect(draft.model).toBe("offline template");
    expect(JSON.parse(draft.provenance)).toMatchObject({ source: "rule_based_fallback", path: { node: "draft_email", path: "fallback", fallback: "offline_template", why: "invalid_output", templateVersion: "template-v4" } });
    expect(JSON.parse(draft.provenance).reason).toContain("invalid_output");
    expect((await callsOf(result.runId)).find((c) => c.node === "draft_email")).toMatchObject({ status: "error" });
  });

  it("a reviewer's instruction redrafts with the model, keeps the previous version, and pauses again for a decision", async () => {
    const first = await graphClient().run("email_orchestrator", { contactId: await freshContact() });
    const draftId = (first.values.outcome as { draftId: number }).draftId;
    const shorter = JSON.stringify({ subject: "The pilot, briefly", body: "Hi Ann,\n\nOur pilot cut manual work in half. Worth a call?\n\nBest,\nRiley Rep" });
    script.draft = shorter;
    const before = stub.requests.length;
    const revised = await graphClient().resume("email_orchestrator", first.threadId!, { type: "response", args: "shorter, mention the pilot", decidedBy: "usr_demo_rep" });
    // The model saw the instruction and the version it replaces.
    const asked = String(stub.requests.slice(before).find((r) => system(r).startsWith("You write short B2B"))!.messages[1]!.content);
    expect(asked).toContain("The rep asks for a new version: shorter, mention the pilot");
    expect(asked).toContain("Subject: Peak season at your stores");
    expect(revised.interrupts).toHaveLength(1);
    expect(revised.interrupts[0]!.value).toMatchObject({ action_request: { args: { subject: "The pilot, briefly" } }, config: { allow_respond: true } });
    expect(revised.values.outcome).toEqual({ status: "revised", draftId, changed: true, note: null });
    const row = await one<{ subject: string; status: string; revisions: number; provenance: string }>(sql`SELECT subject, status, revisions, provenance FROM drafts WHERE id = ${draftId}`);
    expect(row).toMatchObject({ subject: "The pilot, briefly", status: "draft", revisions: 1 });
    expect(JSON.parse(row.provenance).reason).toContain('redrafted as the rep asked: "shorter, mention the pilot"');
    const kept = await one<{ instruction: string; outcome: string; previous_subject: string; requested_by: string }>(
      sql`SELECT instruction, outcome, previous_subject, requested_by FROM draft_revisions WHERE draft_id = ${draftId}`,
    );
    expect(kept).toEqual({ instruction: "shorter, mention the pilot", outcome: "revised", previous_subject: "Peak season at your stores", requested_by: "usr_demo_rep" });

    // The paused thread still takes a decision on the new version.
    const approved = await graphClient().resume("email_orchestrator", first.threadId!, { type: "accept" });
    expect(approved.values.outcome).toMatchObject({ status: "approved", draftId });
    expect(await one(sql`SELECT subject FROM outbox WHERE draft_id = ${draftId}`)).toEqual({ subject: "The pilot, briefly" });
  });

  it("regenerate asks the model again even when the cache holds the very same request", async () => {
    const first = await graphClient().run("email_orchestrator", { contactId: await freshContact() });
    // The model answers a regenerate with the same email, so the second regenerate's prompt is
    // byte for byte the first's: only skipping the cache reaches the model.
    await graphClient().resume("email_orchestrator", first.threadId!, { type: "response", args: "" });
    const second = await graphClient().resume("email_orchestrator", first.threadId!, { type: "response", args: "" });
    const drafts = (await callsOf(second.runId)).filter((c) => c.node === "draft_email");
    expect(drafts).toEqual([expect.objectContaining({ status: "ok", cache_hit: 0 })]);
    expect(second.values.outcome).toMatchObject({ status: "revised", changed: true });
  });

  it("the kill switch forces the deterministic path within a second, without a deploy", async () => {
    await db().run(sql`INSERT INTO settings (key, value) VALUES ('llm.kill_switch', '{"enabled":true}')`);
    await new Promise((r) => setTimeout(r, 1_100));
    const before = stub.requests.length;
    const result = await graphClient().run("email_orchestrator", { contactId: await freshContact() });
    expect(stub.requests.length).toBe(before);
    expect(result.values.draft).toMatchObject({ model: "offline template" });
    expect(result.values.calls).toEqual([
      { node: "plan_tasks", path: "fallback", fallback: "default_plan", why: "kill_switch", templateVersion: RULES_VERSION },
      { node: "plan_roles", path: "fallback", fallback: "default_roles", why: "kill_switch", templateVersion: RULES_VERSION },
      { node: "draft_email", path: "fallback", fallback: "offline_template", why: "kill_switch", templateVersion: "template-v4" },
    ]);
    const calls = await callsOf(result.runId);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.status === "refused")).toBe(true);
    await db().run(sql`DELETE FROM settings WHERE key = 'llm.kill_switch'`);
  });
});
