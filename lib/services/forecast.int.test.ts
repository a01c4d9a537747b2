import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database.
const testEnv = ownEnvironment("services-forecast", { SENDER_TIMEZONE: "UTC" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { companies, contacts, drafts, outbox, users } = await import("@/db/schema");
const { createTestClock } = await import("@/lib/clock");
const { resolveGovernorRules } = await import("@/lib/governor/rules");
const { forecastForContacts, forecastLaunch } = await import("./forecast");

const operator = { id: "u-op", name: "Otto", email: "otto@x", role: "operator" as const };
const rep = { id: "u-rep", name: "Rita", email: "Rita@Sales.Example", role: "rep" as const };
// Monday 7 Dec 2026, 08:00 UTC: 17:00 in Tokyo (closing), 03:00 in New York (before hours).
const LAUNCH = "2026-12-07T08:00:00Z";
const rules = resolveGovernorRules({ mailboxDailyCap: 1, minGapSeconds: 120 });
const mailboxes = { from: "Sales <sales@console.example>", zone: "UTC" };
let tokyo = 0;
let newYork = 0;

async function contactAt(country: string, city: string, n: number) {
  const [co] = await db().insert(companies).values({ name: `${city} Co`, domain: `${city.toLowerCase().replace(/ /g, "")}.example`, vertical: "saas", size: "51-200", country, hqCity: city }).returning({ id: companies.id });
  const [c] = await db().insert(contacts).values({ companyId: co!.id, firstName: "A", lastName: `${n}`, email: `a${n}@${city.toLowerCase().replace(/ /g, "")}.example`, ownerId: rep.id }).returning({ id: contacts.id });
  return c!.id;
}

beforeAll(async () => {
  await applyMigrations(db());
  await db().insert(users).values([operator, rep].map((u) => ({ ...u, emailVerified: true })));
  tokyo = await contactAt("JP", "Tokyo", 1);
  newYork = await contactAt("US", "New York", 2);
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("the launch forecast", () => {
  it("an operator's forecast places each contact in its company's HQ zone and tells when touch 1 and the last touch finish", async () => {
    const result = await forecastForContacts(db(), [tokyo, newYork, 999_999], { cadenceDays: [0, 3], touches: 2 }, { rules: resolveGovernorRules({ minGapSeconds: 120 }), mailboxes, clock: createTestClock(LAUNCH) });
    expect(result).toMatchObject({ contacts: 2, missing: 1, totalSends: 4, displayZone: "UTC" });
    // New York opens at 09:00 EST (14:00 UTC) on Monday; Tokyo has closed, so Tuesday 09:00 JST.
    expect(result.touches[0]).toMatchObject({ touch: 1, sends: 2, first: new Date("2026-12-07T14:00:00Z"), last: new Date("2026-12-08T00:00:00Z") });
    expect(result.touches[1]!.last).toEqual(new Date("2026-12-11T00:00:00Z"));
    expect(result.sentence).toBe("2 contacts: touch 1 finishes on Tuesday 8 Dec, the last touch on Friday 11 Dec.");
  });

  it("a mailbox that already used today's cap pushes the forecast's first sends to its next day", async () => {
    const [d] = await db().insert(drafts).values({ contactId: newYork, subject: "s", body: "b", provenance: { confidence: 1, reason: "", source: "t", evidence: [] }, promptVersion: "t", model: "t", graphId: "t" }).returning({ id: drafts.id });
    await db().insert(outbox).values({ draftId: d!.id, idempotencyKey: `draft:${d!.id}`, contactId: newYork, toEmail: "x@y.example", subject: "s", body: "b", messageId: "<prior@x>", conversationId: "c", status: "sent", mailboxId: "rita@sales.example", recipientDomain: "y.example", claimedAt: new Date("2026-12-07T07:00:00Z") });
    const result = await forecastForContacts(db(), [tokyo, newYork], { cadenceDays: [0], touches: 1 }, { rules, mailboxes, clock: createTestClock(LAUNCH) });
    // Cap 1 a UTC day: Monday is used up; Tuesday's slot goes to Tokyo at 00:00 UTC, New York waits for Wednesday.
    expect(result.touches[0]).toMatchObject({ sends: 2, first: new Date("2026-12-08T00:00:00Z"), last: new Date("2026-12-09T14:00:00Z") });
  });

  it("a rep may not forecast a campaign, and a bad cadence is refused naming the field", async () => {
    await expect(forecastLaunch(rep, { contactIds: [tokyo] })).rejects.toMatchObject({ code: "forbidden:campaigns" });
    await expect(forecastLaunch(operator, { contactIds: [tokyo], plan: { cadenceDays: [0, 90] } })).rejects.toMatchObject({ code: "bad_request:campaigns", message: expect.stringContaining("plan.cadenceDays.1") });
    await expect(forecastLaunch(operator, { contactIds: "all" })).rejects.toMatchObject({ code: "bad_request:campaigns", message: expect.stringContaining("contactIds") });
  });
});
