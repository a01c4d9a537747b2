import { expect, test } from "@playwright/test";
import { queryE2eDb, signIn, USERS } from "./helpers";

test("searching contacts by company finds exactly that company's contacts", async ({ page }) => {
  const [company] = await queryE2eDb<{ id: number; name: string; n: number }>(
    `SELECT co.id, co.name, count(c.id) AS n FROM companies co JOIN contacts c ON c.company_id = co.id
     GROUP BY co.id HAVING n BETWEEN 5 AND 25 ORDER BY co.id LIMIT 1`,
  );
  const matching = await queryE2eDb<{ n: number }>(
    `SELECT count(*) AS n FROM contacts c JOIN companies co ON co.id = c.company_id WHERE lower(co.name) LIKE ?`,
    [`%${company!.name.toLowerCase()}%`],
  );
  await signIn(page, USERS.rep);
  await page.goto("/contacts");
  await page.getByLabel("Search contacts").fill(company!.name);
  const summary = page.getByTestId("page-summary");
  await expect(summary).toHaveText(new RegExp(`of ${matching[0]!.n}$`));
  const cells = page.getByTestId("company-cell");
  await expect(cells.first()).toBeVisible();
  for (const text of await cells.allTextContents()) expect(text).toContain(company!.name);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(company!.name).replace(/%20/g, "(\\+|%20)")}`));
});

test("filters narrow the list and a contact page shows company, facts and timeline", async ({ page }) => {
  const [{ n } = { n: -1 }] = await queryE2eDb<{ n: number }>(
    `SELECT count(*) AS n FROM contacts c JOIN companies co ON co.id = c.company_id WHERE co.vertical = 'healthcare' AND c.replied = 1`,
  );
  await signIn(page, USERS.operator);
  await page.goto("/contacts");
  await page.getByLabel("Vertical").selectOption("healthcare");
  await page.getByLabel("Status").selectOption("replied");
  await expect(page.getByTestId("page-summary")).toHaveText(new RegExp(`of ${n}$`));
  await page.getByTestId("contacts-rows").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Replied").first()).toBeVisible();
  await expect(page.getByTestId("facts").getByRole("listitem").first()).toContainText("confidence");
  await expect(page.getByTestId("timeline").getByText("Received").first()).toBeVisible();
});

test("a hand-edited bad filter says what is wrong instead of failing", async ({ page }) => {
  await signIn(page, USERS.rep);
  await page.goto("/contacts?page=-4");
  await expect(page.getByRole("main").getByRole("alert")).toContainText('Invalid "page"');
  await expect(page.getByTestId("contacts-rows").getByRole("row").first()).toBeVisible();
});

test("a missing contact shows the not-found page", async ({ page }) => {
  await signIn(page, USERS.rep);
  const response = await page.goto("/contacts/99999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("We could not find that page")).toBeVisible();
});
