import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

const testEnv = ownEnvironment("playbooks");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { users } = await import("@/db/schema");
const { DEFAULT_PLAYBOOKS } = await import("@/lib/objections/defaults");
const { currentPlaybook, playbookAt } = await import("@/lib/objections/store");
const { playbookEditor, PlaybookSave, savePlaybook } = await import("./playbooks");

const admin = { id: "u-admin", name: "Ada Admin", email: "ada@x", role: "admin" as const };
const rep = { id: "u-rep", name: "Rex", email: "rex@x", role: "rep" as const };
const retail = DEFAULT_PLAYBOOKS.retail;
const withTiming = (response: string) => retail.map((e) => (e.objection === "timing" ? { ...e, response } : e));
const save = (basedOn: number, entries = retail, note?: string) => savePlaybook(admin, PlaybookSave.parse({ vertical: "retail", entries, basedOn, note }));
const count = async (table: string) => (await db().all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n;

beforeAll(async () => {
  await applyMigrations(db());
  await db().insert(users).values([admin, rep].map((u) => ({ ...u, emailVerified: true })));
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("a vertical's playbook, versioned", () => {
  it("before any edit, the shipped default is in force as version 0", async () => {
    expect(await currentPlaybook(db(), "retail")).toMatchObject({ version: 0, entries: retail });
  });

  it("an admin's edit becomes version 1 and the next version 2; each earlier version is kept and each save is audited", async () => {
    const first = "Peak trading is the wrong moment for anything new, so we start the pilot the week after your peak ends.";
    expect(await save(0, withTiming(first), "Peak wording from the field team")).toEqual({ vertical: "retail", version: 1, changed: ["timing"] });
    const second = "Understood. Setup takes about two weeks; tell me the month after peak that suits you and I will follow up then.";
    expect(await save(1, withTiming(second))).toEqual({ vertical: "retail", version: 2, changed: ["timing"] });

    expect((await currentPlaybook(db(), "retail")).entries.find((e) => e.objection === "timing")!.response).toBe(second);
    expect((await playbookAt(db(), "retail", 1))!.entries.find((e) => e.objection === "timing")!.response).toBe(first);
    expect((await playbookAt(db(), "retail", 0))!.entries).toEqual(retail);
    expect(await playbookAt(db(), "retail", 7)).toBeNull();

    const audit = await db().all<{ actor_id: string; target_id: string; detail: string }>(sql`SELECT actor_id, target_id, detail FROM audit_log WHERE action = 'playbook.edited' ORDER BY id`);
    expect(audit.map((a) => [a.actor_id, a.target_id, JSON.parse(a.detail)])).toEqual([
      ["u-admin", "retail", { vertical: "retail", version: 1, from: 0, changed: ["timing"], note: "Peak wording from the field team" }],
      ["u-admin", "retail", { vertical: "retail", version: 2, from: 1, changed: ["timing"], note: null }],
    ]);
    const { describeAuditEntry } = await import("./audit");
    expect(describeAuditEntry({ action: "playbook.edited", targetType: "playbook", targetId: "retail", detail: JSON.parse(audit[1]!.detail) })).toEqual({ label: "Objection playbook", target: "retail", before: "Version 1", after: "Version 2 (changed: timing)" });
    const editor = await playbookEditor(admin, "retail");
    expect(editor.versions.map((v) => [v.version, v.editorName, v.changed])).toEqual([[2, "Ada Admin", ["timing"]], [1, "Ada Admin", ["timing"]], [0, null, []]]);
    // Another vertical is untouched.
    expect((await currentPlaybook(db(), "saas")).version).toBe(0);
  });

  it("an admin editing a version that is no longer the newest is refused, and nothing is written", async () => {
    const [rows, audits] = [await count("objection_playbooks"), await count("audit_log")];
    await expect(save(1, withTiming("A stale edit that would overwrite version two without anyone knowing it."))).rejects.toMatchObject({ code: "conflict:admin" });
    await expect(save(2, (await currentPlaybook(db(), "retail")).entries)).rejects.toMatchObject({ code: "bad_request:admin", message: expect.stringMatching(/^Nothing changed/) });
    expect([await count("objection_playbooks"), await count("audit_log")]).toEqual([rows, audits]);
  });

  it("a rep can neither read the editor nor save a playbook", async () => {
    await expect(playbookEditor(rep, "retail")).rejects.toMatchObject({ code: "forbidden:admin" });
    await expect(savePlaybook(rep, PlaybookSave.parse({ vertical: "retail", entries: retail, basedOn: 2 }))).rejects.toMatchObject({ code: "forbidden:admin" });
  });
});
