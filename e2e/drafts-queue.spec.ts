import { expect, test, type Page } from "@playwright/test";
import { draftableContact, draftFromContactPage, queryE2eDb, signIn, USERS, type Contact } from "./helpers";
import { E2E_SEND_DELAY_SECONDS } from "./servers";
import { readReceivedMail } from "./smtp-sink";

// The rep's queue from the keyboard and its safety nets (issue #11, item 1). Contacts nth 8 and
// up: drafts.spec.ts takes the rep's first seven, and a contact with a waiting draft is skipped.

const REP2 = "rep2@demo.local";
const name = (c: Contact) => `${c.first_name} ${c.last_name}`;

/** What the database holds about a draft: its status and label, and whether anything of the send path exists. */
async function sendPathOf(draftId: number) {
  const [row] = await queryE2eDb<{ status: string; reject_label: string | null; reject_reason: string | null; jobs: number; outbox: number }>(
    `SELECT d.status, d.reject_label, d.reject_reason,
       (SELECT count(*) FROM jobs j WHERE j.dedupe_key = 'draft:' || d.id AND j.status IN ('queued', 'running', 'failed', 'done')) AS jobs,
       (SELECT count(*) FROM outbox o WHERE o.draft_id = d.id) AS outbox
     FROM drafts d WHERE d.id = ?`,
    [draftId],
  );
  return row!;
}

async function openDraft(page: Page, draftId: number, contact: Contact) {
  await page.goto(`/drafts?id=${draftId}`);
  await expect(page.getByTestId("draft-detail").getByRole("heading", { level: 2 })).toHaveText(name(contact));
}

test("a rep who presses r, then Enter with no reason, then types the reason keeps typing the reason: nothing is approved, sent or edited", async ({ page }) => {
  test.setTimeout(60_000);
  const contact = await draftableContact(USERS.rep, 8);
  const next = await draftableContact(USERS.rep, 9);
  await signIn(page, USERS.rep);
  const draftId = await draftFromContactPage(page, contact);
  await draftFromContactPage(page, next);
  await openDraft(page, draftId, contact);
  const detail = page.getByTestId("draft-detail");
  const bodyBefore = await detail.getByLabel("Body").inputValue();

  await page.keyboard.press("r");
  const reason = detail.getByLabel("Why reject it?");
  await expect(reason).toBeFocused();
  await page.keyboard.press("Enter");
  // As in the issue: the rep reads the message ("Say why…"), then types the reason; there `a`
  // approved and sent the draft and `e` took the rest of the sentence into the body.
  await expect(detail.getByRole("alert").filter({ hasText: /why you are rejecting it/ })).toBeVisible();
  await page.keyboard.type("a bad angle");

  // First the harm: give a wrongly made approval its whole window, then look for anything sent.
  await page.waitForTimeout((E2E_SEND_DELAY_SECONDS + 1) * 1_000);
  const [stored] = await queryE2eDb<{ status: string; outbox: number }>("SELECT status, (SELECT count(*) FROM outbox o WHERE o.draft_id = d.id) AS outbox FROM drafts d WHERE id = ?", [draftId]);
  expect(stored).toEqual({ status: "draft", outbox: 0 });
  expect(readReceivedMail().filter((m) => m.envelope.to.includes(contact.email))).toHaveLength(0);
  expect(await sendPathOf(draftId)).toMatchObject({ status: "draft", jobs: 0, outbox: 0 });

  // Then the form: the text is the reason, still focused (typing cleared the message); nothing else moved.
  await expect(reason).toBeFocused();
  await expect(reason).toHaveValue("a bad angle");
  await expect(detail.getByRole("heading", { level: 2 })).toHaveText(name(contact));
  expect(await detail.getByLabel("Body").inputValue()).toBe(bodyBefore);

  // The rep finishes the rejection: the preset label is stored beside the words.
  await detail.getByRole("radio", { name: "Wrong angle" }).check();
  await reason.press("Enter");
  await expect.poll(() => sendPathOf(draftId)).toMatchObject({ status: "rejected", reject_label: "wrong_angle", reject_reason: "a bad angle", jobs: 0, outbox: 0 });
});

test("a rep presses ? for the shortcuts: a dialog lists them, keys do nothing while it is open, and Esc gives the focus back", async ({ page }) => {
  const contact = await draftableContact(USERS.rep, 10);
  await signIn(page, USERS.rep);
  const draftId = await draftFromContactPage(page, contact);
  await openDraft(page, draftId, contact);
  const detail = page.getByTestId("draft-detail");
  const rejectButton = detail.getByRole("button", { name: "Reject…" });
  await rejectButton.focus();

  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const line of ["Next draft", "Approve (sends after the undo window)", "Reject…", "Select or unselect the draft"]) await expect(dialog).toContainText(line);
  await page.keyboard.press("a");
  await page.keyboard.press("j");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(rejectButton).toBeFocused();
  await expect(detail.getByRole("heading", { level: 2 })).toHaveText(name(contact));
  expect(await sendPathOf(draftId)).toMatchObject({ status: "draft", jobs: 0 });
});

