import { expect, test } from "@playwright/test";
import { draftableContact, queryE2eDb, signIn, USERS } from "./helpers";

test("a rep drafts a proposal from a contact page, reads a citation's fact, approves it without sending anything, and exports it", async ({ page }) => {
  test.setTimeout(90_000);
  const contact = await draftableContact(USERS.rep, 25);
  await signIn(page, USERS.rep);
  await page.goto(`/contacts/${contact.id}`);
  await page.getByRole("button", { name: "Draft proposal" }).click();
  const review = page.getByRole("link", { name: "Review it in Drafts" });
  await expect(review).toBeVisible({ timeout: 30_000 });
  await review.click();

  const detail = page.getByTestId("proposal-detail");
  await expect(detail).toBeVisible();
  for (const section of ["Problem", "Approach", "Value", "Next step"]) await expect(detail.getByRole("region", { name: section })).toBeVisible();
  await expect(detail.getByTestId("provenance")).toContainText("offline template");

  // A citation names its fact on hover: the tooltip's text is the company fact it cites.
  const citation = detail.getByRole("button", { name: /^F\d+$/ }).first();
  const factId = Number((await citation.textContent())!.slice(1));
  const [fact] = await queryE2eDb<{ fact: string }>("SELECT fact FROM company_facts WHERE id = ?", [factId]);
  await citation.hover();
  await expect(page.getByRole("tooltip").filter({ hasText: fact!.fact })).toBeVisible();

  const draftId = Number(new URL(page.url()).searchParams.get("id"));
  const outboxBefore = await queryE2eDb<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE draft_id = ?", [draftId]);
  await detail.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(detail.getByTestId("export-proposal")).toBeVisible({ timeout: 15_000 });
  expect((await queryE2eDb<{ status: string }>("SELECT status FROM drafts WHERE id = ?", [draftId]))[0]!.status).toBe("approved");
  expect(await queryE2eDb<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE draft_id = ?", [draftId])).toEqual(outboxBefore);

  const [download] = await Promise.all([page.waitForEvent("download"), detail.getByTestId("export-proposal").click()]);
  expect(download.suggestedFilename()).toMatch(/^proposal-for-.+-\d+\.md$/);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(text).toContain(`[F${factId}]`);
  expect(text).toContain(fact!.fact);
});

test("a rep's edit that invents a figure is flagged in the proposal view and approval waits until it is fixed", async ({ page }) => {
  test.setTimeout(90_000);
  const contact = await draftableContact(USERS.rep, 26);
  await signIn(page, USERS.rep);
  await page.goto(`/contacts/${contact.id}`);
  await page.getByRole("button", { name: "Draft proposal" }).click();
  await page.getByRole("link", { name: "Review it in Drafts" }).click({ timeout: 30_000 });
  const detail = page.getByTestId("proposal-detail");
  await detail.getByRole("button", { name: "Edit" }).click();
  const first = detail.getByLabel("Problem, claim 1");
  await first.fill(`${await first.inputValue()} It saved 9,999 hours.`);
  await detail.getByRole("button", { name: "Save and re-check" }).click();
  await expect(detail.getByTestId("flagged-claim")).toContainText("9,999");
  await expect(detail.getByRole("alert")).toContainText("1 claim failed the faithfulness check");
  await expect(detail.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
});
