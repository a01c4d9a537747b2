import { Client } from "@langchain/langgraph-sdk";
import { expect, test } from "@playwright/test";
import { draftableContact, queryE2eDb, signIn, USERS, writeE2eDb } from "./helpers";
import { baseUrlOf, E2E_RUNTIME_SECRET, OFFLINE_SERVER } from "./servers";
import { readReceivedMail } from "./smtp-sink";

const REP2 = "rep2@demo.local";

/** Received by the loopback SMTP server for this address, after a moment for any duplicate to arrive. */
async function receivedOnceBy(email: string) {
  await expect.poll(() => readReceivedMail().filter((m) => m.envelope.to.includes(email)).length, { timeout: 15_000 }).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return readReceivedMail().filter((m) => m.envelope.to.includes(email));
}

test("an admin sees a dead delivery job with its error, retries it, and the email then goes out once by SMTP", async ({ page }) => {
  const contact = await draftableContact(REP2, 13);
  const stamp = Date.now().toString(36);
  // A message whose delivery ran out of attempts while the mail server refused it (as lib/mail leaves it).
  await writeE2eDb(
    `INSERT INTO drafts (contact_id, status, subject, body, provenance, prompt_version, model, graph_id, action)
     VALUES (?, 'approved', ?, 'Hello again', '{}', 'e2e', 'offline template', 'email_orchestrator', 'initial')`,
    [contact.id, `Retried by an admin ${stamp}`],
  );
  const [draft] = await queryE2eDb<{ id: number }>("SELECT id FROM drafts WHERE subject = ?", [`Retried by an admin ${stamp}`]);
  await writeE2eDb(
    `INSERT INTO outbox (draft_id, idempotency_key, contact_id, to_email, subject, body, message_id, conversation_id, last_error)
     VALUES (?, ?, ?, ?, ?, 'Hello again', ?, ?, 'Not sent after 5 attempts: 451 4.7.1 Greylisted')`,
    [draft!.id, `draft:${draft!.id}`, contact.id, contact.email, `Retried by an admin ${stamp}`, `<e2e-retry-${stamp}@test.local>`, `draft-${draft!.id}`],
  );
  const [outbox] = await queryE2eDb<{ id: number }>("SELECT id FROM outbox WHERE draft_id = ?", [draft!.id]);
  await writeE2eDb(
    `INSERT INTO jobs (kind, payload, status, run_at, attempts, max_attempts, last_error, dedupe_key, finished_at)
     VALUES ('outbox_deliver', json_object('outboxId', ?), 'dead', ?, 5, 5, 'The mail server did not take the message: 451 4.7.1 Greylisted, try again later', ?, ?)`,
    [outbox!.id, Date.now(), `outbox:${outbox!.id}`, Date.now()],
  );
  const [job] = await queryE2eDb<{ id: number }>("SELECT id FROM jobs WHERE dedupe_key = ?", [`outbox:${outbox!.id}`]);

  await signIn(page, USERS.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Background jobs" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Background jobs");
  await page.getByLabel("Status").selectOption("dead");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=dead/);
  const row = page.getByTestId("job-rows").locator(`[data-job-id="${job!.id}"]`);
  await expect(row).toContainText("outbox_deliver");
  await expect(row).toContainText("451 4.7.1 Greylisted");
  await expect(row).toContainText("5 / 5");

  await row.getByRole("button", { name: `Retry job ${job!.id}` }).click();
  const received = await receivedOnceBy(contact.email);
  expect(received[0]!.subject).toBe(`Retried by an admin ${stamp}`);
  expect(received[0]!.messageId).toBe(`<e2e-retry-${stamp}@test.local>`);
  await expect.poll(async () => (await queryE2eDb<{ status: string }>("SELECT status FROM outbox WHERE id = ?", [outbox!.id]))[0]!.status).toBe("sent");
  await page.reload();
  await expect(page.getByTestId("job-rows").locator(`[data-job-id="${job!.id}"]`)).toHaveCount(0);
});

test("a draft approved through the official SDK, with no console action, is delivered to the SMTP server once", async () => {
  test.setTimeout(60_000);
  const contact = await draftableContact(REP2, 12);
  const client = new Client({
    apiUrl: `${baseUrlOf(OFFLINE_SERVER)}/api/langgraph`,
    apiKey: null,
    defaultHeaders: { Authorization: `Bearer ${E2E_RUNTIME_SECRET}` },
    callerOptions: { maxRetries: 0 },
  });
  const thread = await client.threads.create({ metadata: { source: "e2e-agent-inbox" } });
  const paused = (await client.runs.wait(thread.thread_id, "email_orchestrator", { input: { contactId: contact.id } })) as { outcome?: { status: string; draftId: number } };
  expect(paused.outcome).toMatchObject({ status: "drafted" });
  expect((await client.threads.get(thread.thread_id)).status).toBe("interrupted");

  // What Agent Inbox sends for "Accept".
  await client.runs.wait(thread.thread_id, "email_orchestrator", { command: { resume: [{ type: "accept", args: null }] } });

  const received = await receivedOnceBy(contact.email);
  const [draft] = await queryE2eDb<{ status: string; subject: string }>("SELECT status, subject FROM drafts WHERE id = ?", [paused.outcome!.draftId]);
  expect(draft).toMatchObject({ status: "sent" });
  expect(received[0]!.subject).toBe(draft!.subject);
});

test("a rep opening the jobs page gets the 403 page", async ({ page }) => {
  await signIn(page, USERS.rep);
  expect((await page.goto("/admin/jobs"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});
