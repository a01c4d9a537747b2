import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh seeded database in demo mode, no model (offline).
const testEnv = ownEnvironment("analytics-attribution", { DEMO_MODE: "true" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { closeReadOnly } = await import("@/db/read-only/pool");
const { seedDatabase } = await import("@/db/seed/seed");
const { demoSessionHeaders: sessionHeaders, TEST_HOST: HOST } = await import("@/lib/auth/testing");
const { attributeTouches } = await import("@/lib/analytics/attribution");
const { runDetailFor } = await import("@/lib/services/runs");
const { GET } = await import("./route");

const get = (query: string, headers: Headers) => GET(new Request(`http://${HOST}/api/analytics/attribution?${query}`, { headers }));

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 20, contacts: 200, emails: 1_500, anchor: new Date() });
}, 60_000);
afterAll(() => {
  closeReadOnly(testEnv.url);
  db().$client.close();
  testEnv.removeDir();
});

describe("GET /api/analytics/attribution", () => {
  it("gives an operator a campaign's attribution, labelled last touch offline, whose run the operator may open", async () => {
    const headers = await sessionHeaders("operator@demo.local");
    const response = await get("campaignId=1", headers);
    expect(response.status).toBe(200);
    const body = await response.json();
    const expected = await attributeTouches({ campaignId: 1 });
    expect(body).toMatchObject({ method: "last-touch", scope: { campaignId: 1 }, lastTouch: { total: expected.total, byStep: expected.byStep } });
    expect(body.note).toContain("no model configured");
    expect(typeof body.runId).toBe("string");
    const operator = { id: "usr_demo_operator", name: "Omar Operator", email: "operator@demo.local", role: "operator" as const };
    await expect(runDetailFor(operator, body.runId)).resolves.toMatchObject({ run: { assistantId: "touch_attribution" } });
  });

  it("names the field when the query is wrong, before running anything", async () => {
    const headers = await sessionHeaders("operator@demo.local");
    for (const query of ["campaignId=abc", "", "campaignId=1&contactId=2", "campaignId=-3"]) {
      const response = await get(query, headers);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error).toMatchObject({ field: "campaignId" });
    }
  });

  it("is for operators and admins only", async () => {
    expect((await get("campaignId=1", await sessionHeaders("rep@demo.local"))).status).toBe(403);
    expect((await get("campaignId=1", new Headers({ host: HOST }))).status).toBe(401);
  });
});
