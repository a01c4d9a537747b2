import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { startStubServer } from "@/lib/llm/testing/stub-server";

/**
 * A webhook receiver on loopback that records every POST. It can also hang (read the request,
 * never answer) or be down (closed, then listening again on the same port).
 */
async function startReceiver() {
  const posts: { path: string; raw: string }[] = [];
  const hung: { receivedAt: number; closedAt: number | null }[] = [];
  let mode: "answer" | "hang" = "answer";
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  };
  const server: Server = createServer((req, res) => {
    void read(req).then((raw) => {
      if (mode === "hang") {
        const entry = { receivedAt: Date.now(), closedAt: null as number | null };
        hung.push(entry);
        res.on("close", () => (entry.closedAt = Date.now()));
        return;
      }
      posts.push({ path: req.url ?? "", raw });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    port,
    posts,
    hung,
    setMode: (m: typeof mode) => void (mode = m),
    down: close,
    up: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close,
  };
}

// The secrets and prompt text the alerts must never carry.
const WEBHOOK_SECRET_PATH = "/services/T000/B000/xoxb-webhook-path-secret";
const API_KEY = "sk-local-model-key-never-in-alerts";
const AUTH_SECRET = "auth-secret-0123456789abcdef0123456789abcdef";
const PROMPT_MARKER = "CONFIDENTIAL-PROMPT-TEXT about Ann's churn risk";
// 0.001 USD a day per graph. Each call below costs (750 × 0.15 + 100 × 0.60) / 1M = 0.0001725 USD.
const DAILY_BUDGET = 0.001;
const CALL_COST = 0.0001725;

const receiver = await startReceiver();
// The stub counts prompt tokens as the gateway estimates them, so a call's reservation is its real cost.
const stub = await startStubServer({ handler: () => ({ content: "A short, harmless answer.", completionTokens: 100 }) });
const testEnv = ownEnvironment("alerts", {
  ALERT_WEBHOOK_URL: `http://127.0.0.1:${receiver.port}${WEBHOOK_SECRET_PATH}`,
  LLM_BASE_URL: stub.url,
  LLM_MODEL: "gpt-4o-mini",
  LLM_API_KEY: API_KEY,
  AUTH_SECRET,
  LLM_DAILY_BUDGET_USD: String(DAILY_BUDGET),
});

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { users } = await import("@/db/schema");
const { readKillSwitch } = await import("@/db/queries/llm");
const { sql } = await import("drizzle-orm");
const { setKillSwitch } = await import("@/lib/services/model-controls");
const { complete } = await import("@/lib/llm");
const { isModelUnavailable } = await import("@/lib/llm/types");

const admin = { id: "u-admin", name: "Ada", email: "ada@x", role: "admin" as const };

type Posted = { text: string; event: Record<string, unknown> & { type: string; at: string } };
const bodies = (type?: string) => receiver.posts.map((p) => JSON.parse(p.raw) as Posted).filter((b) => !type || b.event.type === type);

/** A prompt of 3,000 characters (750 estimated tokens) that the model gateway may see and alerts may not. */
const prompt = (i: number) => [{ role: "user" as const, content: `${PROMPT_MARKER} #${i} `.padEnd(3_000, "·") }];

async function call(graph: string, i: number): Promise<"answered" | "refused"> {
  try {
    await complete({ graph, node: "probe", promptVersion: "alerts-v1" }, prompt(i), { maxTokens: 100 });
    return "answered";
  } catch (e) {
    if (isModelUnavailable(e) && e.reason === "budget_exhausted") return "refused";
    throw e;
  }
}

/** Waits until the receiver has `n` POSTs, then a little longer, so a late duplicate would show up too. */
async function settledPosts(n: number) {
  await expect.poll(() => receiver.posts.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(n);
  await new Promise((r) => setTimeout(r, 300));
  return receiver.posts.length;
}

function expectNothingSecret(raw: string) {
  for (const secret of [WEBHOOK_SECRET_PATH, API_KEY, AUTH_SECRET, PROMPT_MARKER, "CONFIDENTIAL", stub.url]) expect(raw).not.toContain(secret);
}

beforeAll(async () => {
  await applyMigrations(db());
  await db().insert(users).values({ ...admin, emailVerified: true });
});
afterAll(async () => {
  await Promise.all([receiver.close(), stub.close()]);
  db().$client.close();
  testEnv.removeDir();
});

describe("alerts to ALERT_WEBHOOK_URL", () => {
  it("an admin turning the kill switch on and off sends one kill_switch POST per flip, naming who and nothing secret", async () => {
    await setKillSwitch(admin, true);
    expect(await settledPosts(1)).toBe(1);
    await setKillSwitch(admin, false);
    expect(await settledPosts(2)).toBe(2);

    expect(receiver.posts.map((p) => p.path)).toEqual([WEBHOOK_SECRET_PATH, WEBHOOK_SECRET_PATH]);
    const [on, off] = bodies();
    expect(on).toEqual({ text: "Model kill switch turned ON by ada@x.", event: { type: "kill_switch", enabled: true, by: "ada@x", at: expect.any(String) } });
    expect(off).toMatchObject({ text: "Model kill switch turned off by ada@x.", event: { type: "kill_switch", enabled: false, by: "ada@x" } });
    expect(Math.abs(Date.parse(on!.event.at) - Date.now())).toBeLessThan(10_000);
    receiver.posts.forEach((p) => expectNothingSecret(p.raw));
  });

  it("model calls pushing a graph past 80 % and then 100 % of its day send one warning and one exhaustion POST, not one per call", async () => {
    const graph = "email_compose";
    const before = receiver.posts.length;
    const requestsBefore = stub.requests.length;
    // Four calls: 69 % of the day. No line crossed yet, so nothing is posted.
    for (let i = 0; i < 4; i++) expect(await call(graph, i)).toBe("answered");
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.posts.length).toBe(before);

    // Four at once: one fits (86 %), three are refused; then three more, one at a time, refused too.
    const burst = await Promise.all([4, 5, 6, 7].map((i) => call(graph, i)));
    expect(burst.filter((o) => o === "answered")).toHaveLength(1);
    for (let i = 8; i < 11; i++) expect(await call(graph, i)).toBe("refused");
    expect(await settledPosts(before + 2)).toBe(before + 2);
    expect(stub.requests.length - requestsBefore).toBe(5);

    const [warning] = bodies("budget_warning");
    const [exhausted] = bodies("budget_exhausted");
    expect(bodies("budget_warning")).toHaveLength(1);
    expect(bodies("budget_exhausted")).toHaveLength(1);
    const day = new Date().toISOString().slice(0, 10);
    expect(warning!.event).toMatchObject({ type: "budget_warning", graph, day, limitUsd: DAILY_BUDGET });
    expect(warning!.event.spentUsd).toBeCloseTo(5 * CALL_COST, 9);
    expect(warning!.text).toBe(`Graph ${graph} passed 80 % of its daily model budget: $0.0009 of $0.0010 (${day}).`);
    // The refusal reports what was really spent when it happened (the burst's one call may still be
    // in flight), never the limit itself.
    expect(exhausted!.event).toMatchObject({ type: "budget_exhausted", graph, day, limitUsd: DAILY_BUDGET });
    expect(exhausted!.event.spentUsd).toBeGreaterThanOrEqual(4 * CALL_COST - 1e-12);
    expect(exhausted!.event.spentUsd).toBeLessThanOrEqual(5 * CALL_COST + 1e-12);
    expect(exhausted!.text).toContain(`Graph ${graph} reached its daily model budget; its model calls are refused until tomorrow`);
    receiver.posts.forEach((p) => expectNothingSecret(p.raw));

    const rows = await db().all<{ status: string; n: number }>(sql`SELECT status, count(*) AS n FROM llm_calls WHERE graph = ${graph} GROUP BY status ORDER BY status`);
    expect(rows).toEqual([{ status: "ok", n: 5 }, { status: "refused", n: 6 }]);
  });

  it("a receiver that is down fails neither an admin's toggle nor the model call that crosses a budget line", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await receiver.down();
    try {
      const started = performance.now();
      await setKillSwitch(admin, true);
      await setKillSwitch(admin, false);
      expect(performance.now() - started).toBeLessThan(500);
      expect(await readKillSwitch(db())).toBe(false);

      // Five calls take email_reply past 80 %; the fifth, which triggers the alert, is not slowed by it.
      for (let i = 0; i < 4; i++) expect(await call("email_reply", 100 + i)).toBe("answered");
      const crossing = performance.now();
      expect(await call("email_reply", 104)).toBe("answered");
      expect(performance.now() - crossing).toBeLessThan(1_000);

      await expect.poll(() => errors.mock.calls.filter(([m]) => String(m).startsWith("[alerts] could not deliver")).length).toBe(3);
      const logged = errors.mock.calls.map((c) => c.map(String).join(" ")).join("\n");
      expect(logged).toContain("[alerts] could not deliver kill_switch: TypeError: fetch failed");
      expect(logged).toContain("[alerts] could not deliver budget_warning");
      expect(logged).not.toContain(WEBHOOK_SECRET_PATH);
    } finally {
      errors.mockRestore();
      await receiver.up();
    }
  });

  it("a receiver that hangs does not hold an admin's toggle, and each delivery gives up after 2 s", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    receiver.setMode("hang");
    try {
      const started = performance.now();
      await setKillSwitch(admin, true);
      await setKillSwitch(admin, false);
      expect(performance.now() - started).toBeLessThan(500);

      await expect.poll(() => receiver.hung.length).toBe(2);
      // The console closes each connection itself when its 2 s are up.
      await expect.poll(() => receiver.hung.every((h) => h.closedAt !== null), { timeout: 5_000 }).toBe(true);
      for (const h of receiver.hung) expect(h.closedAt! - h.receivedAt).toBeGreaterThan(1_500);
      for (const h of receiver.hung) expect(h.closedAt! - h.receivedAt).toBeLessThan(3_000);
      await expect.poll(() => errors.mock.calls.filter(([m]) => String(m).includes("could not deliver kill_switch: TimeoutError")).length).toBe(2);
    } finally {
      errors.mockRestore();
      receiver.setMode("answer");
    }
  });
});
