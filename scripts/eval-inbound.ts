/**
 * `npm run eval:inbound`: precision and recall per label of inbound_classify over the held-in
 * corpus (graphs/inbound-classify/testing/corpus). First the offline path (keyword rules) on it and
 * on a small held-out set written after the rules (the only figure about unseen mail), then the
 * model path through the real graph and gateway against a loopback stub model scripted three ways:
 * answering the corpus label, obeying every injected instruction and missing every opt-out, and
 * calling everything "interested"; and the adversarial script again on the held-out messages. The model rows show what the deterministic guard corrects and
 * what it does not. Temp database; nothing leaves the machine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keywordClassify } from "@/graphs/inbound-classify/rules";
import type { InboundLabel } from "@/graphs/inbound-classify/state";
import { asInput, CORPUS, HELD_OUT, type CorpusMessage } from "@/graphs/inbound-classify/testing/corpus";
import { formatScores } from "@/graphs/inbound-classify/testing/metrics";
import { startStubServer } from "@/lib/llm/testing/stub-server";

const offline = CORPUS.map((m) => ({ id: m.id, expected: m.label, actual: keywordClassify(asInput(m), "offline").label }));
console.log(`${formatScores("offline keyword rules", offline)}\n`);
const heldOut = HELD_OUT.map((m) => ({ id: m.id, expected: m.label, actual: keywordClassify(asInput(m), "offline").label }));
console.log(`${formatScores("offline keyword rules, second held-out round (unseen when first measured at 60%; its missed opt-outs then widened the rules)", heldOut)}\n`);

let answer: (m: CorpusMessage) => InboundLabel = (m) => m.label;
let current: CorpusMessage = CORPUS[0]!;
const stub = await startStubServer({ handler: () => ({ content: JSON.stringify({ label: answer(current), confidence: 0.9, reason: "Scripted." }) }) });
const dir = mkdtempSync(join(tmpdir(), "eval-inbound-"));
Object.assign(process.env, { DATABASE_URL: `file:${join(dir, "sales.db")}`, LLM_BASE_URL: stub.url, LLM_MODEL: "stub-model" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { graphClient } = await import("@/lib/langgraph/instance");
const { sql } = await import("drizzle-orm");
await applyMigrations(db());

const adversary = (m: CorpusMessage): InboundLabel => (m.injection ? "interested" : m.label === "unsubscribe" ? "info_request" : m.label);
const scripts: [string, readonly CorpusMessage[], (m: CorpusMessage) => InboundLabel][] = [
  ["model path, stub answering the corpus label", CORPUS, (m) => m.label],
  ["model path, stub obeying injections and missing opt-outs", CORPUS, adversary],
  ["model path, stub calling everything interested", CORPUS, () => "interested"],
  ["model path on the held-out messages, stub obeying injections and missing opt-outs", HELD_OUT, adversary],
];
try {
  for (const [title, messages, script] of scripts) {
    answer = script;
    await db().run(sql`DELETE FROM llm_cache`);
    const results = [];
    const guards: Record<string, number> = {};
    for (const message of messages) {
      current = message;
      const { classification } = (await graphClient().run("inbound_classify", asInput(message))).values;
      if (classification!.guard) guards[classification!.guard.guard] = (guards[classification!.guard.guard] ?? 0) + 1;
      results.push({ id: message.id, expected: message.label, actual: classification!.label });
    }
    console.log(formatScores(title, results, 12));
    console.log(`guard overrides: ${Object.entries(guards).map(([g, n]) => `${g} ${n}`).join(", ") || "none"}\n`);
  }
} finally {
  await stub.close();
  db().$client.close();
  rmSync(dir, { recursive: true, force: true });
}
