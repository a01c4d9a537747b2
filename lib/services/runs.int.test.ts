import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

const testEnv = ownEnvironment("runs");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { contacts, drafts, llmCalls, runs } = await import("@/db/schema");
const { seedDatabase } = await import("@/db/seed/seed");
const { eq } = await import("drizzle-orm");
const { backLinkOf, listRunsFor, parseRunListQuery, RUN_LIST_GRAPHS, runDetailFor } = await import("./runs");

const admin = { id: "a", name: "Ada", email: "a@x", role: "admin" as const };
const rep = { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };
const otherRep = { id: "usr_demo_rep2", name: "Sam Seller", email: "rep2@demo.local", role: "rep" as const };
const now = Date.now();
const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 2, contacts: 4, emails: 0, anchor: new Date() });
  await db().insert(runs).values([
    { id: "r1", assistantId: "email_orchestrator", threadId: null, status: "success", startedAt: at(10), endedAt: new Date(at(10).getTime() + 500) },
    { id: "r2", assistantId: "email_orchestrator", threadId: null, status: "error", startedAt: at(20), endedAt: new Date(at(20).getTime() + 3_000), error: "boom" },
    { id: "r3", assistantId: "text_to_sql", threadId: null, status: "timeout", startedAt: at(3 * 24 * 60), endedAt: new Date(at(3 * 24 * 60).getTime() + 60_000) },
    { id: "r4", assistantId: "text_to_sql", threadId: null, status: "success", startedAt: at(5), endedAt: new Date(at(5).getTime() + 2_500) },
  ]);
  await db().insert(llmCalls).values([
    { runId: "r1", graph: "email_orchestrator", node: "plan_tasks", model: "m", promptVersion: "v1", tokensIn: 10, tokensOut: 2, costUsd: 0.001 },
    { runId: "r1", graph: "email_orchestrator", node: "draft_email", model: "m", promptVersion: "v2", tokensIn: 100, tokensOut: 50, cacheHit: true },
  ]);
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

const ids = async (params: Record<string, string>) => (await listRunsFor(admin, parseRunListQuery(params))).map((r) => r.id);

describe("the admin's runs list", () => {
  it("lists every run newest first", async () => {
    expect(await ids({})).toEqual(["r4", "r1", "r2", "r3"]);
  });

  it("filters by graph, status, slow, errored and date", async () => {
    expect(await ids({ graph: "text_to_sql" })).toEqual(["r4", "r3"]);
    expect(await ids({ status: "error" })).toEqual(["r2"]);
    expect(await ids({ slow: "1" })).toEqual(["r4", "r2", "r3"]);
    expect(await ids({ errored: "1" })).toEqual(["r2", "r3"]);
    expect(await ids({ days: "1" })).toEqual(["r4", "r1", "r2"]);
    expect(await ids({ errored: "1", days: "1" })).toEqual(["r2"]);
  });

  it("names a bad filter and is for admins only", async () => {
    expect(() => parseRunListQuery({ status: "exploded" })).toThrow(/status/i);
    await expect(listRunsFor({ ...admin, role: "operator" }, {})).rejects.toMatchObject({ status: 403 });
  });

  it("a run's page lists its model calls in order with their prompt versions and cache hits", async () => {
    const detail = await runDetailFor(admin, "r1");
    expect(detail.modelCalls.map((c) => [c.node, c.promptVersion, c.cacheHit])).toEqual([["plan_tasks", "v1", false], ["draft_email", "v2", true]]);
    expect(detail.draft).toBeNull();
  });
});

