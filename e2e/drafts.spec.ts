import { expect, test, type Page } from "@playwright/test";
import { draftableContact, draftFromContactPage, emailHash, queryE2eDb, signIn, USERS, type Contact } from "./helpers";
import { readReceivedMail } from "./smtp-sink";

const REP2 = "rep2@demo.local";

/** Checks contacts one search at a time (the selection survives each search), then drafts for all of them. */
async function draftFromContactsList(page: Page, contacts: Contact[]) {
  await page.goto("/contacts");
  const search = page.getByLabel("Search contacts");
  for (const c of contacts) {
    await search.fill(c.email);
    await expect(page.getByTestId("page-summary")).toHaveText(/of 1$/);
    await page.getByRole("checkbox", { name: `Select ${c.first_name} ${c.last_name}` }).check();
  }
  await page.getByRole("button", { name: `Draft outreach for ${contacts.length}` }).click();
  const summary = page.getByTestId("outreach-summary");
  await expect(summary).toBeVisible({ timeout: 60_000 });
  return summary;
}

async function draftIdsFor(contacts: Contact[]): Promise<number[]> {
  const rows = await queryE2eDb<{ id: number; contact_id: number }>(
    `SELECT id, contact_id FROM drafts WHERE contact_id IN (${contacts.map(() => "?").join(",")})`,
    contacts.map((c) => c.id),
  );
  return contacts.map((c) => rows.find((r) => r.contact_id === c.id)!.id);
}

