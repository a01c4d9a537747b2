import { expect, test } from "@playwright/test";
import { queryE2eDb, signIn, USERS, writeE2eDb } from "./helpers";

type Picked = { id: number; first_name: string; last_name: string; email: string; title: string | null };

test("a rep scores two of their contacts, sees their tiers, sorts the list by score and opens a score's explanation", async ({ page }) => {
  // The rep's last contacts with a title: other specs draft for the first ones.
  const picked = await queryE2eDb<Picked>(
    `SELECT c.id, c.first_name, c.last_name, c.email, c.title FROM contacts c JOIN users u ON u.id = c.owner_id
     WHERE u.email = ? AND c.title IS NOT NULL ORDER BY c.id DESC LIMIT 2`,
    [USERS.rep],
  );
  expect(picked).toHaveLength(2);
  await writeE2eDb(`DELETE FROM contact_scores WHERE contact_id IN (?, ?)`, [picked[0]!.id, picked[1]!.id]);

  await signIn(page, USERS.rep);
  await page.goto("/contacts");
  for (const c of picked) {
    await page.getByLabel("Search contacts").fill(c.email);
    await expect(page.getByTestId("contacts-rows").getByRole("row")).toHaveCount(1);
    await page.getByLabel(`Select ${c.first_name} ${c.last_name}`).check();
  }
  await page.getByRole("button", { name: "Score selected (2)" }).click();
  const summary = page.getByTestId("score-summary");
  await expect(summary).toContainText("2 contacts scored, highest first.");
  // Offline: the role fit came from the keyword rules, and the summary says so.
  await expect(summary.getByText("rule-based fallback (model unavailable)")).toHaveCount(2);
  await expect(summary.getByText(/^Tier [ABCD]$/)).toHaveCount(2);

  const stored = await queryE2eDb<{ contact_id: number; tier: string; source: string; run_id: string | null }>(
    `SELECT contact_id, tier, source, run_id FROM contact_scores WHERE contact_id IN (?, ?) ORDER BY contact_id`,
    [picked[0]!.id, picked[1]!.id],
  );
  expect(stored.map((s) => s.source)).toEqual(["rule_based_fallback", "rule_based_fallback"]);
  expect(stored.every((s) => s.run_id)).toBe(true);

  // The tier column shows the stored tier.
  const first = picked[0]!;
  await page.getByLabel("Search contacts").fill(first.email);
  await expect(page.getByTestId("contacts-rows").getByText(`Tier ${stored.find((s) => s.contact_id === first.id)!.tier}`)).toBeVisible();

  // Sorted by score, the scores shown never rise down the page.
  await page.getByLabel("Search contacts").fill("");
  await expect(page).not.toHaveURL(/q=/);
  await page.getByLabel("Sort by").selectOption("score");
  await expect(page).toHaveURL(/sort=score/);
  const scoresShown = async () => (await page.getByTestId("score-cell").allTextContents()).filter((t) => t !== "—").map(Number);
  // Both picked contacts are scored, so the unfiltered page sorted by score shows at least two scores.
  await expect.poll(async () => (await scoresShown()).length).toBeGreaterThan(1);
  const shown = await scoresShown();
  expect([...shown].sort((a, b) => b - a)).toEqual(shown);

  await page.goto(`/contacts/${first.id}`);
  const explanation = page.getByTestId("score-explanation");
  await expect(explanation).toBeVisible();
  await expect(explanation.getByTestId("score-source")).toHaveText("Rule-based fallback (model unavailable)");
  await expect(explanation.getByTestId("score-term-roleFit")).toContainText("Rule-based fallback (model unavailable)");
  await expect(explanation.getByTestId("score-term-roleFit")).toContainText("Keyword rules");
  await expect(explanation.getByTestId("score-term-seniority")).toContainText("Rules");
  await expect(explanation.getByTestId("score-term-reachability")).toContainText("%");
});
