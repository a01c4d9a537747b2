import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { appRoutes } from "./app-routes";
import { queryE2eDb, signIn, USERS } from "./helpers";
import { baseUrlOf, FUZZ_INBOUND_TOKEN, FUZZ_SERVER, FUZZ_TICK_TOKEN } from "./servers";

/**
 * The fuzz suite: every route handler and every server action of the built console, sent
 * malformed, oversized, deeply nested, wrong-typed and invisible input as a signed-in admin (so
 * requests get past authentication to validation). Nothing may answer 5xx; a 400/422 in JSON
 * names the field at fault; and nothing is written (row counts of every table the console
 * writes are the same before and after). It runs against its own console, so the counts see no
 * other spec's writes.
 */

/** Query parameters each GET route reads; a route file this table does not know fails the suite. */
const ROUTES: Record<string, { query?: string[]; post?: "json" | "raw" }> = {
  "/api/analytics/ask": { post: "json" },
  "/api/analytics/attribution": { query: ["campaignId", "contactId"] },
  "/api/analytics/funnel": { query: ["vertical"] },
  "/api/analytics/history": {},
  "/api/auth/[...all]": { post: "json" },
  "/api/companies": { query: ["q", "vertical", "page", "pageSize"] },
  "/api/companies/[id]": {},
  "/api/contacts": { query: ["q", "vertical", "seniority", "status", "company", "page", "pageSize"] },
  "/api/contacts/[id]": {},
  "/api/drafts": { query: ["status", "campaign", "tier", "age", "cursor", "pageSize"] },
  "/api/drafts/[id]": {},
  "/api/health": {},
  "/api/inbound": { post: "raw" },
  "/api/jobs/tick": { post: "json" },
  "/api/langgraph/[...path]": { post: "json" },
  "/api/proposals/[id]/export": {},
};

/** Values no parameter should choke on; the first is a malformed escape sent raw. */
const BAD_VALUES = [
  "%E0%A4%A",
  "",
  "\u200B",
  "\u202E\u0000",
  "-1",
  "0",
  "1.5",
  "1e309",
  "99999999999999999.1",
  "NaN",
  "null",
  "[]",
  "{}",
  "🙂",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "a".repeat(5_000),
];

const BAD_IDS = ["%E0%A4%A", "0", "-1", "1.5", "99999999999999999999", "abc", "%00", "%F0%9F%99%82", "%E2%80%8B", "..%2F..%2Fetc"];

const deepArray = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

/** JSON bodies for POST routes: not JSON, too big, too deep, wrong types, invisible text. */
const BAD_BODIES: { name: string; body: string; contentType?: string }[] = [
  { name: "not JSON", body: "{nope" },
  { name: "over 1 MB", body: JSON.stringify({ question: "a".repeat(1_100_000) }) },
  { name: "50,000-deep array", body: deepArray(50_000) },
  { name: "50,000-deep object", body: deepObject(50_000) },
  { name: "metadata 50,000 deep", body: `{"assistant_id":"echo","metadata":${deepObject(50_000)}}` },
  { name: "null", body: "null" },
  { name: "an array", body: "[1,2,3]" },
  { name: "a number for text", body: JSON.stringify({ question: 5, email: 5, password: 5 }) },
  { name: "an object for text", body: JSON.stringify({ question: { a: 1 }, email: {}, password: [] }) },
  { name: "only invisible text", body: JSON.stringify({ question: "\u200B\u200B\u200B\u200B", email: "\u200B", password: "\u200B" }) },
  { name: "form encoding", body: "question=hi", contentType: "application/x-www-form-urlencoded" },
];

/** Server-action argument lists: wrong types, invisible text, deep nesting. */
const BAD_ACTION_ARGS = [
  "[]",
  "[null]",
  '["x"]',
  "[{}]",
  '[{"draftId":"1"}]',
  '[{"draftId":1.5}]',
  '[{"draftId":-1,"edit":{"subject":"\\u200b","body":"\\u200b"}}]',
  '[{"draftId":1,"reason":"\\u200b\\u202e"}]',
  '[{"draftIds":[]}]',
  '[{"contactIds":["a"]}]',
  '[{"question":"\\u200b\\u200b\\u200b"}]',
  '[{"sql":"\\u200b"}]',
  '[{"graph":"","usd":"-1"}]',
  '[{"enabled":"yes"}]',
  deepArray(20_000),
];

/** Tables the console writes; their counts must not move while the suite runs. */
const WRITTEN_TABLES = ["drafts", "outbox", "runs", "run_steps", "threads", "checkpoints", "emails", "outcomes", "suppression", "settings", "audit_log", "llm_calls", "contacts", "companies", "memories", "jobs"];

