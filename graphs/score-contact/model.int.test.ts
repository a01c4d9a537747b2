import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { startStubServer } from "@/lib/llm/testing/stub-server";

// This file owns its process's environment: a fresh database and a model on a loopback stub,
// which refuses every call (HTTP 500) while `refusing` is set.
let refusing = false;
const stub = await startStubServer({ handler: () => (refusing ? { status: 500, content: "the model refuses" } : { content: '{"fit": 0.5, "reason": "Default."}' }) });
const testEnv = ownEnvironment("score-contact-model", { LLM_BASE_URL: stub.url, LLM_MODEL: "stub-model" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { graphClient } = await import("@/lib/langgraph/instance");
const { insertScoringFixture } = await import("@/db/queries/testing/scoring-fixture");
const { PROMPT_VERSION } = await import("./prompts");
const { RULES_VERSION } = await import("./rules");

let ids: number[] = [];
beforeAll(async () => {
  await applyMigrations(db());
  ({ contactIds: ids } = await insertScoringFixture(db(), "model", "healthcare", [
    { first: "Ana", title: "Director of Nursing", seniority: "director", linkedin: true },
    { first: "Ben", title: "Chief Medical Officer", seniority: "c_level" },
    { first: "Cleo", title: "Nursing Director", seniority: "director", linkedin: true },
    { first: "Dev", title: "Head of Patient Operations", seniority: "director" },
  ]));
});
afterAll(async () => {
  await stub.close();
  db().$client.close();
  testEnv.removeDir();
});

type CallRow = { status: string; feature: string; prompt_version: string; node: string; vertical: string | null };
const lastCall = async () => (await db().all<CallRow>(sql`SELECT status, feature, prompt_version, node, vertical FROM llm_calls ORDER BY id DESC LIMIT 1`))[0]!;

describe("score_contact with a model", () => {
  it("the role fit is the model's, labelled so with its prompt version, and the title reaches it only as fenced data", async () => {
    stub.enqueue({ content: '{"fit": 0.2, "reason": "Nursing leadership does not buy this."}' });
    const { values } = await graphClient().run("score_contact", { contactId: ids[0]! });
    expect(values.decision).toMatchObject({
      source: "model",
      model: "stub-model",
      promptVersion: PROMPT_VERSION,
      terms: { roleFit: { value: 0.2, source: "model", why: "Model stub-model: Nursing leadership does not buy this. (0.2)." } },
      provenance: { source: "model", path: { node: "judge_role_fit", path: "model", model: "stub-model", promptVersion: PROMPT_VERSION } },
    });
    const [system, user] = stub.requests.at(-1)!.messages as { role: string; content: string }[];
    expect(system!.content).toContain("Hospitals, clinics");
    expect(system!.content).not.toContain("Director of Nursing");
    expect(user!.content).toContain("Director of Nursing");
    expect(await lastCall()).toMatchObject({ status: "ok", feature: "scoring", prompt_version: PROMPT_VERSION, node: "judge_role_fit", vertical: "healthcare" });
    const row = (await db().all<{ source: string; model: string; prompt_version: string }>(sql`SELECT source, model, prompt_version FROM contact_scores WHERE contact_id = ${ids[0]}`))[0];
    expect(row).toEqual({ source: "model", model: "stub-model", prompt_version: PROMPT_VERSION });
  });

  it("the model's judgement moves the score: the same profile judged a high fit scores above the one judged low", async () => {
    const low = (await db().all<{ score: number }>(sql`SELECT score FROM contact_scores WHERE contact_id = ${ids[0]}`))[0]!.score;
    stub.enqueue({ content: '{"fit": 1, "reason": "Owns clinical purchasing."}' });
    const { values } = await graphClient().run("score_contact", { contactId: ids[2]! });
    expect(values.decision).toMatchObject({ source: "model", terms: { roleFit: { value: 1 } } });
    expect(values.decision!.score).toBeGreaterThan(low);
  });

  it("a failing model call relabels the score rule_based_fallback — never presented as the model's", async () => {
    refusing = true;
    try {
      const { values } = await graphClient().run("score_contact", { contactId: ids[1]! });
      expect(values.decision).toMatchObject({
        source: "rule_based_fallback",
        model: null,
        promptVersion: RULES_VERSION,
        terms: { roleFit: { source: "rule_based_fallback" } },
        provenance: { source: "rule_based_fallback", path: { node: "judge_role_fit", path: "fallback", fallback: "keyword_rules" } },
      });
      const row = (await db().all<{ source: string; model: string | null; prompt_version: string }>(sql`SELECT source, model, prompt_version FROM contact_scores WHERE contact_id = ${ids[1]}`))[0];
      expect(row).toEqual({ source: "rule_based_fallback", model: null, prompt_version: RULES_VERSION });
    } finally {
      refusing = false;
    }
  });

  it("an answer that is not a fit is invalid output and falls back the same way", async () => {
    stub.enqueue({ content: "A great fit!" });
    const { values } = await graphClient().run("score_contact", { contactId: ids[3]! });
    expect(values.decision).toMatchObject({ source: "rule_based_fallback", provenance: { path: { why: "invalid_output" } } });
  });
});
