import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { startStubServer } from "@/lib/llm/testing/stub-server";

// This file owns its process's environment: a fresh database and a model on a loopback stub that
// refuses every call (HTTP 500), so every node that may call a model has to take its fallback.
const stub = await startStubServer({ handler: () => ({ status: 500, content: "the model refuses" }) });
const testEnv = ownEnvironment("fallbacks", { LLM_BASE_URL: stub.url, LLM_MODEL: "stub-model" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { TEMPLATE_VERSION } = await import("@/lib/outreach/templates");
const orchestrator = { rules: await import("./email-orchestrator/rules"), planTasks: await import("./email-orchestrator/nodes/plan-tasks"), planRoles: await import("./email-orchestrator/nodes/plan-roles"), reviewDraft: await import("./email-orchestrator/nodes/review-draft") };
const compose = { prompts: await import("./email-compose/prompts"), draftEmail: await import("./email-compose/nodes/draft-email"), refineEmail: await import("./email-compose/nodes/refine-email") };
const classify = { rules: await import("./inbound-classify/rules"), withModel: await import("./inbound-classify/nodes/classify-with-model"), withRules: await import("./inbound-classify/nodes/classify-with-rules") };
const campaign = { rules: await import("./campaign/rules"), coachPlan: await import("./campaign/nodes/coach-plan") };
const reflect = { rules: await import("./memory-reflect/rules"), summarizeEmail: await import("./memory-reflect/nodes/summarize-email") };
const sqlGraph = {
  rules: await import("./text-to-sql/rules"),
  understandQuestion: await import("./text-to-sql/nodes/understand-question"),
  generateSql: await import("./text-to-sql/nodes/generate-sql"),
  repairSql: await import("./text-to-sql/nodes/repair-sql"),
  summarize: await import("./text-to-sql/nodes/summarize"),
};
const attribution = { rules: await import("./touch-attribution/rules"), weighTouches: await import("./touch-attribution/nodes/weigh-touches") };
const panel = {
  rules: await import("./campaign-panel/rules"),
  audience: await import("./campaign-panel/audience"),
  strategist: await import("./campaign-panel/nodes/strategist"),
  skeptic: await import("./campaign-panel/nodes/skeptic"),
  brandVoice: await import("./campaign-panel/nodes/brand-voice"),
  agreePlan: await import("./campaign-panel/nodes/agree-plan"),
};
const country = { rules: await import("./country-classify/rules"), withModel: await import("./country-classify/nodes/classify-with-model"), decide: await import("./country-classify/nodes/decide-country") };

type AnyState = never;
const config = { configurable: { run_id: "fallback-run", thread_id: "fallback-thread" } };
const refused = (node: string, fallback: string, templateVersion: string) => ({ node, path: "fallback", fallback, why: "provider_error", templateVersion });

const brief = {
  action: "initial" as const,
  contact: { firstName: "Laura", lastName: "Costa", title: "Head of Operations", seniority: "director", department: "Operations" },
  company: { name: "Pinelogic Market", vertical: "retail", size: "51-200", hqCity: "Dublin" },
  facts: [{ id: 1, fact: "Opened 29 new stores in the last year", source: "news", confidence: 0.9 }],
  campaign: null,
  memories: [],
  inbound: null,
  previousSubject: null,
  senderName: "Riley Rep",
  roles: ["researcher", "composer", "reviewer"] as ("researcher" | "composer" | "reviewer")[],
};
const snapshot = { contact: { title: "Head of Operations", seniority: "director" }, company: { name: "Pinelogic Market", vertical: "retail" }, facts: [] };
const history = { outboundCount: 0, unansweredInbound: null };
let contactId = 0;
const panelProfile = panel.audience.summarizeAudience({
  contacts: [{ companyId: 1, vertical: "retail", seniority: "director", country: "IE" }],
  facts: [{ companyId: 1, fact: "Opened 29 new stores in the last year", confidence: 0.9 }],
});

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 2, contacts: 4, emails: 0, anchor: new Date() });
  contactId = (await db().all<{ id: number }>(sql`SELECT id FROM contacts ORDER BY id LIMIT 1`))[0]!.id;
  const now = Date.now();
  for (const [i, ago] of [3, 1].entries()) {
    await db().run(sql`INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, step, sent_at)
      VALUES (${contactId}, 'outbound', 't-fallback', ${`<fb-${i}@test>`}, ${`Touch ${i + 1}`}, 'Body', ${i + 1}, ${now - ago * 86_400_000})`);
  }
}, 60_000);
afterAll(async () => {
  await stub.close();
  db().$client.close();
  testEnv.removeDir();
});

