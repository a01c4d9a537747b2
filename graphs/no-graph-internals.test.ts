import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The repository's own eslint.config.mjs, run through ESLint's Node API on snippets placed as if
// they were files of a graph: the cross-graph rule as `npm run lint` applies it.
const eslint = new ESLint({ cwd: process.cwd() });

async function reported(code: string, filePath = "graphs/email-reply/nodes/probe.ts") {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "fleet/no-graph-internals").map((m) => m.message);
}

describe("a graph importing another graph", () => {
  it.each([
    ['import { injectableMemories } from "@/graphs/email-orchestrator/rules";', "rules"],
    ['import { templateDraft } from "../../email-compose/templates";', "templates"],
    ['import { PROMPT_VERSION } from "@/graphs/email-compose/prompts";', "prompts"],
    ['import { draftEmail } from "@/graphs/email-compose/nodes/draft-email";', "nodes/draft-email"],
    ['import { ComposeState } from "@/graphs/email-compose/state";', "state"],
    ['export { resolveConfig } from "@/graphs/email-compose/config";', "config"],
    ['const m = await import("@/graphs/email-compose/rules");\nexport default m;', "rules"],
  ])("is reported when it reaches into the other graph's internals: %s", async (code, module) => {
    const messages = await reported(code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`graphs/email-reply may use graphs/${code.includes("orchestrator") ? "email-orchestrator" : "email-compose"} only as a subgraph`);
    expect(messages[0]).toContain(`not its ${module}`);
  });

  it.each([
    ['import { graph as composeGraph } from "@/graphs/email-compose/graph";\nexport { composeGraph };', "as a subgraph"],
    ['import type { ComposeBrief } from "@/graphs/email-compose/state";\nexport type B = ComposeBrief;', "for a type"],
    ['import { type ComposeBrief } from "@/graphs/email-compose/state";\nexport type B = ComposeBrief;', "for a type, inline"],
    ['import { PROMPT_VERSION } from "../prompts";\nexport { PROMPT_VERSION };', "its own prompts"],
    ['import { callModel } from "@/graphs/shared/call-model";\nexport { callModel };', "the shared kit"],
    ['import { templateDraft } from "@/lib/outreach/templates";\nexport { templateDraft };', "shared policy in lib/"],
  ])("is allowed %s", async (code) => {
    expect(await reported(code)).toEqual([]);
  });

  it("applies only inside graph folders: the registry may name every graph's types and metas", async () => {
    expect(await reported('import { meta } from "./email-compose/meta";\nexport { meta };', "graphs/registry.ts")).toEqual([]);
  });
});
