import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database and no model (offline).
const testEnv = ownEnvironment("services-geo");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { auditLog, companies, users } = await import("@/db/schema");
const { eq } = await import("drizzle-orm");
const { classifyCompanyCountry, companyCountryDecision } = await import("./geo");
const { RULES_VERSION } = await import("@/graphs/country-classify/rules");

const admin = { id: "u-admin", name: "Ada", email: "ada@x", role: "admin" as const };
const operator = { id: "u-op", name: "Otto", email: "otto@x", role: "operator" as const };
const rep = { id: "u-rep", name: "Rita", email: "rita@x", role: "rep" as const };

async function company(hqCity: string | null, country: string | null) {
  const [row] = await db().insert(companies).values({ name: `Co ${Math.random()}`, domain: `${Math.random()}.example`, vertical: "saas", size: "51-200", hqCity, country }).returning({ id: companies.id });
  return row!.id;
}
const stored = async (id: number) => (await db().select({ country: companies.country }).from(companies).where(eq(companies.id, id)))[0]!.country;
const audits = (id: number) => db().select().from(auditLog).where(eq(auditLog.targetId, String(id)));

beforeAll(async () => {
  await applyMigrations(db());
  await db().insert(users).values([admin, operator, rep].map((u) => ({ ...u, emailVerified: true })));
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("classifying a company's country", () => {
  it("an operator's classification stores the country and an audit entry with the full provenance and rules version", async () => {
    const id = await company("Karlsruhe, Baden-Württemberg", null);
    const result = await classifyCompanyCountry(operator, id);
    expect(result).toMatchObject({ country: "DE", confidence: 0.95, source: "rule_based_fallback", promptVersion: RULES_VERSION, previous: null, updated: true });
    expect(result.runId).toBeTruthy();
    expect(await stored(id)).toBe("DE");
    const [entry] = await audits(id);
    expect(entry).toMatchObject({ actorId: operator.id, action: "company.country_classified", targetType: "company" });
    expect(entry!.detail).toMatchObject({
      hq: "Karlsruhe, Baden-Württemberg",
      country: "DE",
      model: null,
      runId: result.runId,
      provenance: { confidence: 0.95, source: "rule_based_fallback", evidence: expect.arrayContaining(['hq: "Karlsruhe, Baden-Württemberg"']), path: { fallback: "offline_resolver", why: "offline" } },
    });
    expect(await companyCountryDecision(operator, id)).toMatchObject({ country: "DE", source: "rule_based_fallback", promptVersion: RULES_VERSION });
  });

  it("an admin may classify too, and a null answer leaves the stored country as it was", async () => {
    const id = await company("Remote (global)", "US");
    const result = await classifyCompanyCountry(admin, id);
    expect(result).toMatchObject({ country: null, previous: "US", updated: false });
    expect(await stored(id)).toBe("US");
    expect(await audits(id)).toHaveLength(1);
  });

  it("a rep cannot classify a company's country, and nothing is written", async () => {
    const id = await company("Austin, TX", null);
    await expect(classifyCompanyCountry(rep, id)).rejects.toMatchObject({ code: "forbidden:companies" });
    expect(await stored(id)).toBeNull();
    expect(await audits(id)).toEqual([]);
  });

  it("a company that does not exist is not found, and one without an HQ city is refused with a reason; nothing is written", async () => {
    await expect(classifyCompanyCountry(operator, 999_999)).rejects.toMatchObject({ code: "not_found:companies" });
    const id = await company("  ", "FR");
    await expect(classifyCompanyCountry(operator, id)).rejects.toMatchObject({ code: "unprocessable:companies", message: "This company has no HQ city to classify." });
    expect(await stored(id)).toBe("FR");
    expect(await audits(id)).toEqual([]);
  });
});
