import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { emailHash, queryE2eDb, signIn, USERS, writeE2eDb, type Contact } from "./helpers";
import { baseUrlOf, CAMPAIGN_INBOUND_TOKEN, CAMPAIGN_SERVER } from "./servers";
import { readReceivedMail } from "./smtp-sink";

/**
 * A campaign end to end on its own console (CAMPAIGN_SERVER), whose process clock this spec moves
 * forward by writing an offset (e2e/shifted-clock.mjs): nothing sleeps for days.
 */
const server = CAMPAIGN_SERVER;
const db = <T>(sql: string, args: (string | number)[] = []) => queryE2eDb<T>(sql, args, server);

/** Moves the campaign console's clock so that it reads `at` plus a minute (never backwards). */
let offsetMs = 0;
function advanceClockTo(at: number) {
  offsetMs = Math.max(offsetMs, at + 60_000 - Date.now());
  writeFileSync(server.clockFile, String(Math.round(offsetMs)));
}

/** Ten contacts of the rep that no guard or gate would leave out. */
async function tenContactsOfRep(): Promise<Contact[]> {
  const rows = await db<Contact>(
    `SELECT c.id, c.first_name, c.last_name, c.email FROM contacts c JOIN users u ON u.id = c.owner_id
     WHERE u.email = ? AND c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
       AND NOT EXISTS (SELECT 1 FROM campaign_enrollments e WHERE e.contact_id = c.id)
     ORDER BY c.id LIMIT 60`,
    [USERS.rep],
  );
  const suppressed = new Set((await db<{ email_hash: string }>("SELECT email_hash FROM suppression")).map((r) => r.email_hash));
  const clean = rows.filter((c) => !suppressed.has(emailHash(c.email))).slice(0, 10);
  expect(clean, "ten clean contacts of the rep in the seed").toHaveLength(10);
  return clean;
}

type DraftRow = { id: number; contact_id: number; step: number; status: string; subject: string };
const touchesOf = (campaignId: number) => db<DraftRow>("SELECT id, contact_id, step, status, subject FROM drafts WHERE campaign_id = ? ORDER BY id", [campaignId]);