test("a rep approves with a, the queue moves on below it, and Undo in the window brings the draft back with nothing sent", async ({ page }) => {
  test.setTimeout(60_000);
  const contacts = [await draftableContact(USERS.rep, 11), await draftableContact(USERS.rep, 12)];
  await signIn(page, USERS.rep);
  const ids = [await draftFromContactPage(page, contacts[0]!), await draftFromContactPage(page, contacts[1]!)];
  // The older draft sits below the newer one; approving it must not jump back to the top.
  await openDraft(page, ids[0]!, contacts[0]!);
  const rows = page.getByTestId("draft-rows").locator("[data-draft-id]");
  const order = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-draft-id"))));
  const at = order.indexOf(ids[0]!);

  await page.keyboard.press("a");
  const toast = page.getByTestId("undo-toast");
  await expect(toast).toContainText(`Email to ${name(contacts[0]!)} sending in`);
  await expect(page.getByTestId("draft-detail").getByRole("heading", { level: 2 })).not.toHaveText(name(contacts[0]!));
  const selected = await rows.evaluateAll((els) => els.findIndex((el) => el.querySelector('[aria-current="true"]') !== null));
  if (at < order.length - 1) expect(selected).toBeGreaterThan(at);
  expect(await sendPathOf(ids[0]!)).toMatchObject({ status: "draft", jobs: 1, outbox: 0 });

  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(toast).toContainText("Undone: the draft is back in the queue.");
  await expect(page.getByTestId("draft-detail").getByRole("heading", { level: 2 })).toHaveText(name(contacts[0]!));
  await expect(page.getByTestId("draft-detail").getByRole("button", { name: "Approve", exact: true })).toBeVisible();
  await page.waitForTimeout((E2E_SEND_DELAY_SECONDS + 2) * 1_000);
  expect(await sendPathOf(ids[0]!)).toMatchObject({ status: "draft", jobs: 0, outbox: 0 });
  expect(readReceivedMail().filter((m) => m.envelope.to.includes(contacts[0]!.email))).toHaveLength(0);
});

test("a rep selects drafts with x and rejects them together with one preset reason", async ({ page }) => {
  const contacts = [await draftableContact(USERS.rep, 13), await draftableContact(USERS.rep, 14)];
  await signIn(page, USERS.rep);
  const ids = [await draftFromContactPage(page, contacts[0]!), await draftFromContactPage(page, contacts[1]!)];
  await openDraft(page, ids[0]!, contacts[0]!);
  const rows = page.getByTestId("draft-rows");
  await page.keyboard.press("x");
  await expect(rows.locator(`[data-draft-id="${ids[0]}"]`).getByRole("checkbox")).toBeChecked();
  await rows.locator(`[data-draft-id="${ids[1]}"] button`).click();
  await page.keyboard.press("x");
  await expect(rows.locator(`[data-draft-id="${ids[1]}"]`).getByRole("checkbox")).toBeChecked();

  await page.getByRole("button", { name: "Reject 2…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reject 2 drafts" });
  await dialog.getByRole("radio", { name: "Tone" }).check();
  await dialog.getByRole("button", { name: "Reject 2 drafts" }).click();
  await expect(dialog).toBeHidden();
  for (const id of ids) await expect.poll(() => sendPathOf(id)).toMatchObject({ status: "rejected", reject_label: "tone", reject_reason: null, outbox: 0 });
});

test("a rep batch-approves after one confirmation showing the count, and one Undo takes the whole batch back", async ({ page }) => {
  test.setTimeout(60_000);
  const contacts = [await draftableContact(USERS.rep, 15), await draftableContact(USERS.rep, 16)];
  await signIn(page, USERS.rep);
  const ids = [await draftFromContactPage(page, contacts[0]!), await draftFromContactPage(page, contacts[1]!)];
  await openDraft(page, ids[0]!, contacts[0]!);
  const rows = page.getByTestId("draft-rows");
  for (const id of ids) await rows.locator(`[data-draft-id="${id}"]`).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Approve 2 selected" }).click();
  const confirm = page.getByRole("dialog", { name: "Approve 2 drafts?" });
  await expect(confirm).toContainText(`2 emails will be sent as written after ${E2E_SEND_DELAY_SECONDS} s`);
  await confirm.getByRole("button", { name: "Approve 2" }).click();
  const toast = page.getByTestId("undo-toast");
  await expect(toast).toContainText("2 emails sending in");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(toast).toContainText("Undone: 2 drafts are back in the queue.");
  await page.waitForTimeout((E2E_SEND_DELAY_SECONDS + 2) * 1_000);
  for (const [i, id] of ids.entries()) {
    expect(await sendPathOf(id)).toMatchObject({ status: "draft", jobs: 0, outbox: 0 });
    expect(readReceivedMail().filter((m) => m.envelope.to.includes(contacts[i]!.email))).toHaveLength(0);
  }
});

