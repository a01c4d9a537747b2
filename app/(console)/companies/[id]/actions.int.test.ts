import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ownEnvironment } from "@/db/testing";
import type { SessionUser } from "@/lib/auth/session";

// This file owns its process's environment: a fresh database and no model (offline). The
// signed-in user is injected where the action reads it; Next's revalidation has no page cache here.
const testEnv = ownEnvironment("companies-actions");
let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { auditLog, companies, users } = await import("@/db/schema");
const { eq } = await import("drizzle-orm");
const { classifyCountryAction } = await import("./actions");

const people = {
  rep: { id: "a-rep", name: "Rita", email: "rita@x", role: "rep" },
  operator: { id: "a-op", name: "Otto", email: "otto@x", role: "operator" },
} as const satisfies Record<string, SessionUser>;
let companyId = 0;
const state = async () => ({
  country: (await db().select({ country: companies.country }).from(companies).where(eq(companies.id, companyId)))[0]!.country,
  audits: (await db().select().from(auditLog)).length,
});

beforeAll(async () => {
  await applyMigrations(db());
  await db().insert(users).values(Object.values(people).map((u) => ({ ...u, emailVerified: true })));
  companyId = (await db().insert(companies).values({ name: "Pinelogic", domain: "pinelogic.example", vertical: "retail", size: "51-200", hqCity: "Austin, TX" }).returning({ id: companies.id }))[0]!.id;
});
beforeEach(() => {
  signedIn = null;
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("the classify-country action", () => {
  it("a visitor without a session and a rep are refused, and nothing is written", async () => {
    expect(await classifyCountryAction({ companyId })).toEqual({ ok: false, error: "Your session has ended. Sign in again." });
    signedIn = people.rep;
    expect(await classifyCountryAction({ companyId })).toEqual({ ok: false, error: "You do not have access to this." });
    expect(await state()).toEqual({ country: null, audits: 0 });
  });

  it("an operator's bad input names the field and writes nothing", async () => {
    signedIn = people.operator;
    expect(await classifyCountryAction({ companyId: -3 })).toMatchObject({ ok: false, field: "companyId", error: "Say which company to classify." });
    expect(await classifyCountryAction({ companyId, extra: 1 } as never)).toMatchObject({ ok: false });
    expect(await state()).toEqual({ country: null, audits: 0 });
  });

  it("an operator's classification stores the country and answers what was decided", async () => {
    signedIn = people.operator;
    expect(await classifyCountryAction({ companyId })).toMatchObject({ ok: true, country: "US", source: "rule_based_fallback", updated: true });
    expect(await state()).toEqual({ country: "US", audits: 1 });
  });
});
