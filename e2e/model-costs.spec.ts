import { expect, test } from "@playwright/test";
import { draftableContact, draftFromContactPage, queryE2eDb, signIn, USERS } from "./helpers";
import { E2E_MODEL, MODEL_SERVER } from "./servers";

// Runs against the console whose model is the loopback stub (e2e/model-stub.ts), priced as E2E_MODEL.
type Call = { node: string; model: string; prompt_version: string; tokens_in: number; tokens_out: number; cost_usd: number; status: string };

const dollars = (text: string) => Number(text.trim().replace(/^\$/, ""));

test("an admin drafts outreach with a model, opens the draft's run link and sees its nodes and model calls, costed to the database's sum", async ({ page }) => {
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

  // Every node the run went through, in order.
  const steps = await queryE2eDb<{ node: string }>("SELECT node FROM run_steps WHERE run_id = ? ORDER BY id", [runId], MODEL_SERVER);
  expect(steps.map((s) => s.node)).toEqual(expect.arrayContaining(["plan_tasks", "plan_roles", "compose", "review_draft", "store_draft"]));
  const stepItems = page.getByTestId("run-steps").getByRole("listitem");
  await expect(stepItems).toHaveCount(steps.length);
  for (const [i, s] of steps.entries()) await expect(stepItems.nth(i)).toContainText(s.node);

  // Every model call: its node, model, prompt version, tokens and a cost that is not zero.
  const calls = await queryE2eDb<Call>(
    "SELECT node, model, prompt_version, tokens_in, tokens_out, cost_usd, status FROM llm_calls WHERE run_id = ? ORDER BY id",
    [runId],
    MODEL_SERVER,
  );
  expect(calls.map((c) => c.node)).toEqual(["plan_tasks", "plan_roles", "draft_email", "refine_email"]);
  const rows = page.getByTestId("run-model-calls").locator("tbody tr");
  await expect(rows).toHaveCount(calls.length);
  let shownTotal = 0;
  for (const [i, call] of calls.entries()) {
    expect(call).toMatchObject({ model: E2E_MODEL, status: "ok" });
    expect(call.tokens_in).toBeGreaterThan(0);
    expect(call.tokens_out).toBeGreaterThan(0);
    expect(call.cost_usd).toBeGreaterThan(0);
    const cells = rows.nth(i).locator("td");
    await expect(cells.nth(0)).toHaveText(call.node);
    await expect(cells.nth(1)).toHaveText(E2E_MODEL);
    await expect(cells.nth(2)).toHaveText(call.prompt_version);
    expect(call.prompt_version).toMatch(/^email-(orchestrator|compose)-v\d/);
    await expect(cells.nth(3)).toHaveText(`${call.tokens_in} / ${call.tokens_out}`);
    await expect(cells.nth(4)).toHaveText(`$${call.cost_usd.toFixed(6)}`);
    const shown = dollars(await cells.nth(4).innerText());
    expect(shown).toBeGreaterThan(0);
    shownTotal += shown;
  }

  // The run's total, as the page shows it (each call rounded to a micro-dollar), is the sum of its llm_calls rows.
  const [{ total } = { total: 0 }] = await queryE2eDb<{ total: number }>("SELECT sum(cost_usd) AS total FROM llm_calls WHERE run_id = ?", [runId], MODEL_SERVER);
  expect(total).toBeGreaterThan(0);
  expect(Math.abs(shownTotal - total)).toBeLessThanOrEqual(calls.length * 0.5e-6);
  // The page's own total is the database sum, to the micro-dollar.
  await expect(page.getByTestId("run-cost-total")).toHaveText(`$${total.toFixed(6)}`);
});