/** Each node that can fall back, run on its own with the model refusing: what its provenance must record. */
const NODES: Record<string, () => Promise<void>> = {
  "campaign/coach-plan": async () => {
    const { id: campaignId } = (await db().all<{ id: number }>(sql`INSERT INTO email_campaigns (name, angle, tone, cadence_days) VALUES ('Fallback campaign', 'Faster close', 'warm', '[0,4,7,7,7,7]') RETURNING id`))[0]!;
    await db().run(sql`INSERT INTO campaign_enrollments (campaign_id, contact_id, thread_id) VALUES (${campaignId}, ${contactId}, 'fallback-thread')`);
    const out = await campaign.coachPlan.coachPlan({ campaignId, contactId, step: 0 } as AnyState, config);
    // The campaign has no launched plan, so the thread fails open to the defaults, labelled as such.
    expect(out.plan).toMatchObject({ angle: "Faster close", tone: "warm", cadenceDays: [0, 4, 7, 7, 7, 7], maxTouches: 6, provenance: { source: "default_plan" }, version: "coach-rules-v1" });
    expect(out.plan!.provenance.reason).toContain("model unavailable: provider_error");
    expect(out.calls).toEqual([refused("coach_plan", "launched_plan", campaign.rules.RULES_VERSION)]);
  },
  "email-orchestrator/plan-tasks": async () => {
    const out = await orchestrator.planTasks.planTasks({ snapshot, history } as AnyState, config);
    expect(out.plan).toEqual(orchestrator.rules.DEFAULT_PLAN);
    expect(out.calls).toEqual([refused("plan_tasks", "default_plan", orchestrator.rules.RULES_VERSION)]);
  },
  "email-orchestrator/plan-roles": async () => {
    const out = await orchestrator.planRoles.planRoles({ snapshot, history } as AnyState, config);
    expect(out.roles).toEqual(orchestrator.rules.DEFAULT_ROLES);
    expect(out.calls).toEqual([refused("plan_roles", "default_roles", orchestrator.rules.RULES_VERSION)]);
  },
  "email-orchestrator/review-draft": async () => {
    const modelDraft = { subject: "Hi {{first_name}}", body: "Hello", model: "stub-model", refinements: 0, provenance: { confidence: 0.6, reason: "", source: "model", evidence: [], path: { node: "draft_email", path: "model", model: "stub-model", promptVersion: "p" } } };
    const out = orchestrator.reviewDraft.reviewDraft({ brief, draft: modelDraft } as AnyState);
    expect(out.draft).toMatchObject({ model: "offline template", provenance: { source: "rule_based_fallback", path: { node: "review_draft", path: "fallback", fallback: "offline_template", why: "failed_review", templateVersion: TEMPLATE_VERSION } } });
  },
  "email-compose/draft-email": async () => {
    const out = await compose.draftEmail.draftEmail({ brief } as AnyState, config);
    expect(out.draft).toMatchObject({ model: "offline template", provenance: { source: "rule_based_fallback", path: refused("draft_email", "offline_template", TEMPLATE_VERSION) } });
    expect(out.draft!.provenance.reason).toContain("model unavailable: provider_error");
    expect(out.calls).toEqual([refused("draft_email", "offline_template", TEMPLATE_VERSION)]);
  },
  "email-compose/refine-email": async () => {
    const path = { node: "draft_email", path: "model" as const, model: "stub-model", promptVersion: compose.prompts.PROMPT_VERSION };
    const draft = { subject: "s", body: "b", model: "stub-model", refinements: 0, provenance: { confidence: 0.6, reason: "r", source: "model", evidence: [], path } };
    const out = await compose.refineEmail.refineEmail({ brief, draft } as AnyState, config);
    // The draft stays as written, so the fallback's version is the draft's own prompt version.
    expect(out).toEqual({ refineDone: true, calls: [refused("refine_email", "keep_draft", compose.prompts.PROMPT_VERSION)] });
  },
  "inbound-classify/classify-with-model": async () => {
    const state = { subject: "Out of office", body: "Back on Monday.", from: "a@x.example", calls: [] };
    const out = await classify.withModel.classifyWithModel(state as AnyState, config);
    expect(out).toEqual({ calls: [refused("classify_with_model", "keyword_rules", classify.rules.RULES_VERSION)] });
    const ruled = classify.withRules.classifyWithRules({ ...state, calls: out.calls } as AnyState);
    expect(ruled.classification).toMatchObject({ label: "auto_reply", promptVersion: classify.rules.RULES_VERSION, provenance: { path: refused("classify_with_model", "keyword_rules", classify.rules.RULES_VERSION) } });
  },
  "memory-reflect/summarize-email": async () => {
    const email = { id: 7, direction: "outbound", threadId: "t", subject: "Peak season", body: "Hi", sentAt: Date.UTC(2026, 10, 21), label: null };
    const out = await reflect.summarizeEmail.summarizeEmail({ email } as AnyState, config);
    expect(out.reflection).toMatchObject({ content: "Sent 2026-11-21: Peak season", promptVersion: reflect.rules.RULES_VERSION, provenance: { path: refused("summarize_email", "subject_line", reflect.rules.RULES_VERSION) } });
  },
  "text-to-sql/understand-question": async () => {
    const out = await sqlGraph.understandQuestion.understandQuestion({ question: "Contacts per vertical?" } as AnyState, config);
    expect(out).toEqual({ understanding: "Contacts per vertical?", tables: undefined, calls: [refused("understand_question", "question_as_asked", sqlGraph.rules.RULES_VERSION)] });
  },
  "text-to-sql/generate-sql": async () => {
    const out = await sqlGraph.generateSql.generateSql({ question: "Which campaign gets the most replies?", tables: [] } as AnyState, config);
    expect(out).toMatchObject({ sqlSource: "metrics", reportId: null, calls: [refused("generate_sql", "metrics_layer", sqlGraph.rules.RULES_VERSION)] });
  },
  "text-to-sql/repair-sql": async () => {
    const out = await sqlGraph.repairSql.repairSql({ question: "q", attempts: [{ sql: "SELECT x", error: "no such column: x", kind: "database" }] } as AnyState, config);
    expect(out).toEqual({ sql: "SELECT x", repairs: 2, calls: [refused("repair_sql", "stop_repairs", sqlGraph.rules.RULES_VERSION)] });
  },
  "text-to-sql/summarize": async () => {
    const state = { question: "q", execute: true, sqlSource: "model", repairs: 0, sql: "SELECT 1 AS n", attempts: [{ sql: "SELECT 1 AS n", error: null, kind: "ok" }], columns: ["n"], rows: [[1]], truncated: false, calls: [] };
    const out = await sqlGraph.summarize.summarize(state as AnyState, config);
    expect(out.answer).toMatchObject({ status: "answered", summary: "The query returned 1 row." });
    expect(out.calls).toEqual([refused("summarize", "row_count", sqlGraph.rules.RULES_VERSION)]);
  },
  "touch-attribution/weigh-touches": async () => {
    const lastTouch = { model: "last-touch", scope: { contactId }, total: 1, byStep: [], conversions: [{ outcomeId: 1, contactId, label: "interested", convertedAt: Date.now(), credited: null }] };
    const out = await attribution.weighTouches.weighTouches({ contactId, lastTouch } as AnyState, config);
    expect(out.result!.conversions[0]!.provenance).toMatchObject({ source: "rule_based_fallback", path: refused("weigh_touches", "last_touch", attribution.rules.RULES_VERSION) });
    expect(out.result!.conversions[0]!.touches.map((t) => t.weight)).toEqual([1, 0]);
    expect(out.calls).toEqual([refused("weigh_touches", "last_touch", attribution.rules.RULES_VERSION)]);
  },
  "country-classify/classify-with-model": async () => {
    const state = { hq: "Austin, TX", resolution: country.rules.resolveOffline("Austin, TX"), calls: [] };
    const out = await country.withModel.classifyWithModel(state as AnyState, config);
    expect(out).toEqual({ calls: [refused("classify_with_model", "offline_resolver", country.rules.RULES_VERSION)] });
    const decided = country.decide.decideCountry({ ...state, calls: out.calls } as AnyState);
    expect(decided.decision).toMatchObject({ country: "US", model: null, promptVersion: country.rules.RULES_VERSION, provenance: { source: "rule_based_fallback", path: refused("classify_with_model", "offline_resolver", country.rules.RULES_VERSION) } });
    expect(decided.decision!.reasons[0]).toContain("model unavailable: provider_error");
  },
  ...Object.fromEntries(
    (["strategist", "skeptic", "brand_voice"] as const).map((lens) => [
      `campaign-panel/${lens.replace("_", "-")}`,
      async () => {
        const node = { strategist: panel.strategist.strategist, skeptic: panel.skeptic.skeptic, brand_voice: panel.brandVoice.brandVoice }[lens];
        const out = await node({ profile: panelProfile, lenses: [], contactIds: [contactId] } as AnyState, config);
        expect(out.lenses![0]).toMatchObject({ lens, promptVersion: panel.rules.RULES_VERSION, provenance: { source: "rule_based_fallback", path: refused(lens, "audience_rules", panel.rules.RULES_VERSION) } });
        expect(out.lenses![0]!.provenance.reason).toBe("Argued by the audience rules (model unavailable: provider_error).");
        expect(out.calls).toEqual([refused(lens, "audience_rules", panel.rules.RULES_VERSION)]);
      },
    ]),
  ),
  "campaign-panel/agree-plan": async () => {
    const lenses = [{ lens: "brand_voice", argument: "Formal.", proposals: { tone: "formal" }, provenance: { confidence: 0.7, reason: "", source: "model", evidence: [] }, promptVersion: "p" }];
    const out = await panel.agreePlan.agreePlan({ profile: panelProfile, lenses, contactIds: [contactId] } as AnyState, config);
    expect(out).toMatchObject({ outcome: "agreed", agreed: { tone: "formal", maxTouches: 6 }, promptVersion: panel.rules.RULES_VERSION, provenance: { source: "rule_based_fallback", confidence: 0.7, path: refused("agree_plan", "lens_merge", panel.rules.RULES_VERSION) } });
    expect(out.calls).toEqual([refused("agree_plan", "lens_merge", panel.rules.RULES_VERSION)]);
  },
};

describe("every node that can fall back, with the model refusing", () => {
  it("this table covers every node that calls a model, so a new one cannot skip the check", () => {
    const callers = readdirSync("graphs", { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== "shared" && d.name !== "testing")
      .flatMap((d) => readdirSync(join("graphs", d.name, "nodes")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => `${d.name}/${f.slice(0, -3)}`))
      .filter((node) => /\bcallModel[<(]/.test(readFileSync(join("graphs", `${node.replace("/", "/nodes/")}.ts`), "utf8")));
    expect(callers.filter((node) => !(node in NODES))).toEqual([]);
  });

  it.each(Object.keys(NODES))("%s records its fallback, why, and the fallback's version in provenance", async (node) => {
    const before = stub.requests.length;
    await NODES[node]!();
    // The review is deterministic; every other node really asked the model first.
    if (node !== "email-orchestrator/review-draft") expect(stub.requests.length).toBeGreaterThan(before);
  });
});
