import { createHash } from "node:crypto";
import { createClient, type InValue } from "@libsql/client";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { OFFLINE_SERVER, type E2eServer } from "./servers";

export const PASSWORD = "demo-password";
export const USERS = {
  rep: "rep@demo.local",
  operator: "operator@demo.local",
  admin: "admin@demo.local",
} as const;

// Sessions signed in through the form, per worker: the console allows 20 sign-ins a minute per
// address, and a suite that signed in through the form for every test would trip that limit.
// Keyed by project too: cookies ignore ports, and each e2e server has its own sessions.
const sessions = new Map<string, Awaited<ReturnType<BrowserContext["cookies"]>>>();
const sessionKey = (email: string) => `${test.info().project.name}:${email}`;

/** Signs in through the form the first time, then reuses that session in later tests. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  const saved = password === PASSWORD ? sessions.get(sessionKey(email)) : undefined;
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/drafts");
    if (await page.getByTestId("user-name").isVisible()) return;
    sessions.delete(sessionKey(email));
  }
  await signInWithForm(page, email, password);
  if (password === PASSWORD) sessions.set(sessionKey(email), await page.context().cookies());
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
  sessions.delete(sessionKey(email));
}

/**
 * A connection to an e2e server's database. It waits up to 10 s for the server's own writes (the
 * job runner, a launch) instead of failing at once with SQLITE_BUSY: a spec's setup write could
 * otherwise fail whenever it met one, which made the walk flaky, not wrong.
 */
async function clientFor(server: E2eServer) {
  const client = createClient({ url: `file:./${server.dataDir}/sales.db` });
  await client.execute("PRAGMA busy_timeout = 10000");
  return client;
}

/** Reads an e2e server's own database (the offline one unless told), to check what the browser shows against the rows. */
export async function queryE2eDb<T>(sql: string, args: InValue[] = [], server: E2eServer = OFFLINE_SERVER): Promise<T[]> {
  const client = await clientFor(server);
  try {
    return (await client.execute({ sql, args })).rows as unknown as T[];
  } finally {
    client.close();
  }
}

/** Writes to an e2e server's own database, to give a page rows it did not make itself. */
export async function writeE2eDb(sql: string, args: InValue[] = [], server: E2eServer = OFFLINE_SERVER): Promise<void> {
  const client = await clientFor(server);
  try {
    await client.execute({ sql, args });
  } finally {
    client.close();
  }
}

export type Contact = { id: number; first_name: string; last_name: string; email: string };

const DAY = 86_400_000;
export const emailHash = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

/**
 * Contacts of a user that nothing should stop: no flag, not suppressed, no outbound email in the
 * cooldown, and at least two company facts (so a draft has evidence). Tests running in parallel
 * take different ones (`nth`), because a contact with a waiting draft is skipped.
 */
export async function draftableContact(ownerEmail: string, nth: number, server: E2eServer = OFFLINE_SERVER): Promise<Contact> {
  const rows = await queryE2eDb<Contact>(
    `SELECT c.id, c.first_name, c.last_name, c.email FROM contacts c
     JOIN users u ON u.id = c.owner_id
     WHERE u.email = ? AND c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
       AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id AND e.direction = 'outbound' AND e.sent_at > ?)
       AND (SELECT count(*) FROM company_facts f WHERE f.company_id = c.company_id) >= 2
     ORDER BY c.id LIMIT 40`,
    [ownerEmail, Date.now() - 4 * DAY],
    server,
  );
  const suppressed = new Set((await queryE2eDb<{ email_hash: string }>("SELECT email_hash FROM suppression", [], server)).map((r) => r.email_hash));
  const clean = rows.filter((c) => !suppressed.has(emailHash(c.email)));
  expect(clean.length, "enough draftable contacts in the seed").toBeGreaterThan(nth);
  return clean[nth]!;
}

/** Drafts outreach from the contact's page and returns the new draft's id. */
export async function draftFromContactPage(page: Page, contact: Contact): Promise<number> {
  await page.goto(`/contacts/${contact.id}`);
  await page.getByRole("button", { name: "Draft outreach" }).click();
  const summary = page.getByTestId("outreach-summary");
  await expect(summary).toContainText("1 drafted", { timeout: 30_000 });
  const href = await summary.getByRole("link", { name: "Review the draft" }).getAttribute("href");
  const id = Number(new URL(href!, "http://x").searchParams.get("id"));
  expect(id).toBeGreaterThan(0);
  return id;
}
