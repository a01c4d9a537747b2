import { expect, test } from "@playwright/test";
import { queryE2eDb, signIn, USERS, writeE2eDb } from "./helpers";

test("an operator runs the CRM orchestrator on an account and approves one step, which runs and is verified", async ({ page }) => {
  test.setTimeout(60_000);
  // An account whose HQ ("Birmingham": GB, with a smaller US namesake) the offline planner is not
  // sure enough of to classify unattended: that step waits for a person.
  const [company] = await queryE2eDb<{ id: number; name: string }>(
    `SELECT co.id, co.name FROM companies co WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.company_id = co.id) ORDER BY co.id DESC LIMIT 1 OFFSET 2`,
  );
  await writeE2eDb("UPDATE companies SET hq_city = 'Birmingham', country = NULL WHERE id = ?", [company!.id]);

  await signIn(page, USERS.operator);
  await page.goto(`/companies/${company!.id}`);
  await page.getByLabel("Goal").fill("Book a meeting with the economic buyer");
  await page.getByRole("button", { name: "Plan next steps" }).click();
  await expect(page).toHaveURL(/\/plans\/\d+$/, { timeout: 30_000 });
  const planId = Number(new URL(page.url()).pathname.split("/").at(-1));

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Book a meeting with the economic buyer");
  await expect(page.getByTestId("plan-reasoning")).toContainText("Offline planner (no model configured)");
  const classify = page.getByTestId("step-classify_country");
  await expect(classify).toContainText("Waits for approval");
  await expect(classify).toContainText("below its threshold 0.70");
  const followUp = page.getByTestId("step-create_follow_up_task");
  await expect(followUp).toContainText("Ran by itself");
  await expect(followUp.getByTestId("step-verification")).toContainText("Verified: Task");

  await classify.getByRole("button", { name: "Approve: Classify the company's country" }).click();
  await expect(classify).toContainText("Approved and done");
  await expect(classify.getByTestId("step-verification")).toContainText("Verified: The company's country is GB.");
  const [stored] = await queryE2eDb<{ country: string | null }>("SELECT country FROM companies WHERE id = ?", [company!.id]);
  expect(stored!.country).toBe("GB");
  const [step] = await queryE2eDb<{ status: string; decided_by: string }>(
    "SELECT s.status, u.email AS decided_by FROM plan_steps s JOIN users u ON u.id = s.decided_by WHERE s.plan_id = ? AND s.action = 'classify_country'",
    [planId],
  );
  expect(step).toEqual({ status: "done", decided_by: USERS.operator });

  await page.goto("/plans");
  await expect(page.getByTestId("plan-rows").getByRole("link", { name: "Book a meeting with the economic buyer" }).first()).toBeVisible();

  // The follow-up the plan made shows on its contact's page until someone marks it done.
  const [task] = await queryE2eDb<{ id: number; contact_id: number; title: string }>(
    "SELECT t.id, t.contact_id, t.title FROM tasks t JOIN plan_steps s ON s.id = t.plan_step_id WHERE s.plan_id = ? AND s.action = 'create_follow_up_task'",
    [planId],
  );
  await page.goto(`/contacts/${task!.contact_id}`);
  const open = page.getByTestId("open-tasks");
  await expect(open).toContainText(task!.title);
  const markDone = page.getByRole("button", { name: `Mark done: ${task!.title}` });
  const before = await markDone.count();
  await markDone.first().click();
  await expect(markDone).toHaveCount(before - 1);
  const [done] = await queryE2eDb<{ status: string }>("SELECT status FROM tasks WHERE id = ?", [task!.id]);
  expect(done!.status).toBe("done");
});

test("a rep sees no plan button for an account, and a plan on another rep's contact is not found", async ({ page }) => {
  const [company] = await queryE2eDb<{ id: number }>("SELECT id FROM companies ORDER BY id LIMIT 1");
  await signIn(page, USERS.rep);
  await page.goto(`/companies/${company!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Plan next steps" })).toHaveCount(0);
  const [other] = await queryE2eDb<{ id: number; company_id: number }>(
    "SELECT c.id, c.company_id FROM contacts c JOIN users u ON u.id = c.owner_id WHERE u.email = ? ORDER BY c.id LIMIT 1",
    ["rep2@demo.local"],
  );
  await writeE2eDb(
    `INSERT INTO plans (goal, contact_id, company_id, status, autonomy) SELECT 'Another rep''s plan', ?, ?, 'done', 'reversible' WHERE NOT EXISTS (SELECT 1 FROM plans WHERE goal = 'Another rep''s plan')`,
    [other!.id, other!.company_id],
  );
  const [plan] = await queryE2eDb<{ id: number }>("SELECT id FROM plans WHERE goal = 'Another rep''s plan'");
  const response = await page.goto(`/plans/${plan!.id}`);
  expect(response?.status()).toBe(404);
});