async function tableCounts(): Promise<Record<string, number>> {
  const present = new Set((await queryE2eDb<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'", [], FUZZ_SERVER)).map((r) => r.name));
  const counts: Record<string, number> = {};
  for (const table of WRITTEN_TABLES.filter((t) => present.has(t))) {
    const [row] = await queryE2eDb<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`, [], FUZZ_SERVER);
    counts[table] = Number(row!.n);
  }
  return counts;
}

const apiRoutes = () => appRoutes("route.ts");

/** Every server action in the build, with a page that serves it. */
function serverActions(): { id: string; name: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const page = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]*\)/g, "").replace(/\[[^\]]+\]/g, "1") || "/";
    return { id, name: entry.exportedName ?? id, page };
  });
}

const fill = (route: string, value: string) => route.replace(/\[\.\.\.[^\]]+\]/, `threads/${value}`).replace(/\[[^\]]+\]/, value);
const raw = (value: string) => (value === "%E0%A4%A" ? value : encodeURIComponent(value));

type Finding = string;

let sent = 0;

async function check(findings: Finding[], what: string, response: APIResponse) {
  sent++;
  const status = response.status();
  if (status >= 500) {
    findings.push(`${what}: ${status}`);
    return;
  }
  const type = response.headers()["content-type"] ?? "";
  if ((status === 400 || status === 422) && type.includes("application/json")) {
    const body = (await response.json().catch(() => null)) as { error?: { field?: string } } | null;
    if (body?.error && !body.error.field) findings.push(`${what}: ${status} without the field at fault (${JSON.stringify(body).slice(0, 200)})`);
  }
}

test.describe.configure({ mode: "serial" });

test("every route handler is in the fuzz table", () => {
  expect(apiRoutes().filter((route) => !(route in ROUTES))).toEqual([]);
});

test("bad input to every route and server action is a 4xx naming the field, never a 500, and writes nothing", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, USERS.admin);
  const api: APIRequestContext = page.request;
  const before = await tableCounts();
  const findings: Finding[] = [];
  const base = baseUrlOf(FUZZ_SERVER);

  for (const route of apiRoutes()) {
    const spec = ROUTES[route]!;
    if (route.includes("[")) {
      for (const id of BAD_IDS) await check(findings, `GET ${fill(route, id)}`, await api.get(`${base}${fill(route, id)}`));
    } else {
      for (const name of spec.query ?? []) {
        for (const value of BAD_VALUES) {
          await check(findings, `GET ${route}?${name}=${value.slice(0, 30)}`, await api.get(`${base}${route}?${name}=${raw(value)}`));
        }
      }
      if (!spec.post) await check(findings, `GET ${route}`, await api.get(`${base}${route}`));
    }
    if (spec.post) {
      const target = route.includes("[") ? fill(route, "x").replace("threads/x", "runs/wait").replace("/api/auth/x", "/api/auth/sign-in/email") : route;
      for (const { name, body, contentType } of BAD_BODIES) {
        const tokens: Record<string, string> = { "/api/inbound": FUZZ_INBOUND_TOKEN, "/api/jobs/tick": FUZZ_TICK_TOKEN };
        const auth: Record<string, string> = tokens[route] ? { authorization: `Bearer ${tokens[route]}` } : {};
        const response = await api.post(`${base}${target}`, { data: body, headers: { "content-type": contentType ?? "application/json", origin: base, ...auth } });
        await check(findings, `POST ${target} (${name})`, response);
      }
    }
  }

  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(5);
  for (const action of actions) {
    const post = (body: string, headers: Record<string, string> = {}) =>
      api.post(`${base}${action.page}`, { data: body, headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin: base, ...headers } });
    for (const args of BAD_ACTION_ARGS) {
      const response = await post(args);
      await check(findings, `action ${action.name} ${args.slice(0, 60)}`, response);
      if (response.status() === 200 && (await response.text()).includes('"ok":true')) findings.push(`action ${action.name} ${args.slice(0, 60)}: accepted`);
    }
    for (const [name, response] of [
      ["not JSON", await post("{nope")],
      ["over 1 MB", await post(JSON.stringify(["a".repeat(1_100_000)]))],
      ["a foreign Origin", await post("[{}]", { origin: "https://evil.example" })],
    ] as const) {
      if (response.status() < 400 || response.status() >= 500) findings.push(`action ${action.name} (${name}): ${response.status()}, expected a 4xx`);
    }
  }

  console.log(`[fuzz] ${sent} requests to ${apiRoutes().length} routes and ${actions.length} server actions; ${findings.length} findings`);
  expect(findings).toEqual([]);
  expect(await tableCounts()).toEqual(before);
});

test("a subject or a reject reason of invisible characters is refused, naming the field", async ({ page }) => {
  await signIn(page, USERS.admin);
  const approve = serverActions().find((a) => a.name === "approveDraftAction")!;
  const base = baseUrlOf(FUZZ_SERVER);
  const response = await page.request.post(`${base}${approve.page}`, {
    data: JSON.stringify([{ draftId: 1, edit: { subject: "\u200B", body: "Hello" } }]),
    headers: { "next-action": approve.id, "content-type": "text/plain;charset=UTF-8", origin: base },
  });
  const text = await response.text();
  expect(text).toContain('"ok":false');
  expect(text).toContain('"field":"edit.subject"');
  expect(text).toContain("Subject cannot be empty.");
});