test("an operator launches a campaign to ten contacts; a rep approves touch 1, touch 2 comes due days later, a reply stops the enrollment and nothing more is drafted", async ({ browser, page }) => {
  test.setTimeout(240_000);
  // The demo seed's enrollments predate the engine (their thread ids are not the runtime's): keep
  // the scheduler from waking them, so this console's jobs are this campaign's.
  await writeE2eDb("UPDATE campaign_enrollments SET next_wake_at = NULL WHERE thread_id LIKE 'seed-%'", [], server);
  await writeE2eDb("DELETE FROM jobs WHERE kind = 'campaign_wake'", [], server);
  const contacts = await tenContactsOfRep();
  const [first] = contacts;
  const name = `Ramp season ${Date.now().toString(36)}`;

  // The operator: audience (a selection from the contacts list), the panel, the plan, the forecast, launch.
  await signIn(page, USERS.operator);
  await page.goto(`/campaigns/new?contacts=${contacts.map((c) => c.id).join(",")}`);
  await page.getByLabel("Campaign name").fill(name);
  await page.getByRole("button", { name: "Count the audience" }).click();
  await expect(page.getByTestId("audience-preview")).toContainText("10 contacts; 10 will be enrolled.");
  await page.getByRole("button", { name: "Convene the panel" }).click();
  const panel = page.getByTestId("panel-result");
  await expect(panel.getByRole("heading", { level: 3 })).toHaveText(["Strategist", "Skeptic", "Brand voice"], { timeout: 30_000 });
  await expect(panel.getByText("Audience rules (offline)").first()).toBeVisible();
  const editor = page.getByTestId("plan-editor");
  await expect(editor.getByRole("textbox", { name: /^Angle/ })).not.toHaveValue("");
  // The operator edits the panel's plan: touch 2 two days after touch 1.
  await editor.getByLabel("Touch 2: days after the last").fill("2");
  await page.getByRole("button", { name: "Forecast the sends" }).click();
  await expect(page.getByTestId("forecast")).toContainText(/^10 contacts: touch 1 finishes on/);
  await page.getByRole("button", { name: "Launch to 10 contacts" }).click();
  const progress = page.getByTestId("launch-progress");
  // The summary waits for the wake jobs' drafts before it counts what waits for approval.
  await expect(progress).toContainText("Every first touch is drafted.", { timeout: 90_000 });
  await expect(progress).toContainText("10 touches waiting for approval in the owners' drafts queues · 0 sent");

  const [campaign] = await db<{ id: number; plan: string; panel: string }>("SELECT id, plan, panel FROM email_campaigns WHERE name = ?", [name]);
  const plan = JSON.parse(campaign!.plan) as { cadenceDays: number[]; provenance: { source: string } };
  expect(plan.cadenceDays.slice(0, 2)).toEqual([0, 2]);
  expect(plan.provenance.source).toBe("campaign_panel");
  expect(JSON.parse(campaign!.panel)).toMatchObject({ edited: ["cadenceDays"] });
  await expect.poll(async () => (await touchesOf(campaign!.id)).filter((d) => d.step === 1 && d.status === "draft").length, { timeout: 90_000 }).toBe(10);

  // The rep approves touch 1 for one contact in the drafts queue; the SMTP server receives it.
  const rep = await (await browser.newContext()).newPage();
  await signIn(rep, USERS.rep);
  const touch1 = (await touchesOf(campaign!.id)).find((d) => d.contact_id === first!.id)!;
  await rep.goto(`/drafts?campaign=${campaign!.id}&id=${touch1.id}`);
  await expect(rep.getByTestId("draft-rows").locator(`[data-draft-id="${touch1.id}"]`).getByTestId("draft-campaign")).toContainText(`${name}Touch 1`);
  // The queue gathers the campaign's touches under "Campaign · Touch N" with how many sit there.
  const group1 = rep.getByTestId("draft-group").filter({ has: rep.locator(`[data-draft-id="${touch1.id}"]`) });
  await expect(group1.getByRole("heading")).toContainText(`${name} · Touch 1`);
  const shown = await group1.locator("[data-draft-id]").count();
  await expect(group1.getByTestId("draft-group-count")).toHaveText(`${shown} draft${shown === 1 ? "" : "s"}`);
  await rep.getByTestId("draft-detail").getByRole("button", { name: "Approve", exact: true }).click();
  await expect.poll(async () => (await db<{ status: string }>("SELECT status FROM drafts WHERE id = ?", [touch1.id]))[0]!.status, { timeout: 60_000 }).toBe("sent");
  await expect.poll(() => readReceivedMail(server.smtpLog).filter((m) => m.envelope.to.includes(first!.email)).length, { timeout: 30_000 }).toBe(1);

  // Time moves to touch 2's wake-up: the scheduler wakes the thread and touch 2 reaches the rep's queue.
  const [enrollment] = await db<{ id: number; next_wake_at: number; step: number }>("SELECT id, next_wake_at, step FROM campaign_enrollments WHERE campaign_id = ? AND contact_id = ?", [campaign!.id, first!.id]);
  expect(enrollment!.next_wake_at).toBeGreaterThan(Date.now() + offsetMs + 86_400_000);
  advanceClockTo(enrollment!.next_wake_at);
  await expect.poll(async () => (await touchesOf(campaign!.id)).filter((d) => d.contact_id === first!.id && d.step === 2).map((d) => d.status), { timeout: 90_000 }).toEqual(["draft"]);
  const touch2 = (await touchesOf(campaign!.id)).find((d) => d.contact_id === first!.id && d.step === 2)!;
  await rep.goto(`/drafts?campaign=${campaign!.id}&id=${touch2.id}`);
  await expect(rep.getByTestId("draft-rows").locator(`[data-draft-id="${touch2.id}"]`).getByTestId("draft-campaign")).toContainText("Touch 2");
  await expect(rep.getByTestId("draft-group").filter({ has: rep.locator(`[data-draft-id="${touch2.id}"]`) }).getByRole("heading")).toContainText(`${name} · Touch 2`);

  // The contact answers touch 1: the enrollment stops as replied and the waiting touch 2 is withdrawn.
  const [sent] = await db<{ message_id: string; subject: string }>("SELECT message_id, subject FROM emails WHERE campaign_id = ? AND contact_id = ? AND direction = 'outbound'", [campaign!.id, first!.id]);
  const reply = await page.request.post(`${baseUrlOf(server)}/api/inbound`, {
    headers: { authorization: `Bearer ${CAMPAIGN_INBOUND_TOKEN}` },
    data: { from: first!.email, subject: `Re: ${sent!.subject}`, text: "Thanks, this is timely. Could we talk on Thursday?", messageId: `<reply-${Date.now()}@e2e.test>`, inReplyTo: sent!.message_id },
  });
  expect(reply.status()).toBe(200);
  await expect.poll(async () => (await db<{ status: string }>("SELECT status FROM campaign_enrollments WHERE id = ?", [enrollment!.id]))[0]!.status, { timeout: 30_000 }).toBe("replied");
  await expect.poll(async () => (await db<{ status: string }>("SELECT status FROM drafts WHERE id = ?", [touch2.id]))[0]!.status, { timeout: 30_000 }).toBe("withdrawn");

  await page.goto(`/campaigns/${campaign!.id}?status=replied`);
  const row = page.getByTestId("enrollment-row").filter({ hasText: `${first!.first_name} ${first!.last_name}` });
  await expect(row).toContainText("Replied");
  await expect(page.getByTestId("campaign-counts")).toContainText(/Replied\s*1/);
  await page.goto(`/contacts/${first!.id}`);
  await expect(page.getByTestId("contact-campaigns")).toContainText("Replied");

  // Weeks later, nothing more is drafted for the contact who replied.
  advanceClockTo(Date.now() + offsetMs + 30 * 86_400_000);
  await page.waitForTimeout(3_000);
  expect((await touchesOf(campaign!.id)).filter((d) => d.contact_id === first!.id).map((d) => [d.step, d.status])).toEqual([[1, "sent"], [2, "withdrawn"]]);
  expect(readReceivedMail(server.smtpLog).filter((m) => m.envelope.to.includes(first!.email))).toHaveLength(1);
});