test("a rep drafts outreach from a contact page, edits the draft, approves it and exactly one edited email goes out by SMTP", async ({ page }) => {
  test.setTimeout(90_000);
  const contact = await draftableContact(USERS.rep, 0);
  await signIn(page, USERS.rep);
  const draftId = await draftFromContactPage(page, contact);

  await page.getByTestId("outreach-summary").getByRole("link", { name: "Review the draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/drafts\\?.*id=${draftId}`));
  const rows = page.getByTestId("draft-rows");
  await expect(rows.locator(`[data-draft-id="${draftId}"]`)).toContainText(`${contact.first_name} ${contact.last_name}`);

  const detail = page.getByTestId("draft-detail");
  await expect(detail.getByRole("heading", { level: 2 })).toHaveText(`${contact.first_name} ${contact.last_name}`);
  const provenance = detail.getByTestId("provenance");
  await expect(provenance).toContainText("offline template");
  await expect(provenance).toContainText("Rule-based fallback");
  await expect(provenance).toContainText(/Confidence\s*\d+%/);
  await expect(detail.getByTestId("evidence").getByRole("listitem").first()).toBeVisible();
  const runLink = provenance.getByRole("link", { name: /View run|LangSmith/ });
  await expect(runLink).toHaveAttribute("href", /^(\/runs\/|https?:\/\/)/);

  const marker = `P.S. Edited by the rep ${Date.now().toString(36)}.`;
  const body = detail.getByLabel("Body");
  const original = await body.inputValue();
  await body.fill(`${original}\n\n${marker}`);
  await detail.getByRole("button", { name: "Approve with edits" }).click();

  // The approval waits its undo window, then goes out; the draft then shows what was sent.
  await expect(page.getByTestId("undo-toast")).toContainText(`Email to ${contact.first_name} ${contact.last_name} sending in`);
  await expect.poll(async () => (await queryE2eDb<{ status: string }>("SELECT status FROM drafts WHERE id = ?", [draftId]))[0]!.status, { timeout: 30_000 }).toBe("sent");
  await page.goto(`/drafts?id=${draftId}&status=any`);
  await expect(detail.getByRole("status")).toContainText("Sent");
  await expect(detail.getByTestId("draft-diff").locator("ins", { hasText: marker })).toBeVisible();

  const [stored] = await queryE2eDb<{ status: string; body: string; edited_body: string | null }>("SELECT status, body, edited_body FROM drafts WHERE id = ?", [draftId]);
  expect(stored).toMatchObject({ status: "sent", body: original });
  expect(stored!.edited_body).toContain(marker);

  // Give a duplicate send a moment to show up before counting.
  await expect.poll(() => readReceivedMail().filter((m) => m.envelope.to.includes(contact.email)).length).toBe(1);
  await page.waitForTimeout(1_000);
  const received = readReceivedMail().filter((m) => m.envelope.to.includes(contact.email));
  expect(received).toHaveLength(1);
  expect(received[0]!.text).toContain(marker);
  expect(received[0]!.text).toContain(original.split("\n")[0]!);

  // The run link opens the console's record of the graph run.
  if ((await runLink.getAttribute("href"))!.startsWith("/runs/")) {
    await runLink.click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Run");
    await expect(page.getByText("email_orchestrator")).toBeVisible();
  }
});

test("a rep opening a contact on the suppression list is offered no draft and is told why", async ({ page }) => {
  const candidates = await queryE2eDb<Contact>(
    `SELECT c.id, c.first_name, c.last_name, c.email FROM contacts c JOIN users u ON u.id = c.owner_id
     WHERE u.email = ? AND c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0 ORDER BY c.id`,
    [USERS.rep],
  );
  const manual = new Set((await queryE2eDb<{ email_hash: string }>("SELECT email_hash FROM suppression WHERE reason = 'manual'")).map((r) => r.email_hash));
  const contact = candidates.find((c) => manual.has(emailHash(c.email)));
  expect(contact, "the seed has a clean-flagged contact of the rep on the manual suppression list").toBeDefined();

  // The safety gate would skip this contact, so the page does not offer a draft it cannot write (the
  // gate's own refusal is tested in graphs/email-orchestrator/offline.int.test.ts).
  await signIn(page, USERS.rep);
  await page.goto(`/contacts/${contact!.id}`);
  await expect(page.getByTestId("outreach-refusal")).toContainText("Someone put this address on the suppression list by hand.");
  await expect(page.getByRole("button", { name: "Draft outreach" })).toHaveCount(0);
  const drafts = await queryE2eDb<{ n: number }>("SELECT count(*) AS n FROM drafts WHERE contact_id = ?", [contact!.id]);
  expect(drafts[0]!.n).toBe(0);
});

test("a rep cannot see or act on a draft assigned to another rep", async ({ browser, page }) => {
  test.setTimeout(90_000);
  const theirs = await draftableContact(REP2, 0);
  const rep2 = await browser.newContext();
  const rep2Page = await rep2.newPage();
  await signIn(rep2Page, REP2);
  const theirDraft = await draftFromContactPage(rep2Page, theirs);
  await rep2.close();

  const mine = await draftableContact(USERS.rep, 1);
  await signIn(page, USERS.rep);
  const myDraft = await draftFromContactPage(page, mine);

  // Not in the rep's list, whatever the filter; the detail API answers 404, not 403.
  const list = await page.request.get("/api/drafts?status=draft&pageSize=100");
  expect(list.status()).toBe(200);
  const ids = ((await list.json()) as { rows: { id: number }[] }).rows.map((r) => r.id);
  expect(ids).toContain(myDraft);
  expect(ids).not.toContain(theirDraft);
  const detail = await page.request.get(`/api/drafts/${theirDraft}`);
  expect(detail.status()).toBe(404);
  expect((await detail.json()).error.code).toBe("not_found:drafts");

  const [{ run_url: theirRun } = { run_url: "" }] = await queryE2eDb<{ run_url: string }>("SELECT run_url FROM drafts WHERE id = ?", [theirDraft]);
  expect(theirRun).toMatch(/^\/runs\//);
  expect((await page.goto(theirRun))?.status()).toBe(404);

  await page.goto(`/drafts?id=${theirDraft}&status=any`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("does not exist or is not yours");
  await expect(page.getByTestId("draft-rows")).not.toContainText(`${theirs.first_name} ${theirs.last_name}`);

  // The server action refuses too: the rep's own Approve, re-aimed at the other rep's draft.
  await page.goto(`/drafts?id=${myDraft}`);
  const pane = page.getByTestId("draft-detail");
  await expect(pane.getByRole("heading", { level: 2 })).toHaveText(`${mine.first_name} ${mine.last_name}`);
  let rewritten = false;
  await page.route("**/drafts**", async (route) => {
    const request = route.request();
    const body = request.postData();
    if (request.method() !== "POST" || !request.headers()["next-action"] || !body?.includes(`"draftId":${myDraft}`)) return route.continue();
    rewritten = true;
    await route.continue({ postData: body.replace(`"draftId":${myDraft}`, `"draftId":${theirDraft}`) });
  });
  await pane.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(pane.getByRole("alert")).toContainText("does not exist or is not yours");
  expect(rewritten).toBe(true);
  // The refusal leaves the editor where it was, and neither draft moved.
  await expect(pane.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
  const statuses = await queryE2eDb<{ id: number; status: string }>("SELECT id, status FROM drafts WHERE id IN (?, ?) ORDER BY id", [myDraft, theirDraft]);
  expect(statuses.map((s) => s.status)).toEqual(["draft", "draft"]);
  expect(readReceivedMail().filter((m) => m.envelope.to.includes(theirs.email) || m.envelope.to.includes(mine.email))).toHaveLength(0);
});

test("a rep drafts for several contacts from the contacts list, and the server refuses another rep's contact slipped into the batch", async ({ page }) => {
  test.setTimeout(90_000);
  const own = [await draftableContact(USERS.rep, 2), await draftableContact(USERS.rep, 3)];
  const theirs = await draftableContact(REP2, 1);
  await signIn(page, USERS.rep);
  // The list offers no checkbox for another rep's contact, so the batch is re-aimed on its way to the server.
  let rewritten = false;
  const sent = `"contactIds":[${own.map((c) => c.id).join(",")}]`;
  await page.route("**/contacts**", async (route) => {
    const request = route.request();
    const body = request.postData();
    if (request.method() !== "POST" || !request.headers()["next-action"] || !body?.includes(sent)) return route.continue();
    rewritten = true;
    await route.continue({ postData: body.replace(sent, `"contactIds":[${[...own, theirs].map((c) => c.id).join(",")}]`) });
  });
  const summary = await draftFromContactsList(page, own);
  expect(rewritten).toBe(true);
  await expect(summary).toContainText("2 drafted · 0 skipped · 1 failed");
  await expect(summary).toContainText(`Contact ${theirs.id}: You can only draft for your own contacts.`);
  await expect(summary.getByRole("link", { name: "Review the draft" })).toHaveCount(2);
  const drafted = await queryE2eDb<{ contact_id: number }>("SELECT contact_id FROM drafts WHERE contact_id IN (?, ?, ?)", [...own.map((c) => c.id), theirs.id]);
  expect(drafted.map((d) => d.contact_id).sort()).toEqual(own.map((c) => c.id).sort());
});

test("a rep works the queue from the keyboard, rejects one draft with a reason and batch-approves two", async ({ page }) => {
  test.setTimeout(90_000);
  const contacts = [await draftableContact(USERS.rep, 4), await draftableContact(USERS.rep, 5), await draftableContact(USERS.rep, 6)];
  await signIn(page, USERS.rep);
  await expect(await draftFromContactsList(page, contacts)).toContainText("3 drafted");
  const [first, second, third] = await draftIdsFor(contacts);
  const name = (c: Contact) => `${c.first_name} ${c.last_name}`;

  await page.goto(`/drafts?id=${first}`);
  const heading = page.getByTestId("draft-detail").getByRole("heading", { level: 2 });
  await expect(heading).toHaveText(name(contacts[0]!));
  await page.keyboard.press("j");
  await expect(heading).not.toHaveText(name(contacts[0]!));
  await page.keyboard.press("k");
  await expect(heading).toHaveText(name(contacts[0]!));
  await expect(page.getByTestId("draft-rows").locator(`[data-draft-id="${first}"] button`)).toHaveAttribute("aria-current", "true");

  await page.keyboard.press("r");
  const reason = page.getByLabel("Why reject it?");
  await expect(reason).toBeFocused();
  await reason.fill("Already spoke to them last week");
  await reason.press("Enter");
  // Decided: the queue moves on to the next waiting draft, not back to the top.
  await expect(heading).not.toHaveText(name(contacts[0]!));
  const [rejected] = await queryE2eDb<{ status: string; reject_reason: string }>("SELECT status, reject_reason FROM drafts WHERE id = ?", [first!]);
  expect(rejected).toEqual({ status: "rejected", reject_reason: "Already spoke to them last week" });

  const rows = page.getByTestId("draft-rows");
  await rows.locator(`[data-draft-id="${second}"]`).getByRole("checkbox").check();
  await rows.locator(`[data-draft-id="${third}"]`).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Approve 2 selected" }).click();
  // Asked once, with the count.
  const confirm = page.getByRole("dialog", { name: "Approve 2 drafts?" });
  await expect(confirm).toContainText("2 emails will be sent as written");
  await confirm.getByRole("button", { name: "Approve 2" }).click();
  await expect(page.getByTestId("undo-toast")).toContainText("2 emails sending in");
  await expect
    .poll(async () => (await queryE2eDb<{ status: string }>("SELECT status FROM drafts WHERE id IN (?, ?) ORDER BY id", [second!, third!])).map((d) => d.status), { timeout: 30_000 })
    .toEqual(["sent", "sent"]);
  for (const c of contacts.slice(1)) await expect.poll(() => readReceivedMail().filter((m) => m.envelope.to.includes(c.email)).length).toBe(1);
  expect(readReceivedMail().filter((m) => m.envelope.to.includes(contacts[0]!.email))).toHaveLength(0);
});

test("an unauthenticated request for drafts gets 401 JSON", async ({ request }) => {
  const list = await request.get("/api/drafts");
  expect(list.status()).toBe(401);
  expect((await list.json()).error.code).toBe("unauthorized:drafts");
  expect((await request.get("/api/drafts/1")).status()).toBe(401);
});
