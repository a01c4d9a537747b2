import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryE2eDb, signIn, USERS } from "./helpers";

const QUESTION = "Replies by campaign";

async function ask(page: Page, question: string) {
  await page.getByLabel("Ask a question about the CRM").fill(question);
  await page.getByRole("button", { name: "Ask", exact: true }).click();
}

const answer = (page: Page) => page.getByRole("region", { name: "Answer" });
const NODES = ["understand_question", "identify_tables", "generate_sql", "validate_sql", "execute_sql", "summarize"];

/**
 * Records, in the page and in order, each live step row as it is added and each time a row
 * leaves a status (`node:was-running`), and the moment the answer appears: what a person would
 * have seen, however fast the run was. Old values come from the mutation records themselves, so
 * a row that changed again before the observer ran is still told right.
 */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    const ROW = "[data-testid=live-steps] > li";
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === "attributes" && m.target instanceof Element && m.target.matches(ROW)) seen.push(`${m.target.getAttribute("data-node")}:was-${m.oldValue}`);
        for (const added of m.addedNodes) {
          if (!(added instanceof Element)) continue;
          for (const row of added.matches(ROW) ? [added] : added.querySelectorAll(ROW)) seen.push(`${row.getAttribute("data-node")}:added`);
          if (added.matches('section[aria-label="Answer"]') || added.querySelector('section[aria-label="Answer"]')) seen.push("answer");
        }
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeOldValue: true, attributeFilter: ["data-status"] });
  });
  return () => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
}

