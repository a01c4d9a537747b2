import { expect, test } from "@playwright/test";
import { draftableContact, queryE2eDb, signIn, USERS, writeE2eDb } from "./helpers";
import { readReceivedMail } from "./smtp-sink";

test("a rep handles a price objection from an inbound reply, reads the coach's reasoning, approves the rebuttal, and it goes out by SMTP as a reply", async ({ page }) => {
  test.setTimeout(90_000);
  const contact = await draftableContact(USERS.rep, 24);
  const nonce = Date.now().toString(36);
  const subject = `Re: Pilot for your team ${nonce}`;
  const messageId = `<objection-${nonce}@prospect.example>`;
  // The contact's reply, as inbound mail would have stored it.
  await writeE2eDb(
    "INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at) VALUES (?, 'inbound', ?, ?, ?, ?, ?)",
    [contact.id, `t-objection-${nonce}`, messageId, subject, "Thanks, but honestly this looks too expensive for a team our size.", Date.now()],
  );

  await signIn(page, USERS.rep);
  await page.goto(`/contacts/${contact.id}`);
  const reply = page.getByTestId("timeline").getByRole("listitem").filter({ hasText: subject });
  await reply.getByRole("button", { name: "Handle objection" }).click();
  const status = reply.getByRole("status");
  await expect(status).toContainText("Price objection", { timeout: 30_000 });
  await expect(status).toContainText("Nothing is sent until you approve it.");

  await status.getByRole("link", { name: "review the draft" }).click();
  await expect(page).toHaveURL(/\/drafts\?id=\d+/);
  const draftId = Number(new URL(page.url()).searchParams.get("id"));
  const detail = page.getByTestId("draft-detail");
  const coaching = detail.getByTestId("coaching");
  await expect(coaching).toContainText("Price");
  await expect(coaching).toContainText("Keyword rules (rule-based fallback), not a model");
  await expect(coaching).toContainText(/version 0 \(shipped default\)/);
  await expect(coaching).toContainText("Every sentence rests on the playbook");
  expect((await queryE2eDb<{ action: string; status: string }>("SELECT action, status FROM drafts WHERE id = ?", [draftId]))[0]).toEqual({ action: "reply", status: "draft" });
  expect(readReceivedMail().filter((m) => m.envelope.to.includes(contact.email))).toEqual([]);

  await detail.getByRole("button", { name: "Approve", exact: true }).click();
  await expect.poll(() => readReceivedMail().filter((m) => m.subject === subject).length, { timeout: 30_000 }).toBe(1);
  const [mail] = readReceivedMail().filter((m) => m.subject === subject);
  expect(mail!.envelope.to).toEqual([contact.email]);
  expect(mail!.text).toContain("Best regards");
  const [outbox] = await queryE2eDb<{ in_reply_to: string; status: string }>("SELECT in_reply_to, status FROM outbox WHERE draft_id = ?", [draftId]);
  expect(outbox).toEqual({ in_reply_to: messageId, status: "sent" });
});
