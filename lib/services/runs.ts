import "server-only";
import { db } from "@/db/client";
import { getContactSummary } from "@/db/queries/contacts";
import { draftForRun, runHasDraftFor } from "@/db/queries/drafts";
import { getRun, listLlmCallsOfRuns, listRunLlmCalls, listRuns, listRunSteps, listRunTree, listStepsOfRuns } from "@/db/queries/runs";
import { RUN_STATUSES } from "@/db/schema";
import { FLEET } from "@/graphs/registry";
import type { RunAccess } from "@/graphs/spec";
import { z } from "zod";
import { parseParams, type RawParams } from "./params";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { buildRunTree } from "./run-tree";

/**
 * What a text_to_sql run answered, kept in the run's metadata under `answer` (stateless runs keep
 * no state): never the rows themselves, only how many there were.
 */
export const RunAnswer = z.object({
  status: z.enum(["answered", "validated", "failed", "needs_model"]),
  summary: z.string(),
  /** The SQL the answer came from (null when none was written). */
  sql: z.string().nullable(),
  row_count: z.number().int().min(0),
  truncated: z.boolean(),
  confidence: z.number().min(0).max(1).nullable(),
  source: z.enum(["model", "catalogue", "metrics", "none", "operator"]),
  report_id: z.string().nullable(),
  /** The CRM tables the question was read as needing, and the repairs its SQL took (0-2). */
  tables: z.array(z.string()).default([]),
  repairs: z.number().int().min(0).default(0),
});
export type RunAnswer = z.infer<typeof RunAnswer>;

/** The answer a run's metadata records, or null when it has none (or one this version cannot read). */
function answerOf(metadata: Record<string, unknown> | null): RunAnswer | null {
  const parsed = RunAnswer.safeParse(metadata?.answer);
  return parsed.success ? parsed.data : null;
}

/** Who besides admins may open a run: its graph's meta says (`runAccess`); a graph not in the fleet, nobody. */
function runAccessOf(assistantId: string): RunAccess {
  return FLEET.get(assistantId)?.runAccess ?? "admin";
}

async function mayOpen(user: SessionUser, run: { id: string; assistantId: string; threadId: string | null; metadata: Record<string, unknown> | null }): Promise<boolean> {
  if (hasRole(user.role, "admin")) return true;
  switch (runAccessOf(run.assistantId)) {
    case "asker":
      return run.metadata?.requested_by === user.id;
    case "draft_owner":
      return runHasDraftFor(db(), run, user.id);
    case "admin":
      return false;
  }
}

/**
 * One graph run and its steps. Admins see every run; others as the graph's meta allows: the
 * person who asked (an analytics question), or the rep a draft from the run is assigned to.
 * Anything else reads as missing, like someone else's draft.
 */
export async function runDetailFor(user: SessionUser, runId: string) {
  const run = runId.length <= 100 ? await getRun(db(), runId) : null;
  if (!run || !(await mayOpen(user, run))) throw new AppError("not_found:runs", { message: "That run does not exist or is not yours." });
  const contactId = typeof run.metadata?.contact_id === "number" ? run.metadata.contact_id : null;
  const [steps, modelCalls, draft, contact] = await Promise.all([
    listRunSteps(db(), run.id),
    listRunLlmCalls(db(), run.id),
    draftForRun(db(), run.id),
    contactId === null ? null : getContactSummary(db(), contactId),
  ]);
  const question = typeof run.metadata?.question === "string" ? run.metadata.question : null;
  const answer = answerOf(run.metadata);
  return {
    run, steps, modelCalls, draft, question, answer,
    /** Who the run was about, by name; a contact deleted since reads as its id alone. */
    contact: contactId === null ? null : { id: contactId, name: contact ? `${contact.contact.firstName} ${contact.contact.lastName}` : null },
    back: backLinkOf(run.assistantId, { hasQuestion: question !== null || answer !== null }),
  };
}

export type BackLink = { href: string; label: string };

/**
 * Where a run's page leads back to: the screen its kind of run is started from, as its graph's
 * meta says (`runAccess`: an asker's run came from Analytics, a draft owner's from Drafts). A run
 * that kept a question or an answer came from Analytics whatever its graph; a run only admins
 * open goes back to the runs list.
 */
export function backLinkOf(assistantId: string, { hasQuestion }: { hasQuestion: boolean }): BackLink {
  if (hasQuestion) return { href: "/analytics", label: "Analytics" };
  switch (runAccessOf(assistantId)) {
    case "asker":
      return { href: "/analytics", label: "Analytics" };
    case "draft_owner":
      return { href: "/drafts", label: "Drafts" };
    case "admin":
      return { href: "/admin/runs", label: "Graph runs" };
  }
}

/** The graphs the runs list can be filtered by: the fleet, in its registry order. */
export const RUN_LIST_GRAPHS: readonly string[] = FLEET.ids;

export const RunListQuery = z.object({
  graph: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be a graph id").optional(),
  status: z.enum(RUN_STATUSES).optional(),
  /** "1": only runs that took 2 s or more. */
  slow: z.enum(["1"]).optional(),
  errored: z.enum(["1"]).optional(),
  days: z.coerce.number().int().min(1, "must be 1 or more").max(365, "must be at most 365").optional(),
});

export function parseRunListQuery(params: RawParams) {
  return parseParams(RunListQuery, params, "runs");
}

/** The admin's runs list, newest first (200 at most). */
export async function listRunsFor(user: SessionUser, query: z.infer<typeof RunListQuery>) {
  if (!hasRole(user.role, "admin")) throw new AppError("forbidden:admin");
  return listRuns(db(), {
    assistantId: query.graph,
    status: query.status,
    slowMs: query.slow ? 2_000 : undefined,
    errored: query.errored === "1",
    since: query.days ? new Date(Date.now() - query.days * 86_400_000) : undefined,
    limit: 200,
  });
}

export type RunDetail = Awaited<ReturnType<typeof runDetailFor>>;

/**
 * The tree beneath a run its viewer may already see (so it takes what `runDetailFor` returned):
 * the run's nodes with their subgraph nodes and model calls, the runs it started, nested, and
 * the run it was started by. A child run's own page still checks who may open it; naming a
 * parent never grants access to it.
 */
export async function runTreeFor(detail: Pick<RunDetail, "run">) {
  const { run } = detail;
  const [found, parent] = await Promise.all([listRunTree(db(), run.id), run.parentRunId ? getRun(db(), run.parentRunId) : null]);
  const rows = found?.runs ?? [{ run, depth: 0 }];
  const ids = rows.map((r) => r.run.id);
  const [steps, calls] = await Promise.all([listStepsOfRuns(db(), ids), listLlmCallsOfRuns(db(), ids)]);
  return {
    root: buildRunTree(rows, steps, calls)!,
    /** True when the tree went past RUN_TREE_LIMITS and some runs are not shown. */
    truncated: found?.truncated ?? false,
    parent: run.parentRunId ? { id: run.parentRunId, assistantId: parent?.assistantId ?? null } : null,
  };
}

export type RunTree = Awaited<ReturnType<typeof runTreeFor>>;
