import { createClient } from "@libsql/client";
import { expect, test } from "@playwright/test";
import { queryE2eDb, signIn, USERS } from "./helpers";
import { OFFLINE_SERVER } from "./servers";

/**
 * Runs written straight into the e2e database, so the pages have known rows to show. The server
 * writes to the same file meanwhile (other specs draft in parallel), so this write waits for its
 * lock instead of failing at once.
 */
async function seedRun(id: string, assistantId: string, metadata: Record<string, unknown>) {
  const client = createClient({ url: `file:./${OFFLINE_SERVER.dataDir}/sales.db` });
  try {
    await client.execute("PRAGMA busy_timeout = 10000");
    const now = Date.now();
    await client.execute({
      sql: "INSERT OR IGNORE INTO runs (id, assistant_id, thread_id, status, started_at, ended_at, metadata) VALUES (?, ?, NULL, 'success', ?, ?, ?)",
      args: [id, assistantId, now - 1_000, now, JSON.stringify(metadata)],
    });
  } finally {
    client.close();
  }
}

test("an admin filters the runs list by picking a graph from the fleet's list, and the choice stays in the URL", async ({ page }) => {
  await seedRun("e2e-runs-filter-sql", "text_to_sql", {});
  await seedRun("e2e-runs-filter-mail", "email_orchestrator", {});
  await signIn(page, USERS.admin);
  await page.goto("/admin/runs");
  const graph = page.getByRole("combobox", { name: "Graph" });
  const options = await graph.getByRole("option").allTextContents();
  expect(options).toEqual(expect.arrayContaining(["Any graph", "email_orchestrator", "text_to_sql", "touch_attribution", "inbound_classify"]));
  await graph.selectOption("text_to_sql");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]graph=text_to_sql(&|$)/);
  await expect(graph).toHaveValue("text_to_sql");
  const cells = page.getByTestId("runs-rows").getByRole("row").locator("td:nth-child(2)");
  await expect(cells.first()).toHaveText("text_to_sql");
  for (const text of await cells.allTextContents()) expect(text).toBe("text_to_sql");
  // A run opened from this list leads back to it, not to the screen its kind of run starts from.
  await page.getByTestId("runs-rows").getByRole("row").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/runs\/[^/?]+\?from=runs$/);
  await page.getByRole("link", { name: "← Graph runs" }).click();
  await expect(page).toHaveURL(/\/admin\/runs$/);
});

test("a run's page names the contact it was about and leads back to Drafts; an attribution run leads back to Analytics", async ({ page }) => {
  const [contact] = await queryE2eDb<{ id: number; first_name: string; last_name: string }>("SELECT id, first_name, last_name FROM contacts ORDER BY id LIMIT 1");
  await seedRun("e2e-run-about-contact", "email_orchestrator", { contact_id: contact!.id });
  await seedRun("e2e-run-attribution", "touch_attribution", {});
  await signIn(page, USERS.admin);

  await page.goto("/runs/e2e-run-about-contact");
  const link = page.getByTestId("run-contact");
  await expect(link).toHaveText(`${contact!.first_name} ${contact!.last_name}`);
  await expect(link).toHaveAttribute("href", `/contacts/${contact!.id}`);
  await expect(page.getByRole("link", { name: "← Drafts" })).toBeVisible();

  await page.goto("/runs/e2e-run-attribution");
  await expect(page.getByRole("link", { name: "← Analytics" })).toHaveAttribute("href", "/analytics");
  await expect(page.getByRole("link", { name: "← Drafts" })).toHaveCount(0);
});
