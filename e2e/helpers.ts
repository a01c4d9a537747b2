import { createClient } from "@libsql/client";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";
export const USERS = {
  rep: "rep@demo.local",
  operator: "operator@demo.local",
  admin: "admin@demo.local",
} as const;

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-name")).toBeVisible();
}

/** Reads the e2e server's own database, to check what the browser shows against the rows. */
export async function queryE2eDb<T>(sql: string, args: (string | number)[] = []): Promise<T[]> {
  const client = createClient({ url: "file:./.test-output/e2e-data/sales.db" });
  try {
    return (await client.execute({ sql, args })).rows as unknown as T[];
  } finally {
    client.close();
  }
}
