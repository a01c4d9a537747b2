import { expect, test } from "@playwright/test";
import { emailHash, queryE2eDb, signIn, USERS } from "./helpers";

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

test("a rep's bounced contact offers no Draft outreach and says the mail bounced", async ({ page }) => {
  const [contact] = await queryE2eDb<{ id: number; first_name: string; last_name: string }>(
    `SELECT c.id, c.first_name, c.last_name FROM contacts c JOIN users u ON u.id = c.owner_id
     WHERE u.email = ? AND c.bounced = 1 AND c.do_not_contact = 0 ORDER BY c.id LIMIT 1`,
    [USERS.rep],
  );
  expect(contact, "the seed has a bounced contact of the rep").toBeDefined();
  await signIn(page, USERS.rep);
  await page.goto(`/contacts/${contact!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${contact!.first_name} ${contact!.last_name}`);
  await expect(page.getByTestId("outreach-refusal")).toHaveText(
    `No outreach to ${contact!.first_name} ${contact!.last_name}. Mail to this address bounced, so it is on the suppression list.`,
  );
  await expect(page.getByRole("button", { name: "Draft outreach" })).toHaveCount(0);
});

test("the contactable filter leaves out a contact whose address is suppressed by hand", async ({ page }) => {
  const unflagged = await queryE2eDb<{ id: number; email: string }>(
    "SELECT id, email FROM contacts WHERE do_not_contact = 0 AND bounced = 0 AND unsubscribed = 0 AND replied = 0 ORDER BY id",
  );
  const manual = new Set((await queryE2eDb<{ email_hash: string }>("SELECT email_hash FROM suppression WHERE reason = 'manual'")).map((r) => r.email_hash));
  const suppressed = unflagged.find((c) => manual.has(emailHash(c.email)));
  expect(suppressed, "the seed suppresses a clean-flagged address by hand").toBeDefined();
  await signIn(page, USERS.operator);
  await page.goto(`/contacts?q=${encodeURIComponent(suppressed!.email)}`);
  await expect(page.getByTestId("page-summary")).toHaveText(/of 1$/);
  await expect(page.getByTestId("contacts-rows")).toContainText("Suppressed");
  await expect(page.getByTestId("contacts-rows")).not.toContainText("Contactable");
  await page.getByLabel("Status").selectOption("contactable");
  await expect(page.getByTestId("page-summary")).toHaveText("No results");
});

test("a rep can select only their own contacts for batch drafting", async ({ page }) => {
  const owned = async (email: string) =>
    (await queryE2eDb<{ first_name: string; last_name: string; email: string }>(
      "SELECT c.first_name, c.last_name, c.email FROM contacts c JOIN users u ON u.id = c.owner_id WHERE u.email = ? ORDER BY c.id LIMIT 1",
      [email],
    ))[0]!;
  const mine = await owned(USERS.rep);
  const theirs = await owned("rep2@demo.local");
  await signIn(page, USERS.rep);
  await page.goto("/contacts");
  const search = page.getByLabel("Search contacts");

  await search.fill(theirs.email);
  await expect(page.getByTestId("page-summary")).toHaveText(/of 1$/);
  const theirBox = page.getByTestId("contacts-rows").getByRole("checkbox");
  await expect(theirBox).toBeDisabled();
  await expect(theirBox).toHaveAccessibleName(new RegExp(`^Select ${theirs.first_name} ${theirs.last_name} \\(owned by .+; only its owner can draft\\)$`));
  // The page's "select all" has nothing of this rep's to select either.
  await expect(page.getByRole("checkbox", { name: "Select every contact of yours on this page" })).toBeDisabled();

  await search.fill(mine.email);
  await expect(page.getByTestId("page-summary")).toHaveText(/of 1$/);
  await page.getByRole("checkbox", { name: `Select ${mine.first_name} ${mine.last_name}`, exact: true }).check();
  await expect(page.getByRole("button", { name: "Draft outreach for 1" })).toBeVisible();
});
