import { expect, test } from "@playwright/test";
import { signIn, USERS } from "./helpers";

test("every page carries a nonce CSP that Next's own scripts satisfy, and the other security headers", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const signInPage = await page.goto("/sign-in");
  const first = signInPage!.headers()["content-security-policy"]!;
  expect(first).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(first).toContain("frame-ancestors 'none'");
  expect(signInPage!.headers()).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "x-frame-options": "DENY" });
  // Plain http on loopback: no HSTS.
  expect(signInPage!.headers()["strict-transport-security"]).toBeUndefined();

  await signIn(page, USERS.rep);
  const drafts = await page.goto("/drafts");
  const second = drafts!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(second)![1]!;
  expect(second).not.toBe(first);
  // Every script the server sent carries this response's nonce (scripts they load later are
  // trusted through 'strict-dynamic').
  const scripts = [...(await drafts!.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => /\snonce="([^"]*)"/.exec(tag)?.[1] ?? "");
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  // The page is interactive: React hydrated under the policy.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await expect(page).toHaveURL(/\/contacts/);
  expect(violations).toEqual([]);
});

test("API answers carry nosniff and refuse to be framed", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY" });
});