test("an operator asks which campaign gets the most replies and sees the rows, a chart, the SQL and the run's steps", async ({ page }) => {
  const campaigns = await queryE2eDb<{ n: number }>("SELECT count(DISTINCT campaign_id) AS n FROM emails WHERE campaign_id IS NOT NULL");
  await signIn(page, USERS.operator);
  await page.goto("/analytics");
  await ask(page, QUESTION);

  await expect(answer(page).getByRole("figure", { name: "Replies by campaign" })).toBeVisible({ timeout: 30_000 });
  const table = answer(page).getByRole("table", { name: "Result" });
  await expect(table.getByRole("row")).toHaveCount(campaigns[0]!.n + 1);
  await expect(answer(page).getByTestId("answer-provenance")).toContainText("Fixed report from the catalogue");
  await expect(answer(page).getByTestId("answer-provenance")).toContainText("Confidence 90%");
  // Formatted: one clause a line (which table the report reads is the catalogue's business).
  await expect(answer(page).getByLabel("SQL")).toHaveValue(/^SELECT c\.name AS campaign,.*\nFROM \w+ AS \w+\n/s);
  const steps = answer(page).getByTestId("run-steps");
  await expect(steps).toContainText("generate_sql");
  await expect(steps).toContainText("execute_sql");
  await expect(steps.getByRole("listitem")).toHaveCount(6);

  // Sorting by a numeric column puts the smallest first, then the largest.
  const repliesHeader = table.getByRole("columnheader", { name: /^replies\b/ }).first();
  await repliesHeader.getByRole("button").click();
  await expect(repliesHeader).toHaveAttribute("aria-sort", "ascending");
  const firstReplies = async () => Number((await table.getByRole("row").nth(1).getByRole("cell").nth(2).innerText()).replace(/,/g, ""));
  const low = await firstReplies();
  await repliesHeader.getByRole("button").click();
  await expect(repliesHeader).toHaveAttribute("aria-sort", "descending");
  expect(await firstReplies()).toBeGreaterThanOrEqual(low);

  // The CSV holds the same rows, header first.
  const [download] = await Promise.all([page.waitForEvent("download"), answer(page).getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("replies-by-campaign.csv");
  const csv = readFileSync((await download.path())!, "utf8").trimEnd().split("\r\n");
  expect(csv[0]).toBe("campaign,sent,replies,replies_per_100_sent");
  expect(csv).toHaveLength(campaigns[0]!.n + 1);

  // The question is now in the operator's history, and clicking it asks again.
  const asked = async () => (await queryE2eDb<{ n: number }>("SELECT count(*) AS n FROM runs WHERE assistant_id = 'text_to_sql' AND json_extract(metadata, '$.question') = ?", [QUESTION]))[0]!.n;
  const runsBefore = await asked();
  expect(runsBefore).toBeGreaterThan(0);
  await page.getByRole("list", { name: "Your questions" }).getByRole("button", { name: new RegExp(QUESTION.replace("?", "\\?")) }).first().click();
  await expect(answer(page).getByTestId("run-steps")).toBeVisible({ timeout: 30_000 });
  // At least one new run: the streaming test below asks the same question in parallel on this server.
  await expect.poll(asked).toBeGreaterThan(runsBefore);
});

test("an operator watches each step of a catalogue question arrive, in order, before the table and chart, then opens the run and finds the answer there", async ({ page }) => {
  await signIn(page, USERS.operator);
  await page.goto("/analytics");
  const progress = await watchProgress(page);
  await ask(page, "Replies by campaign");

  await expect(answer(page).getByRole("table", { name: "Result" })).toBeVisible({ timeout: 30_000 });
  await expect(answer(page).getByRole("figure", { name: "Replies by campaign" })).toBeVisible();
  // Each node's row appeared (running) and then finished before the next node's row appeared,
  // and all of that before the answer replaced the list.
  const seen = await progress();
  expect(seen).toEqual([...NODES.flatMap((n) => [`${n}:added`, `${n}:was-running`]), "answer"]);
  await expect(page.getByRole("list", { name: "Steps so far" })).toHaveCount(0);

  // The run page keeps the answer: its summary, the SQL, and the way back.
  const summary = await answer(page).getByTestId("answer-summary").innerText();
  await answer(page).getByRole("link", { name: "Open the run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  const kept = page.getByTestId("run-answer");
  await expect(kept).toContainText("“Replies by campaign”");
  await expect(kept.getByTestId("run-answer-summary")).toHaveText(summary);
  await expect(kept.getByLabel("SQL")).toHaveText(/^SELECT c\.name AS campaign,.*\nFROM \w+ AS \w+\n/s);
  await expect(kept).toContainText("Confidence 90%");
  await page.getByRole("link", { name: "← Analytics" }).click();
  await expect(page).toHaveURL(/\/analytics$/);
});

const oneDecimal = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

test("an operator runs the open rate report and reads a chart of the open rate with percentage ticks, a rounded tooltip and table, and an exact CSV", async ({ page }) => {
  const errors: string[] = [];
  // The browser's own favicon request 404s on every page (there is no icon); anything else counts.
  page.on("console", (message) => void (message.type() === "error" && !message.location().url.endsWith("/favicon.ico") && errors.push(message.text())));
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, USERS.operator);
  await page.goto("/analytics");
  await page.getByRole("list", { name: "Reports" }).getByRole("button", { name: /^Open rate by vertical/ }).click();
  const table = answer(page).getByRole("table", { name: "Result" });
  await expect(table).toBeVisible({ timeout: 30_000 });

  // The chart says which measure it plots: the one the report is named after, not the first number.
  await expect(answer(page).getByTestId("chart-measure")).toHaveText("Chart: open rate by vertical");
  const chart = answer(page).getByRole("figure", { name: "Open rate by vertical" });
  const yTicks = chart.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
  await expect(yTicks.first()).toBeVisible();
  for (const tick of await yTicks.allTextContents()) expect(tick).toMatch(/^\d+(\.\d)?%$/);
  const xTicks = await chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();

  // The CSV keeps the database's values; the table and the tooltip round them to one decimal.
  const [download] = await Promise.all([page.waitForEvent("download"), answer(page).getByRole("button", { name: "Export CSV" }).click()]);
  const [header, ...lines] = readFileSync((await download.path())!, "utf8").trimEnd().split("\r\n");
  expect(header).toBe("vertical,sent,opened,open_rate_pct");
  const exact = lines.map((line) => line.split(","));
  expect(xTicks).toEqual(exact.map((r) => r[0]));
  expect(exact.some(([, , , rate]) => /\.\d\d$/.test(rate!)), "some exact rate has two decimals").toBe(true);
  const shownRates = await table.locator("tbody tr td:nth-child(4)").allInnerTexts();
  expect(shownRates).toEqual(exact.map(([, , , rate]) => `${oneDecimal.format(Number(rate))}%`));
  const shownSent = await table.locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(shownSent).toEqual(exact.map(([, sent]) => new Intl.NumberFormat("en").format(Number(sent))));

  await chart.locator(".recharts-bar-rectangle").first().hover();
  const tooltip = chart.getByTestId("chart-tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(exact[0]![0]!);
  await expect(tooltip).toContainText(`${oneDecimal.format(Number(exact[0]![3]))}%`);

  // With the tooltip up and a table of the schema browser open: no serious accessibility
  // violation, and nothing refused by the page's content security policy.
  await answer(page).getByRole("region", { name: "Tables you can query" }).getByText("emails", { exact: true }).click();
  await chart.locator(".recharts-bar-rectangle").nth(1).hover();
  await expect(tooltip).toContainText(exact[1]![0]!);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
  expect(errors).toEqual([]);
});

test("an operator opens contacts in the schema browser, inserts a column at the cursor and runs the query", async ({ page }) => {
  await signIn(page, USERS.operator);
  await page.goto("/analytics");
  await page.getByRole("list", { name: "Reports" }).getByRole("button", { name: /^Replies by campaign/ }).click();
  const browser = answer(page).getByRole("region", { name: "Tables you can query" });
  await expect(browser).toBeVisible({ timeout: 30_000 });
  for (const secret of ["users", "sessions", "settings", "llm_calls"]) await expect(browser.getByText(secret, { exact: true })).toHaveCount(0);

  const columns = browser.getByRole("list", { name: "Columns of contacts" });
  await expect(columns).toBeHidden();
  await browser.getByText("contacts", { exact: true }).click();
  await expect(columns).toBeVisible();
  await expect(columns.getByRole("listitem").filter({ hasText: "created_at" })).toContainText("milliseconds since 1970, UTC");
  await expect(columns.getByRole("button", { name: "Insert seniority" })).toBeVisible();

  const editor = answer(page).getByLabel("SQL");
  await editor.fill("SELECT  FROM contacts WHERE id <= 3 ORDER BY id");
  await editor.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 7));
  await columns.getByRole("button", { name: "Insert email" }).click();
  await expect(editor).toHaveValue("SELECT email FROM contacts WHERE id <= 3 ORDER BY id");
  await expect(editor).toBeFocused();
  expect(await editor.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(12);

  const emails = await queryE2eDb<{ email: string }>("SELECT email FROM contacts WHERE id <= 3 ORDER BY id");
  await answer(page).getByRole("button", { name: "Run SQL" }).click();
  const table = answer(page).getByRole("table", { name: "Result" });
  await expect(table.getByRole("columnheader")).toHaveText([/^email/]);
  await expect(table.locator("tbody td")).toHaveText(emails.map((e) => e.email));
});

test("an operator who edits the SQL into a DELETE is told it was refused, and no contact is deleted", async ({ page }) => {
  const [before] = await queryE2eDb<{ n: number }>("SELECT count(*) AS n FROM contacts");
  await signIn(page, USERS.operator);
  await page.goto("/analytics");
  await page.getByRole("list", { name: "Reports" }).getByRole("button", { name: /^Replies by campaign/ }).click();
  await expect(answer(page).getByRole("table", { name: "Result" })).toBeVisible({ timeout: 30_000 });

  await answer(page).getByLabel("SQL").fill("DELETE FROM contacts");
  await answer(page).getByRole("button", { name: "Run SQL" }).click();
  await expect(answer(page).getByRole("alert")).toHaveText("This SQL was refused: Only SELECT queries may run; this is a DELETE statement.");
  await expect(answer(page).getByRole("table", { name: "Result" })).toHaveCount(0);
  await expect(answer(page).getByLabel("SQL")).toHaveValue("DELETE FROM contacts");

  const [after] = await queryE2eDb<{ n: number }>("SELECT count(*) AS n FROM contacts");
  expect(after!.n).toBe(before!.n);
  expect(after!.n).toBeGreaterThan(0);
});

test("an operator sees the funnel for one vertical with its stage-to-stage rates", async ({ page }) => {
  const [saas] = await queryE2eDb<{ discovered: number; enriched: number }>(
    "SELECT count(*) AS discovered, count(co.enriched_at) AS enriched FROM contacts c JOIN companies co ON co.id = c.company_id WHERE co.vertical = 'saas'",
  );
  await signIn(page, USERS.operator);
  await page.goto("/analytics");
  // Across all verticals each stage's bar is stacked by vertical, with a legend to tell them apart.
  const all = page.getByRole("figure", { name: "Funnel, all verticals" });
  await expect(all.locator(".recharts-legend-item")).toHaveCount(6);
  await expect(all.locator(".recharts-legend-wrapper")).toContainText("SaaS");
  await page.getByRole("combobox", { name: "Vertical" }).selectOption("saas");
  const one = page.getByRole("figure", { name: "Funnel, SaaS" });
  await expect(one.locator(".recharts-bar-rectangle")).toHaveCount(6);
  await expect(one.locator(".recharts-legend-wrapper")).toHaveCount(0);
  const stages = page.getByRole("list", { name: "Funnel stages, SaaS" });
  await expect(stages.getByRole("listitem").first()).toContainText(new Intl.NumberFormat("en").format(saas!.discovered));
  const rate = `${((saas!.enriched / saas!.discovered) * 100).toFixed(saas!.enriched / saas!.discovered < 0.1 ? 1 : 0)}% of discovered`;
  await expect(stages.getByTestId("rate-enriched")).toHaveText(rate);
});

test("an operator sees a campaign's touch attribution, labelled last touch without a model, with the database's count", async ({ page }) => {
  const [campaign] = await queryE2eDb<{ id: number; name: string }>("SELECT id, name FROM email_campaigns ORDER BY id LIMIT 1");
  // Each positive reply credits the latest outbound email to its contact before it.
  const [credited] = await queryE2eDb<{ n: number }>(
    `SELECT count(*) AS n FROM outcomes o LEFT JOIN emails r ON r.id = o.email_id
     WHERE o.label IN ('interested', 'meeting_scheduled')
       AND (SELECT e.campaign_id FROM emails e WHERE e.contact_id = o.contact_id AND e.direction = 'outbound' AND e.sent_at <= coalesce(r.sent_at, o.at)
            ORDER BY e.sent_at DESC, e.id DESC LIMIT 1) = ?`,
    [campaign!.id],
  );
  expect(credited!.n).toBeGreaterThan(0);
  await signIn(page, USERS.operator);
  await page.goto("/analytics");
  await page.getByRole("combobox", { name: "Campaign" }).selectOption({ label: campaign!.name });
  const panel = page.getByTestId("attribution");
  await expect(panel.getByTestId("attribution-method")).toHaveText("Last touch");
  await expect(panel).toContainText("no model configured");
  await expect(panel.getByTestId("attribution-last-touch").locator("caption")).toHaveText(`Last touch, all ${new Intl.NumberFormat("en").format(credited!.n)} conversions`);
  const perStep = await panel.getByTestId("attribution-last-touch").locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(perStep.reduce((sum, n) => sum + Number(n.replace(/,/g, "")), 0)).toBe(credited!.n);
});

test("a rep cannot open analytics: the page is the 403 page and the API answers 403 JSON", async ({ page, request }) => {
  await signIn(page, USERS.rep);
  expect((await page.goto("/analytics"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  for (const path of ["/api/analytics/funnel", "/api/analytics/history", "/api/analytics/attribution?campaignId=1"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect((await response.json()).error.code).toBe("forbidden:analytics");
  }
  const asked = await page.request.post("/api/analytics/ask", { data: { question: QUESTION } });
  expect(asked.status()).toBe(403);
  expect((await asked.json()).error.code).toBe("forbidden:analytics");
  const anonymous = await request.get("/api/analytics/funnel");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthorized:analytics");
});
