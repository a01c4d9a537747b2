import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ownEnvironment } from "@/db/testing";
import type { SessionUser } from "@/lib/auth/session";

// This file owns its process's environment: a fresh seeded database and no model (offline). The
// signed-in user is injected where the actions read it; Next's revalidation has no page cache here.
const testEnv = ownEnvironment("proposal-actions");
let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { approveProposalAction, draftProposalAction, rejectProposalAction, saveProposalAction } = await import("./proposal-actions");

const rep = { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" } as const satisfies SessionUser;
const otherRep = { id: "usr_demo_rep2", name: "Sam Seller", email: "rep2@demo.local", role: "rep" } as const satisfies SessionUser;
const proposals = async () => (await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM drafts WHERE kind = 'proposal'`))[0]!.n;
let contactId = 0;

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 10, contacts: 60, emails: 0, anchor: new Date() });
  contactId = (await db().all<{ id: number }>(sql`SELECT id FROM contacts WHERE owner_id = ${rep.id} AND title IS NOT NULL ORDER BY id LIMIT 1`))[0]!.id;
}, 60_000);
beforeEach(() => {
  signedIn = null;
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("the proposal actions", () => {
  it("a visitor without a session is refused by every action, and nothing is written", async () => {
    const ended = { ok: false, error: "Your session has ended. Sign in again." };
    expect(await draftProposalAction({ contactId })).toEqual(ended);
    expect(await approveProposalAction({ draftId: 1 })).toEqual(ended);
    expect(await rejectProposalAction({ draftId: 1, reason: "no" })).toEqual(ended);
    expect(await saveProposalAction({ draftId: 1, edit: { title: "t", sections: { problem: [], approach: [], value: [], next_step: [] } } })).toEqual(ended);
    expect(await proposals()).toBe(0);
  });

  it("a rep's bad input names the field and writes nothing", async () => {
    signedIn = rep;
    expect(await draftProposalAction({ contactId: -1 })).toMatchObject({ ok: false, field: "contactId" });
    expect(await draftProposalAction({})).toMatchObject({ ok: false, field: "contactId", error: "Choose a contact or a company." });
    expect(await draftProposalAction({ contactId, companyId: 1 })).toMatchObject({ ok: false, field: "contactId" });
    expect(await saveProposalAction({ draftId: 1, edit: { title: " ", sections: { problem: [], approach: [], value: [], next_step: [] } } })).toMatchObject({ ok: false, field: "edit.title" });
    expect(await rejectProposalAction({ draftId: 1, reason: "" })).toMatchObject({ ok: false, field: "reason" });
    expect(await proposals()).toBe(0);
  });

  it("a rep drafts a proposal for their contact; another rep can neither draft for that contact nor decide it", async () => {
    signedIn = otherRep;
    expect(await draftProposalAction({ contactId })).toEqual({ ok: false, error: "You can only draft proposals for your own contacts." });
    signedIn = rep;
    const drafted = await draftProposalAction({ contactId });
    expect(drafted).toMatchObject({ ok: true, result: { status: "drafted", contactId, flaggedClaims: 0 } });
    const draftId = (drafted as { result: { draftId: number } }).result.draftId;
    signedIn = otherRep;
    expect(await approveProposalAction({ draftId })).toEqual({ ok: false, error: "That draft does not exist or is not yours." });
    expect(await rejectProposalAction({ draftId, reason: "no" })).toEqual({ ok: false, error: "That draft does not exist or is not yours." });
    signedIn = rep;
    expect(await approveProposalAction({ draftId })).toMatchObject({ ok: true, result: { status: "approved" } });
  });
});
