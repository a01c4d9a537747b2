import { expect, test } from "@playwright/test";
import { queryE2eDb, signIn, USERS } from "./helpers";

test("a rep imports a small CSV from the contacts list and sees what was created and refused", async ({ page }) => {
  const tag = Date.now().toString(36);
  const csv = [
    "Email;First name;Last name;Title;Company;Website;Industry;HQ",
    `ada.${tag}@e2e-import.example;Ada;Lovelace;CTO;E2E Import;e2e-import.example;SaaS;Berlin, Germany`,
    `bob.${tag}@e2e-import.example;Bob;Builder;VP Sales;E2E Import;e2e-import.example;SaaS;`,
    `not-an-address;Bad;Row;;E2E Import;e2e-import.example;SaaS;`,
  ].join("\n");

  await signIn(page, USERS.rep);
  await page.goto("/contacts");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import contacts" })).toBeVisible();
  await page.getByLabel("CSV file of contacts and their companies").setInputFiles({ name: "e2e-leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload" }).click();

  // The guess maps the semicolon file's columns; the preview shows the bad row before anything is written.
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("Email");
  await expect(page.getByLabel("Vertical")).toHaveValue("Industry");
  const preview = page.getByRole("region", { name: /Preview of the first rows/ });
  await expect(preview.getByText('Email "not-an-address" is not a valid email address')).toBeVisible();
  await expect(preview.getByText("new", { exact: true })).toHaveCount(2);

  await page.getByRole("button", { name: "Import 3 rows" }).click();
  const report = page.getByRole("region", { name: "Import finished" });
  await expect(report).toBeVisible({ timeout: 20_000 });
  await expect(report.getByText("Contacts created").locator("xpath=following-sibling::dd[1]")).toHaveText("2");
  await expect(report.getByText("Refused", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText("1");
  await expect(report.getByRole("link", { name: /Download the 1 refused rows/ })).toBeVisible();

  const rows = await queryE2eDb<{ email: string; owner: string; country: string | null }>(
    `SELECT c.email, u.email AS owner, co.country FROM contacts c JOIN companies co ON co.id = c.company_id JOIN users u ON u.id = c.owner_id WHERE c.email LIKE ? ORDER BY c.email`,
    [`%.${tag}@e2e-import.example`],
  );
  expect(rows).toEqual([
    { email: `ada.${tag}@e2e-import.example`, owner: USERS.rep, country: "DE" },
    { email: `bob.${tag}@e2e-import.example`, owner: USERS.rep, country: "DE" },
  ]);
});