test("an operator at a 1366×900 window reads the campaigns list, a campaign with an 80-character name and the drafts filters without scrolling sideways", async ({ page }) => {
  const name = `${"Q".repeat(72)}${Date.now().toString(36).slice(-8).padStart(8, "Q")}`;
  expect(name).toHaveLength(80);
  await writeE2eDb("INSERT INTO email_campaigns (name, status, cadence_days) VALUES (?, 'active', '[0,4]')", [name], server);
  const [campaign] = await db<{ id: number }>("SELECT id FROM email_campaigns WHERE name = ?", [name]);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, USERS.operator);
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  // The seed's campaigns draw sparklines whose screen-reader tables once widened the page to 1,682 px.
  await page.goto("/campaigns");
  await expect(page.locator("figure[data-chart]").first()).toBeVisible();
  expect(await sideways()).toBeLessThanOrEqual(0);
  const link = page.getByTestId("campaign-table").getByRole("link", { name });
  await expect(link).toHaveAttribute("title", name);
  expect((await link.boundingBox())!.width).toBeLessThanOrEqual(320);

  await page.goto(`/campaigns/${campaign!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  expect(await sideways()).toBeLessThanOrEqual(0);

  // The queue's campaign filter keeps a bounded width and its place in the filters' row.
  await page.goto("/drafts");
  const filter = page.getByRole("combobox", { name: "Campaign" });
  await expect(filter).toBeVisible();
  const [box, status] = [(await filter.boundingBox())!, (await page.getByRole("combobox", { name: "Status" }).boundingBox())!];
  expect(box.width).toBeLessThanOrEqual(224);
  expect(Math.abs(box.y - status.y)).toBeLessThan(4);
  expect(await sideways()).toBeLessThanOrEqual(0);
});

test("an operator is told to name the campaign beside the name at counting and beside Launch when it was cleared, and the forecast counts only who will be enrolled", async ({ page }) => {
  const [blocked] = await db<{ id: number }>("SELECT id FROM contacts WHERE do_not_contact = 1 ORDER BY id LIMIT 1");
  const suppressed = new Set((await db<{ email_hash: string }>("SELECT email_hash FROM suppression")).map((r) => r.email_hash));
  const candidates = await db<{ id: number; email: string }>(
    `SELECT c.id, c.email FROM contacts c WHERE c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
       AND NOT EXISTS (SELECT 1 FROM campaign_enrollments e WHERE e.contact_id = c.id) ORDER BY c.id DESC LIMIT 50`,
  );
  const open = candidates.find((c) => !suppressed.has(emailHash(c.email)));
  await signIn(page, USERS.operator);
  await page.goto(`/campaigns/new?contacts=${blocked!.id},${open!.id}`);
  const nameField = page.getByLabel("Campaign name");
  await expect(page.getByText("Campaign name (0/80)")).toBeVisible();

  await page.getByRole("button", { name: "Count the audience" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Name the campaign." })).toBeVisible();
  await expect(nameField).toBeFocused();
  await expect(page.getByTestId("audience-preview")).toHaveCount(0);

  await nameField.fill("Guarded forecast");
  await page.getByLabel("Cooldown after another campaign").fill("400");
  await page.getByRole("button", { name: "Count the audience" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Cooldown must be between 0 and 365 days." })).toBeVisible();
  await page.getByLabel("Cooldown after another campaign").fill("30");
  await page.getByRole("button", { name: "Count the audience" }).click();
  await expect(page.getByTestId("audience-preview")).toContainText("2 contacts; 1 will be enrolled.");

  await page.getByRole("button", { name: "Write the plan myself" }).click();
  await page.getByTestId("plan-editor").getByRole("textbox", { name: /^Angle/ }).fill("Faster month-end close");
  await page.getByRole("button", { name: "Forecast the sends" }).click();
  await expect(page.getByTestId("forecast")).toContainText(/^1 contact: touch 1 finishes on/);

  await nameField.fill("");
  const launch = page.getByRole("button", { name: "Launch to 1 contact", exact: true });
  await launch.click();
  await expect(launch.locator("xpath=..").getByRole("alert")).toHaveText("Name the campaign.");
  await expect(nameField).toBeFocused();
  await expect(page.getByText('Invalid "')).toHaveCount(0);
});
