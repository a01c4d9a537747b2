import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ownEnvironment } from "@/db/testing";
import type { SessionUser } from "@/lib/auth/session";

// This file owns its process's environment: a fresh database and no model (offline). The
// signed-in user is injected where the action reads it; Next's revalidation has no page cache here.
const testEnv = ownEnvironment("campaigns-actions");
let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { createAndLaunchAction, forecastAction, previewAudienceAction } = await import("./actions");

const operator: SessionUser = { id: "u-op", name: "Otto", email: "otto@x", role: "operator" };
const campaigns = async () => (await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM email_campaigns`))[0]!.n;
const plan = { angle: "Faster month-end close", tone: "consultative", maxTouches: 2, cadenceDays: [0, 3], touchAngles: ["", ""], stopCriteria: "" };
let audience: { contactIds: number[] } = { contactIds: [] };

beforeAll(async () => {
  await applyMigrations(db());
  await db().run(sql`INSERT INTO users (id, name, email, email_verified, role) VALUES (${operator.id}, ${operator.name}, ${operator.email}, 1, 'operator')`);
  await seedDatabase(db(), { companies: 6, contacts: 30, emails: 0, anchor: new Date() });
  const ids = (await db().all<{ id: number }>(sql`SELECT id FROM contacts WHERE do_not_contact = 0 AND bounced = 0 AND unsubscribed = 0 AND replied = 0 ORDER BY id LIMIT 8`)).map((r) => r.id);
  // Three of the eight may not be contacted: the guards leave them out of the launch.
  await db().run(sql`UPDATE contacts SET do_not_contact = 1 WHERE id IN (${sql.join(ids.slice(0, 3).map((i) => sql`${i}`), sql`, `)})`);
  audience = { contactIds: ids };
}, 60_000);
beforeEach(() => {
  signedIn = operator;
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("the campaign create flow's actions", () => {
  it("an operator's forecast simulates only the contacts the launch will enroll, as many as the preview says", async () => {
    const preview = await previewAudienceAction({ audience });
    expect(preview).toMatchObject({ ok: true, preview: { count: 8 } });
    const eligible = preview.ok ? preview.preview.eligible : -1;
    expect(eligible).toBe(5);
    const forecast = await forecastAction({ audience, cadenceDays: [0, 3], maxTouches: 2 });
    if (!forecast.ok) throw new Error(forecast.error);
    expect(forecast.forecast.contacts).toBe(eligible);
    expect(forecast.forecast.touches[0]!.sends).toBe(eligible);
    expect(forecast.forecast.sentence).toMatch(new RegExp(`^${eligible} contacts?:`));
  });

  it("an operator who launches with an empty name is told to name the campaign at the name field, in words, and nothing is written", async () => {
    const before = await campaigns();
    for (const name of ["", "   "]) {
      const result = await createAndLaunchAction({ audience, campaign: { name, plan } });
      expect(result).toEqual({ ok: false, error: "Name the campaign.", field: "campaign.name" });
    }
    expect(await campaigns()).toBe(before);
  });

  it("an operator whose cooldown is out of range reads one sentence, when counting and when launching", async () => {
    for (const cooldownDays of [-1, 366, 2.5]) {
      expect(await previewAudienceAction({ audience, cooldownDays })).toEqual({ ok: false, error: "Cooldown must be between 0 and 365 days.", field: "cooldownDays" });
      expect(await forecastAction({ audience, cooldownDays, cadenceDays: [0], maxTouches: 1 })).toEqual({ ok: false, error: "Cooldown must be between 0 and 365 days.", field: "cooldownDays" });
      expect(await createAndLaunchAction({ audience, campaign: { name: "Cooldown check", cooldownDays, plan } })).toEqual({ ok: false, error: "Cooldown must be between 0 and 365 days.", field: "campaign.cooldownDays" });
    }
    expect(await forecastAction({ audience, cadenceDays: [0, 3], maxTouches: 9 })).toMatchObject({ ok: false, error: "A campaign has 1 to 6 touches.", field: "maxTouches" });
    expect(await forecastAction({ audience, cadenceDays: [0, 61], maxTouches: 2 })).toMatchObject({ ok: false, error: "Each gap between touches is 0 to 60 whole days.", field: "cadenceDays.1" });
  });

  it("an operator's named campaign launches to the eligible contacts only", async () => {
    const result = await createAndLaunchAction({ audience, campaign: { name: "  Month-end close  ", plan } });
    if (!result.ok) throw new Error(result.error);
    expect(result.enrolled).toBe(5);
    const [row] = await db().all<{ name: string }>(sql`SELECT name FROM email_campaigns WHERE id = ${result.campaignId}`);
    expect(row!.name).toBe("Month-end close");
  });
});
