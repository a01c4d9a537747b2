import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database.
const testEnv = ownEnvironment("services-tasks");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { tasks } = await import("@/db/schema");
const { eq } = await import("drizzle-orm");
const { completeTask, createTask, openTasksFor } = await import("./tasks");
const { account, people, seedPeople } = await import("./testing/plan-fixtures");

const { operator, rep, rep2 } = people;

beforeAll(async () => {
  await applyMigrations(db());
  await seedPeople(db());
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("marking a task done", () => {
  it("the contact's owner marks a follow-up done: it leaves the open tasks; a second click is told it is already done", async () => {
    const { companyId, contactIds } = await account(db(), { hqCity: "Austin, TX", country: "US", contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const contactId = contactIds[0]!;
    const id = await createTask(operator, { kind: "follow_up", contactId, companyId, title: "Call after the board meeting", dueInDays: 3 });
    expect((await openTasksFor(rep, contactId)).map((t) => t.id)).toEqual([id]);
    expect(await completeTask(rep, id)).toEqual({ contactId });
    expect(await openTasksFor(rep, contactId)).toEqual([]);
    const [row] = await db().select({ status: tasks.status }).from(tasks).where(eq(tasks.id, id));
    expect(row!.status).toBe("done");
    await expect(completeTask(rep, id)).rejects.toThrow("This task is already done.");
  });

  it("another rep is told the task does not exist and it stays open; an operator may close anyone's flag", async () => {
    const { companyId, contactIds } = await account(db(), { hqCity: "Berlin", country: "DE", contacts: [{ seniority: "manager", ownerId: rep.id }] });
    const contactId = contactIds[0]!;
    const id = await createTask(rep, { kind: "flag", contactId, companyId, title: "Asked not to be called", dueInDays: null });
    await expect(completeTask(rep2, id)).rejects.toThrow("That task does not exist or is not yours.");
    expect((await openTasksFor(rep, contactId)).map((t) => t.id)).toEqual([id]);
    await expect(completeTask(rep2, 987_654)).rejects.toThrow("That task does not exist or is not yours.");
    expect(await completeTask(operator, id)).toEqual({ contactId });
    expect(await openTasksFor(rep, contactId)).toEqual([]);
  });

  it("a task made by a plan step is made once: the step run again finds it", async () => {
    const { companyId, contactIds } = await account(db(), { hqCity: "Austin, TX", country: "US", contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const input = { kind: "follow_up" as const, contactId: contactIds[0]!, companyId, title: "Follow up", dueInDays: 2, planStepId: 4242 };
    const first = await createTask(operator, input);
    expect(await createTask(operator, input)).toBe(first);
    expect(await db().select().from(tasks).where(eq(tasks.planStepId, 4242))).toHaveLength(1);
  });
});
