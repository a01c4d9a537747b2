import { expect, test } from "@playwright/test";
import { signIn, signInWithForm, USERS } from "./helpers";

const NAV = {
  rep: ["Drafts", "Campaigns", "Contacts", "Plans"],
  operator: ["Drafts", "Campaigns", "Analytics", "Contacts", "Plans"],
  admin: ["Drafts", "Campaigns", "Analytics", "Contacts", "Plans", "Admin"],
} as const;

for (const role of ["rep", "operator", "admin"] as const) {
  test(`a demo ${role} signs in and sees exactly the ${role}'s navigation`, async ({ page }) => {
    await signInWithForm(page, USERS[role]);
    await expect(page.getByTestId("user-role")).toHaveText(role);
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    await expect(links).toHaveText([...NAV[role]]);
  });
}

test("a rep who types an admin URL gets the 403 page", async ({ page }) => {
  await signIn(page, USERS.rep);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});

test("a rep cannot open analytics but an operator can", async ({ page, browser }) => {
  await signIn(page, USERS.rep);
  expect((await page.goto("/analytics"))?.status()).toBe(403);
  const operator = await browser.newPage();
  await signIn(operator, USERS.operator);
  expect((await operator.goto("/analytics"))?.status()).toBe(200);
  await expect(operator.getByRole("heading", { name: "Analytics" })).toBeVisible();
  await operator.close();
});

test("an unauthenticated visitor is sent to sign-in and comes back after", async ({ page }) => {
  await page.goto("/contacts?vertical=fintech");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcontacts%3Fvertical%3Dfintech/);
  await page.getByLabel("Email").fill(USERS.rep);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/contacts\?vertical=fintech$/);
  await expect(page.getByLabel("Vertical")).toHaveValue("fintech");
});

test("an unauthenticated API call gets 401 JSON", async ({ request }) => {
  const response = await request.get("/api/contacts");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect((await response.json()).error.code).toBe("unauthorized:contacts");
});

test("a wrong password shows a readable error and keeps the person on sign-in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(USERS.rep);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing out ends the session", async ({ page }) => {
  // Its own session, so the sessions other tests reuse stay signed in.
  await signInWithForm(page, USERS.operator);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/drafts");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the sign-in page offers the demo accounts in demo mode", async ({ page }) => {
  await page.goto("/sign-in");
  const demo = page.getByRole("region", { name: "Demo accounts" });
  await expect(demo).toContainText("demo-password");
  await demo.getByRole("button", { name: /admin@demo\.local/ }).click();
  await expect(page.getByLabel("Email")).toHaveValue("admin@demo.local");
});
