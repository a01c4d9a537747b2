import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { appRoutes } from "./app-routes";
import { draftableContact, draftFromContactPage, queryE2eDb, signIn, USERS, writeE2eDb } from "./helpers";

/**
 * The smoke walk: every page of the console, as every role and as a visitor without a session,
 * in Chromium. Each visit must answer what the page intends (200, its 403 page, a 404 for
 * something that is not yours, or the sign-in redirect), render no error boundary, log no console
 * error, fail no request, and show no serious or critical axe violation.
 *
 * The page list comes from the app folder, so a new page that this walk does not know fails here
 * until someone says who may open it.
 */

type Role = keyof typeof USERS;
type Visitor = Role | "anonymous";
type Expect = "ok" | "forbidden" | "not_found" | "sign_in" | "redirect";

/** Who may open each route; dynamic ids are filled in from the database before the walk. */
const PAGES: Record<string, { minRole: Role | "public"; path: (ids: Ids) => string; expect?: Partial<Record<Visitor, Expect>> }> = {
  "/": { minRole: "rep", path: () => "/", expect: { rep: "redirect", operator: "redirect", admin: "redirect" } },
  "/sign-in": { minRole: "public", path: () => "/sign-in", expect: { rep: "redirect", operator: "redirect", admin: "redirect", anonymous: "ok" } },
  "/drafts": { minRole: "rep", path: () => "/drafts" },
  "/campaigns": { minRole: "rep", path: () => "/campaigns" },
  "/contacts": { minRole: "rep", path: () => "/contacts" },
  "/contacts/[id]": { minRole: "rep", path: (ids) => `/contacts/${ids.contact}` },
  "/companies": { minRole: "rep", path: () => "/companies" },
  "/companies/[id]": { minRole: "rep", path: (ids) => `/companies/${ids.company}` },
  "/analytics": { minRole: "operator", path: () => "/analytics" },
  "/admin": { minRole: "admin", path: () => "/admin" },
  "/admin/cost": { minRole: "admin", path: () => "/admin/cost" },
  "/admin/runs": { minRole: "admin", path: () => "/admin/runs" },
  "/admin/jobs": { minRole: "admin", path: () => "/admin/jobs" },
  "/admin/audit": { minRole: "admin", path: () => "/admin/audit" },
  "/admin/playbook": { minRole: "admin", path: () => "/admin/playbook" },
  // A run an admin started: anyone else is told it does not exist, as for someone else's draft.
  "/runs/[id]": { minRole: "admin", path: (ids) => `/runs/${ids.run}`, expect: { rep: "not_found", operator: "not_found" } },
  "/plans": { minRole: "rep", path: () => "/plans" },
  // A plan on the rep's own contact: the rep, operators and admins may all open it.
  "/plans/[id]": { minRole: "rep", path: (ids) => `/plans/${ids.plan}` },
};

type Ids = { contact: number; company: number; run: string; plan: number };

const RANK: Record<Role, number> = { rep: 0, operator: 1, admin: 2 };

function expected(route: string, visitor: Visitor): Expect {
  const spec = PAGES[route]!;
  const own = spec.expect?.[visitor];
  if (own) return own;
  if (visitor === "anonymous") return spec.minRole === "public" ? "ok" : "sign_in";
  if (spec.minRole === "public") return "ok";
  return RANK[visitor] >= RANK[spec.minRole] ? "ok" : "forbidden";
}

const pageRoutes = () => appRoutes("page.tsx");

const SMOKE_RUN = "smoke-walk-run";

async function idsForWalk(): Promise<Ids> {
  const [contact] = await queryE2eDb<{ id: number }>(
    "SELECT c.id FROM contacts c JOIN users u ON u.id = c.owner_id WHERE u.email = ? ORDER BY c.id LIMIT 1",
    [USERS.rep],
  );
  const [company] = await queryE2eDb<{ id: number }>("SELECT id FROM companies ORDER BY id LIMIT 1");
  const [admin] = await queryE2eDb<{ id: string }>("SELECT id FROM users WHERE email = ?", [USERS.admin]);
  const now = Date.now();
  await writeE2eDb(
    `INSERT OR IGNORE INTO runs (id, assistant_id, thread_id, status, started_at, ended_at, metadata)
     VALUES (?, 'text_to_sql', NULL, 'success', ?, ?, ?)`,
    [SMOKE_RUN, now - 1_500, now, JSON.stringify({ requested_by: admin!.id, question: "How many contacts are there?" })],
  );
  await writeE2eDb(
    `INSERT INTO run_steps (run_id, node, status, started_at, ended_at)
     SELECT ?, 'plan_query', 'success', ?, ? WHERE NOT EXISTS (SELECT 1 FROM run_steps WHERE run_id = ?)`,
    [SMOKE_RUN, now - 1_500, now - 500, SMOKE_RUN],
  );
  return { contact: contact!.id, company: company!.id, run: SMOKE_RUN, plan: await planForWalk(contact!.id, admin!.id) };
}

