import { createClient } from "@libsql/client";
import { expect, type BrowserContext, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";
export const USERS = {
  rep: "rep@demo.local",
  operator: "operator@demo.local",
  admin: "admin@demo.local",
} as const;

// Sessions signed in through the form, per worker: the console allows 20 sign-ins a minute per
// address, and a suite that signed in through the form for every test would trip that limit.
const sessions = new Map<string, Awaited<ReturnType<BrowserContext["cookies"]>>>();

/** Signs in through the form the first time, then reuses that session in later tests. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  const saved = password === PASSWORD ? sessions.get(email) : undefined;
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/drafts");
    if (await page.getByTestId("user-name").isVisible()) return;
    sessions.delete(email);
  }
  await signInWithForm(page, email, password);
  if (password === PASSWORD) sessions.set(email, await page.context().cookies());
}

/** Always through the sign-in form, for tests about signing in itself. */
export async function signInWithForm(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-name")).toBeVisible();
}

/** After signing a user out, their saved session is dead. */
export function forgetSession(email: string) {
  sessions.delete(email);
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