describe("who may open a run, as its graph's meta says", () => {
  // Runs of their own (inserted here, so the list above stays as it was): two name who asked, one has a rep's draft.
  beforeAll(async () => {
    await db().insert(runs).values([
      { id: "asked", assistantId: "text_to_sql", threadId: null, status: "success", startedAt: at(90 * 24 * 60), metadata: { requested_by: rep.id } },
      { id: "classified", assistantId: "inbound_classify", threadId: null, status: "success", startedAt: at(90 * 24 * 60), metadata: { requested_by: rep.id } },
      { id: "drafted", assistantId: "email_orchestrator", threadId: "t-drafted", status: "success", startedAt: at(90 * 24 * 60), metadata: { requested_by: otherRep.id } },
    ]);
    const [contact] = await db().select({ id: contacts.id }).from(contacts).limit(1);
    await db().insert(drafts).values({
      contactId: contact!.id, assignedRepId: rep.id, subject: "s", body: "b", provenance: { confidence: 0.5, reason: "", source: "rules", evidence: [] },
      promptVersion: "v", model: "m", graphId: "email_orchestrator", runId: "drafted", threadId: "t-drafted",
    });
  });

  const opens = (user: typeof rep | typeof admin, runId: string) => runDetailFor(user, runId).then(() => true, (e: { code?: string }) => (e.code === "not_found:runs" ? false : Promise.reject(e)));

  it("the person who asked an analytics question opens its run; another rep does not", async () => {
    expect(await opens(rep, "asked")).toBe(true);
    expect(await opens(otherRep, "asked")).toBe(false);
  });

  it("a drafting run follows its draft: the rep it is assigned to opens it, even the one who asked does not", async () => {
    expect(await opens(rep, "drafted")).toBe(true);
    expect(await opens(otherRep, "drafted")).toBe(false);
  });

  it("a rep named as asker of an admin-only graph's run still cannot open it; an admin opens every run", async () => {
    expect(await opens(rep, "classified")).toBe(false);
    for (const id of ["asked", "drafted", "classified"]) expect(await opens(admin, id)).toBe(true);
  });
});

describe("what a run's page shows around the run", () => {
  beforeAll(async () => {
    const [contact] = await db().select({ id: contacts.id }).from(contacts).orderBy(contacts.id).limit(1);
    await db().insert(runs).values([
      { id: "about-contact", assistantId: "email_orchestrator", threadId: null, status: "success", startedAt: at(1), metadata: { contact_id: contact!.id, requested_by: admin.id } },
      { id: "about-gone", assistantId: "email_orchestrator", threadId: null, status: "success", startedAt: at(1), metadata: { contact_id: 987_654 } },
      { id: "attributed", assistantId: "touch_attribution", threadId: null, status: "success", startedAt: at(1), metadata: { requested_by: admin.id } },
    ]);
  });

  it("an admin sees the contact a run was about by name, not by number", async () => {
    const detail = await runDetailFor(admin, "about-contact");
    const [row] = await db().select().from(contacts).where(eq(contacts.id, detail.contact!.id));
    expect(detail.contact).toEqual({ id: row!.id, name: `${row!.firstName} ${row!.lastName}` });
    expect((await runDetailFor(admin, "about-gone")).contact).toEqual({ id: 987_654, name: null });
    expect((await runDetailFor(admin, "r4")).contact).toBeNull();
  });

  it("an analytics run without a question leads back to Analytics, a drafting run to Drafts, an admin-only run to the runs list", async () => {
    expect((await runDetailFor(admin, "attributed")).back).toEqual({ href: "/analytics", label: "Analytics" });
    expect((await runDetailFor(admin, "about-contact")).back).toEqual({ href: "/drafts", label: "Drafts" });
    expect((await runDetailFor(admin, "classified")).back).toEqual({ href: "/admin/runs", label: "Graph runs" });
    expect(backLinkOf("email_orchestrator", { hasQuestion: true })).toEqual({ href: "/analytics", label: "Analytics" });
    // A graph no longer in the fleet is opened by admins only.
    expect(backLinkOf("retired_graph", { hasQuestion: false })).toEqual({ href: "/admin/runs", label: "Graph runs" });
  });

  it("the runs list offers every graph of the fleet to filter by", () => {
    expect(RUN_LIST_GRAPHS).toEqual(expect.arrayContaining(["email_orchestrator", "text_to_sql", "touch_attribution", "inbound_classify"]));
    expect(new Set(RUN_LIST_GRAPHS).size).toBe(RUN_LIST_GRAPHS.length);
  });
});