const SMOKE_PLAN_GOAL = "Smoke walk: book a meeting";

/** A plan on the rep's contact with a step that waits for approval, so the walk sees the decision UI. */
async function planForWalk(contactId: number, adminId: string): Promise<number> {
  await writeE2eDb(
    `INSERT INTO plans (goal, contact_id, company_id, status, reasoning, provenance, prompt_version, autonomy, created_by)
     SELECT ?, c.id, c.company_id, 'needs_person', 'A plan for the walk.', ?, 'crm-orchestrator-rules-v1', 'reversible', ?
     FROM contacts c WHERE c.id = ? AND NOT EXISTS (SELECT 1 FROM plans WHERE goal = ?)`,
    [SMOKE_PLAN_GOAL, JSON.stringify({ confidence: 0.65, reason: "walk", source: "rules", evidence: ["contact in the walk"] }), adminId, contactId, SMOKE_PLAN_GOAL],
  );
  const [plan] = await queryE2eDb<{ id: number }>("SELECT id FROM plans WHERE goal = ?", [SMOKE_PLAN_GOAL]);
  await writeE2eDb(
    `INSERT INTO plan_steps (plan_id, position, action, params, confidence, reason, verdict, verdict_reason, status)
     SELECT ?, 0, 'draft_reply', ?, 0.65, 'A next email.', 'needs_approval', 'draft_reply needs approval.', 'awaiting_approval'
     WHERE NOT EXISTS (SELECT 1 FROM plan_steps WHERE plan_id = ?)`,
    [plan!.id, JSON.stringify({ contactId }), plan!.id],
  );
  return plan!.id;
}

type Problems = { console: string[]; requests: string[] };

function watch(page: Page): Problems {
  const problems: Problems = { console: [], requests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.console.push(message.text());
  });
  page.on("pageerror", (error) => problems.console.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => {
    // A navigation that replaces an in-flight prefetch aborts it; that is not a failure of the page.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.requests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 500) problems.requests.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

test.describe("smoke walk", () => {
  test("every page of the app folder has an entry in the walk", () => {
    expect(pageRoutes().filter((route) => !(route in PAGES))).toEqual([]);
  });

  for (const visitor of ["anonymous", "rep", "operator", "admin"] as const) {
    test(`every page answers as intended for ${visitor === "anonymous" ? "a visitor without a session" : `the ${visitor}`}, with no error and no serious accessibility violation`, async ({ page }) => {
      test.setTimeout(120_000);
      const ids = await idsForWalk();
      if (visitor !== "anonymous") await signIn(page, USERS[visitor]);
      // Walk the drafts queue with a draft in it (selected, with its detail), not only its empty state.
      if (visitor === "rep" || visitor === "admin") {
        const [pending] = await queryE2eDb<{ n: number }>("SELECT count(*) AS n FROM drafts d JOIN users u ON u.id = d.assigned_rep_id WHERE d.status = 'draft' AND u.email = ?", [USERS.rep]);
        if (Number(pending!.n) === 0) await draftFromContactPage(page, await draftableContact(USERS.rep, visitor === "rep" ? 30 : 31));
      }
      const failures: string[] = [];
      for (const route of pageRoutes()) {
        const path = PAGES[route]!.path(ids);
        const want = expected(route, visitor);
        const problems = watch(page);
        const response = await page.goto(path);
        await page.waitForLoadState("networkidle");
        const status = response?.status() ?? 0;
        const finalPath = new URL(page.url()).pathname;
        const where = `${visitor} ${path}`;
        if (want === "ok" && (status !== 200 || finalPath !== path)) failures.push(`${where}: expected 200 at ${path}, got ${status} at ${finalPath}`);
        if (want === "forbidden" && status !== 403) failures.push(`${where}: expected 403, got ${status}`);
        if (want === "not_found" && status !== 404) failures.push(`${where}: expected 404, got ${status}`);
        if (want === "sign_in" && finalPath !== "/sign-in") failures.push(`${where}: expected the sign-in page, got ${finalPath}`);
        if (want === "redirect" && finalPath === path) failures.push(`${where}: expected a redirect, stayed at ${path}`);
        if (await page.getByText("This page could not be loaded").count()) failures.push(`${where}: the error boundary is showing`);
        // A 403 or 404 page logs its status as a failed resource load; that is the intended answer.
        const consoleErrors = problems.console.filter((text) => !(want !== "ok" && /status of 40[34]/.test(text)));
        failures.push(...consoleErrors.map((text) => `${where}: console error: ${text}`));
        failures.push(...problems.requests.map((text) => `${where}: failed request: ${text}`));
        page.removeAllListeners("console");
        page.removeAllListeners("pageerror");
        page.removeAllListeners("requestfailed");
        page.removeAllListeners("response");
        const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        for (const violation of axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
          failures.push(`${where}: axe ${violation.impact} ${violation.id} (${violation.nodes.length}): ${violation.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