test("a rep batch-approving a proposal with two emails is told before and after that the proposal is not approved there, and why", async ({ page }) => {
  test.setTimeout(90_000);
  const contacts = [await draftableContact(USERS.rep, 19), await draftableContact(USERS.rep, 20)];
  const forProposal = await draftableContact(USERS.rep, 21);
  await signIn(page, USERS.rep);
  const ids = [await draftFromContactPage(page, contacts[0]!), await draftFromContactPage(page, contacts[1]!)];
  await page.goto(`/contacts/${forProposal.id}`);
  await page.getByRole("button", { name: "Draft proposal" }).click();
  const review = page.getByRole("link", { name: "Review it in Drafts" });
  await expect(review).toBeVisible({ timeout: 30_000 });
  await review.click();
  await expect(page.getByTestId("proposal-detail")).toBeVisible();
  const proposalId = Number(new URL(page.url()).searchParams.get("id"));

  const rows = page.getByTestId("draft-rows");
  for (const id of [proposalId, ...ids]) await rows.locator(`[data-draft-id="${id}"]`).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Approve 3 selected" }).click();
  const confirm = page.getByRole("dialog", { name: "Approve 3 drafts?" });
  await expect(confirm).toContainText(`2 emails will be sent as written after ${E2E_SEND_DELAY_SECONDS} s`);
  await expect(confirm).toContainText("1 proposal is not approved here");
  await confirm.getByRole("button", { name: "Approve 2" }).click();
  const toast = page.getByTestId("undo-toast");
  await expect(toast).toContainText("2 emails sending in");
  await expect(page.getByRole("status").filter({ hasText: "2 decided, 1 skipped:" })).toContainText(`${name(forProposal)}: Not approved: it is a proposal`);
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(toast).toContainText("Undone: 2 drafts are back in the queue.");
  expect(await sendPathOf(proposalId)).toMatchObject({ status: "draft", jobs: 0, outbox: 0 });

  // Opened by id on a list it is not in: the draft says so, rather than the list saying "0 of 0".
  await page.goto(`/drafts?status=failed&id=${ids[0]}`);
  await expect(page.getByTestId("off-list-note")).toContainText("This draft is Waiting; it is not in the Not sent list.");
  await page.getByTestId("off-list-note").getByRole("button", { name: "Show Waiting for review" }).click();
  await expect(page.getByTestId("off-list-note")).toBeHidden();
  await expect(rows.locator(`[data-draft-id="${ids[0]}"]`)).toBeVisible();
  // Nothing can be selected among sent drafts: no select-all box to tick.
  await page.goto("/drafts?status=sent");
  await expect(page.getByTestId("draft-count")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Select all/ })).toHaveCount(0);
});

test("offline, a rep asking for a shorter version is told a model is needed, and the request is kept with the draft", async ({ page }) => {
  const contact = await draftableContact(USERS.rep, 17);
  await signIn(page, USERS.rep);
  const draftId = await draftFromContactPage(page, contact);
  await openDraft(page, draftId, contact);
  const detail = page.getByTestId("draft-detail");
  await detail.getByText("Ask for a new version").click();
  await detail.getByLabel("How should it change?").fill("shorter, mention the pilot");
  await detail.getByRole("button", { name: "Redraft" }).click();
  await expect(detail.getByRole("status").filter({ hasText: "needs a model" })).toBeVisible({ timeout: 30_000 });
  await expect(detail).toContainText("“shorter, mention the pilot”");
  const [row] = await queryE2eDb<{ status: string; revisions: number }>("SELECT status, revisions FROM drafts WHERE id = ?", [draftId]);
  expect(row).toEqual({ status: "draft", revisions: 1 });
});

test("an admin sees whose draft each one is and filters the queue by owner; an operator lands on Analytics", async ({ browser, page }) => {
  test.setTimeout(60_000);
  const theirs = await draftableContact(REP2, 2);
  const rep2 = await browser.newContext();
  const rep2Page = await rep2.newPage();
  await signIn(rep2Page, REP2);
  await draftFromContactPage(rep2Page, theirs);
  await rep2.close();

  await signIn(page, USERS.admin);
  await page.goto("/drafts?status=any");
  await expect(page.getByTestId("draft-owner").first()).toBeVisible();
  await page.getByLabel("Owner").selectOption({ label: "Sam Seller" });
  await expect(page).toHaveURL(/owner=usr_demo_rep2/);
  await expect.poll(async () => [...new Set(await page.getByTestId("draft-owner").allTextContents())]).toEqual(["Sam Seller"]);
  await expect(page.getByTestId("draft-rows")).toContainText(name(theirs));

  const operator = await browser.newContext();
  const operatorPage = await operator.newPage();
  await signIn(operatorPage, USERS.operator);
  await operatorPage.goto("/");
  await expect(operatorPage).toHaveURL(/\/analytics$/);
  await operator.close();
});
