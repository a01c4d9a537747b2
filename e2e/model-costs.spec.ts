import { expect, test } from "@playwright/test";
import { draftableContact, draftFromContactPage, queryE2eDb, signIn, USERS, writeE2eDb } from "./helpers";
import { E2E_MODEL, MODEL_SERVER } from "./servers";

// Runs against the console whose model is the loopback stub (e2e/model-stub.ts), priced as E2E_MODEL.
type Call = { node: string; model: string; prompt_version: string; tokens_in: number; tokens_out: number; cost_usd: number; status: string };

const dollars = (text: string) => Number(text.trim().replace(/^\$/, ""));

test("an admin drafts outreach with a model, opens the draft's run link and sees its nodes as a tree (compose's subgraph nested) with each model call under its node, costed to the database's sum", async ({ page }) => {
  test.setTimeout(90_000);
  const contact = await draftableContact(USERS.rep, 0, MODEL_SERVER);
  await signIn(page, USERS.admin);
  const draftId = await draftFromContactPage(page, contact);

  await page.getByTestId("outreach-summary").getByRole("link", { name: "Review the draft" }).click();
  const provenance = page.getByTestId("draft-detail").getByTestId("provenance");
  await expect(provenance).toContainText(E2E_MODEL);
  await expect(provenance).not.toContainText("offline template");
  await expect(provenance).not.toContainText("Rule-based fallback");

  const [draft] = await queryE2eDb<{ run_id: string; model: string }>("SELECT run_id, model FROM drafts WHERE id = ?", [draftId], MODEL_SERVER);
  expect(draft!.model).toBe(E2E_MODEL);
  const runId = draft!.run_id;
  await provenance.getByRole("link", { name: /View run/ }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(runId);

  // Every node the run went through, in order, with the compose subgraph's nodes nested under compose.
  const tree = page.getByTestId("run-tree");
  const steps = await queryE2eDb<{ node: string }>("SELECT node FROM run_steps WHERE run_id = ? AND namespace IS NULL ORDER BY id", [runId], MODEL_SERVER);
  expect(steps.map((s) => s.node)).toEqual(expect.arrayContaining(["plan_tasks", "plan_roles", "compose", "review_draft", "store_draft"]));
  const stepItems = tree.locator(":scope > [data-testid=run-steps] > [data-testid=run-step]");
  await expect(stepItems).toHaveCount(steps.length);
  for (const [i, s] of steps.entries()) await expect(stepItems.nth(i)).toHaveAttribute("data-node", s.node);
  const inner = await queryE2eDb<{ node: string }>("SELECT node FROM run_steps WHERE run_id = ? AND namespace = 'compose' ORDER BY id", [runId], MODEL_SERVER);
  expect(inner.map((s) => s.node)).toEqual(["draft_email", "refine_email"]);
  const composeSteps = tree.locator("[data-testid=run-step][data-node=compose] > [data-testid=run-substeps] > [data-testid=run-step]");
  await expect(composeSteps).toHaveCount(inner.length);
  for (const [i, s] of inner.entries()) await expect(composeSteps.nth(i)).toHaveAttribute("data-node", s.node);

  // Every model call, beneath the node that made it: model, prompt version, tokens and a cost that is not zero.
  const calls = await queryE2eDb<Call>(
    "SELECT node, model, prompt_version, tokens_in, tokens_out, cost_usd, status FROM llm_calls WHERE run_id = ? ORDER BY id",
    [runId],
    MODEL_SERVER,
  );
  expect(calls.map((c) => c.node)).toEqual(["plan_tasks", "plan_roles", "draft_email", "refine_email"]);
  const rows = tree.getByTestId("run-model-call");
  await expect(rows).toHaveCount(calls.length);
  let shownTotal = 0;
  for (const [i, call] of calls.entries()) {
    expect(call).toMatchObject({ model: E2E_MODEL, status: "ok" });
    expect(call.tokens_in).toBeGreaterThan(0);
    expect(call.tokens_out).toBeGreaterThan(0);
    expect(call.cost_usd).toBeGreaterThan(0);
    const row = rows.nth(i);
    // The call sits inside the step of its node (subgraph calls inside compose's nested step).
    await expect(row.locator("xpath=ancestor::li[@data-testid='run-step'][1]")).toHaveAttribute("data-node", call.node);
    if (call.node === "draft_email" || call.node === "refine_email") {
      await expect(row.locator("xpath=ancestor::li[@data-testid='run-step'][2]")).toHaveAttribute("data-node", "compose");
    }
    await expect(row.locator("[data-field=model]")).toHaveText(E2E_MODEL);
    await expect(row.locator("[data-field=prompt]")).toHaveText(call.prompt_version);
    expect(call.prompt_version).toMatch(/^email-(orchestrator|compose)-v\d/);
    await expect(row.locator("[data-field=tokens]")).toHaveText(`${call.tokens_in} / ${call.tokens_out} tokens`);
    await expect(row.locator("[data-field=cost]")).toHaveText(`$${call.cost_usd.toFixed(6)}`);
    const shown = dollars(await row.locator("[data-field=cost]").innerText());
    expect(shown).toBeGreaterThan(0);
    shownTotal += shown;
  }

  // The run's total, as the page shows it (each call rounded to a micro-dollar), is the sum of its llm_calls rows.
  const [{ total } = { total: 0 }] = await queryE2eDb<{ total: number }>("SELECT sum(cost_usd) AS total FROM llm_calls WHERE run_id = ?", [runId], MODEL_SERVER);
  expect(total).toBeGreaterThan(0);
  expect(Math.abs(shownTotal - total)).toBeLessThanOrEqual(calls.length * 0.5e-6);
  // The page's own total is the database sum, to the micro-dollar.
  await expect(page.getByTestId("run-cost-total")).toHaveText(`$${total.toFixed(6)}`);

  // A run this one started (rows written here, as a background reflection would be recorded) nests
  // under it with a link, its spend joins the tree's, and its own page links back to its parent.
  const childId = `child-of-${runId}`;
  const startedAt = Date.now();
  await writeE2eDb("INSERT INTO runs (id, assistant_id, status, started_at, ended_at, parent_run_id) VALUES (?, 'memory_reflect', 'success', ?, ?, ?)", [childId, startedAt, startedAt + 40, runId], MODEL_SERVER);
  await writeE2eDb("INSERT INTO run_steps (run_id, node, status, started_at, ended_at) VALUES (?, 'reflect', 'success', ?, ?)", [childId, startedAt + 1, startedAt + 30], MODEL_SERVER);
  await writeE2eDb(
    "INSERT INTO llm_calls (graph, node, model, prompt_version, tokens_in, tokens_out, cost_usd, run_id, created_at) VALUES ('memory_reflect', 'reflect', ?, 'memory-reflect-v1', 7, 3, 0.000125, ?, ?)",
    [E2E_MODEL, childId, startedAt + 20],
    MODEL_SERVER,
  );
  await page.reload();
  const child = page.getByTestId("run-child");
  await expect(child).toHaveCount(1);
  await expect(child).toHaveAttribute("data-run-id", childId);
  await expect(page.getByTestId("run-tree-cost-total")).toHaveText(`$${(total + 0.000125).toFixed(6)}`);
  await child.getByText(/1 step, 1 model call/).click();
  await expect(child.locator("[data-testid=run-step][data-node=reflect] [data-testid=run-model-call] [data-field=cost]")).toHaveText("$0.000125");
  await child.getByRole("link", { name: "memory_reflect" }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${childId}$`));
  await expect(page.getByTestId("run-parent").getByRole("link")).toHaveAttribute("href", `/runs/${runId}`);
});
