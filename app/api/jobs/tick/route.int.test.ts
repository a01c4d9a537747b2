import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { OPEN_GOVERNOR_ENV } from "@/lib/mail/testing/governance";

// This file owns its process's environment: a fresh database, the local outbox, a tick token, and
// no runner of its own: jobs run only when the endpoint is called, as on a cron-only host.
const TOKEN = "jobs-tick-token-0123456789abcdef";
// The send governor always open: this is about the endpoint, at any hour.
const testEnv = ownEnvironment("jobs-tick", { JOBS_TICK_TOKEN: TOKEN, DEMO_MODE: "false", ...OPEN_GOVERNOR_ENV });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { queueApprovedMail } = await import("@/lib/jobs/testing");
const { authorizeTick } = await import("@/lib/services/jobs");
const { POST } = await import("./route");

const tick = (authorization?: string) =>
  POST(new Request("http://localhost:3000/api/jobs/tick", { method: "POST", headers: authorization ? { authorization } : {} }));
const sentCount = async () => (await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE status = 'sent'`))[0]!.n;

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 5, contacts: 30, emails: 20, anchor: new Date() });
}, 60_000);
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("POST /api/jobs/tick", () => {
  it("a cron caller without the token, or with a wrong one, gets 401 and runs nothing", async () => {
    await queueApprovedMail(db(), 3);
    for (const header of [undefined, "Bearer not-the-token-0123456789abcdef", `Basic ${TOKEN}`]) {
      const response = await tick(header);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized:api" } });
    }
    expect(await sentCount()).toBe(0);
  });

  it("a cron caller with the token runs one round of due jobs and is told what ran", async () => {
    const response = await tick(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    // Three deliveries, then the memory_reflect and contact_score jobs each send queued (three contacts).
    expect(await response.json()).toEqual({ claimed: 9, done: 9, retrying: 0, dead: 0, lost: 0, deferred: 0 });
    expect(await sentCount()).toBe(3);
    expect(await (await tick(`Bearer ${TOKEN}`)).json()).toMatchObject({ claimed: 0 });
  });

  it("with no token configured the endpoint is off (503), never open", () => {
    expect(() => authorizeTick(`Bearer ${TOKEN}`, { token: undefined })).toThrow(expect.objectContaining({ status: 503 }));
  });
});
