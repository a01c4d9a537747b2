import { expect, test } from "@playwright/test";
import { formatUsd as usd } from "../lib/format";
import { queryE2eDb, signIn, USERS, writeE2eDb } from "./helpers";

const startOfTodayUtc = () => {
  const d = new Date();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
};
const todayUtc = () => new Date().toISOString().slice(0, 10);

test("an admin sees today's spend equal to the sum of today's model calls", async ({ page }) => {
  const now = Date.now();
  for (const [graph, cost] of [["email_compose", 0.0123], ["inbound_classify", 0.0042], ["text_to_sql", 0.31]] as const) {
    await writeE2eDb("INSERT INTO llm_calls (created_at, graph, node, model, tokens_in, tokens_out, cost_usd) VALUES (?, ?, 'e2e', 'deepseek-chat', 100, 20, ?)", [now, graph, cost]);
  }
  await signIn(page, USERS.admin);
  await page.goto("/admin/cost");
  await page.reload();
  const [today] = await queryE2eDb<{ total: number }>("SELECT sum(cost_usd) AS total FROM llm_calls WHERE created_at >= ?", [startOfTodayUtc()]);
  expect(today!.total).toBeGreaterThan(0.3);
  await expect(page.getByTestId("spend-today")).toHaveText(usd(Number(today!.total)));
});

test("an admin flips the kill switch on and off, and each flip is audited", async ({ page }) => {
  const audited = async () => (await queryE2eDb<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'llm.kill_switch'"))[0]!.n;
  const before = await audited();
  await signIn(page, USERS.admin);
  await page.goto("/admin/cost");
  const toggle = page.getByRole("switch", { name: "Model kill switch" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(page.getByText("within a second, with no deploy")).toBeVisible();

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("kill-switch-state")).toHaveText("On: model calls are refused");
  await expect.poll(async () => (await queryE2eDb<{ value: string }>("SELECT value FROM settings WHERE key = 'llm.kill_switch'"))[0]?.value).toBe('{"enabled":true}');
  // Switched off everywhere, so the admin is told on every page, not only here.
  await page.goto("/drafts");
  await expect(page.getByTestId("kill-switch-banner")).toContainText("The model kill switch is on");
  await page.goto("/admin/cost");
  await expect(toggle).toHaveAttribute("aria-checked", "true");

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect.poll(audited).toBe(before + 2);
  const rows = await queryE2eDb<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'llm.kill_switch' ORDER BY id DESC LIMIT 2");
  expect(rows.map((r) => JSON.parse(r.detail))).toEqual([{ enabled: false, from: true }, { enabled: true, from: false }]);

  // The switch says it is audited, and the log it links to shows both flips, newest first, with who flipped it.
  await page.locator("#kill-switch-help").getByRole("link", { name: "see the log" }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?action=llm\.kill_switch$/);
  const flips = page.getByTestId("audit-rows").getByRole("row");
  await expect(flips.first()).toContainText("Model kill switch");
  await expect(flips.first()).toContainText("admin@demo.local");
  await expect(flips.first().getByRole("cell").nth(4)).toHaveText("On");
  await expect(flips.first().getByRole("cell").nth(5)).toHaveText("Off");
  await expect(flips.nth(1).getByRole("cell").nth(4)).toHaveText("Off");
  await expect(flips.nth(1).getByRole("cell").nth(5)).toHaveText("On");
  for (const row of await flips.all()) await expect(row).toContainText("llm.kill_switch");
});

test("an admin is told a bad budget names its graph, saves a good one, and sees a graph near its budget in the banner", async ({ page }) => {
  await writeE2eDb("INSERT INTO budget_ledger (graph, day, spent_usd) VALUES ('memory_reflect', ?, 9) ON CONFLICT DO UPDATE SET spent_usd = 9", [todayUtc()]);
  await signIn(page, USERS.admin);
  await page.goto("/admin/cost");
  await expect(page.getByTestId("budget-banners")).toContainText("memory_reflect at 90%");

  const input = page.getByLabel("Daily budget for text_to_sql (USD)");
  const row = page.getByRole("row").filter({ has: input });
  await input.fill("-5");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("alert")).toHaveText("The daily budget for text_to_sql must be an amount in USD from 0 to 10,000.");

  await input.fill("2.5");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText("$2.50 set");
  const [audit] = await queryE2eDb<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'llm.budgets' ORDER BY id DESC LIMIT 1");
  expect(JSON.parse(audit!.detail)).toMatchObject({ graph: "text_to_sql", to: 2.5 });

  // And back to the default, audited as a reset.
  await row.getByRole("button", { name: "Reset the daily budget for text_to_sql to the default" }).click();
  await expect(row).toContainText(`${usd(10)} default`);
  await expect(row.getByRole("button", { name: /Reset the daily budget/ })).toHaveCount(0);
  const [reset] = await queryE2eDb<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'llm.budgets' ORDER BY id DESC LIMIT 1");
  expect(JSON.parse(reset!.detail)).toEqual({ graph: "text_to_sql", from: 2.5, to: 10, reset: true });
});

test("an admin reads spend per day and by graph as charts with dollar ticks, and a bar's tooltip gives its exact spend", async ({ page }) => {
  // Yesterday, so the test that checks today's total is not disturbed; well above any other graph's spend.
  await writeE2eDb("INSERT INTO llm_calls (created_at, graph, node, model, tokens_in, tokens_out, cost_usd) VALUES (?, 'e2e_charts', 'e2e', 'deepseek-chat', 10, 2, 7.5)", [startOfTodayUtc() - 12 * 3_600_000]);
  await signIn(page, USERS.admin);
  await page.goto("/admin/cost");

  const perDay = page.getByRole("figure", { name: "Spend per day" });
  await expect(perDay.locator(".recharts-line-curve")).toBeVisible();
  // Every day of the 30-day window has its point, a day without calls at zero.
  await expect(perDay.locator(".recharts-line-dot")).toHaveCount(30);
  const dayTicks = await perDay.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
  expect(dayTicks.length).toBeGreaterThan(1);
  for (const tick of dayTicks) expect(tick).toMatch(/^\$[\d.]+K?$/);

  const byGraph = page.getByRole("figure", { name: "Spend by graph" });
  await expect(byGraph.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").first()).toHaveText("e2e_charts");
  for (const name of ["Spend by feature", "Spend by vertical", "Spend by model"]) await expect(page.getByRole("figure", { name })).toBeVisible();
  const [spent] = await queryE2eDb<{ total: number }>("SELECT sum(cost_usd) AS total FROM llm_calls WHERE graph = 'e2e_charts'");
  await byGraph.locator(".recharts-bar-rectangle").first().hover();
  await expect(byGraph.getByTestId("chart-tooltip")).toHaveText(`e2e_charts${usd(spent!.total)}`);
});

test("a rep opening the cost page gets the 403 page", async ({ page }) => {
  await signIn(page, USERS.rep);
  expect((await page.goto("/admin/cost"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Model kill switch" })).toHaveCount(0);
});
