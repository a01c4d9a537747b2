import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { countOpenJobs, getJob, listJobs, retryJob } from "@/db/queries/jobs";
import type { JobStatus } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { JOB_SPECS } from "@/lib/jobs/catalog";
import { jobRunner, wakeJobs } from "@/lib/jobs/instance";
import type { TickReport } from "@/lib/jobs/runner";
import { bearerVerifier } from "@/lib/http/auth";
import { parseParams, type RawParams } from "./params";

/** The states the admin's list shows; done jobs are history. */
export const OPEN_JOB_STATUSES = ["queued", "running", "failed", "dead"] as const satisfies readonly JobStatus[];
const KINDS = Object.keys(JOB_SPECS) as [string, ...string[]];

export const JobListQuery = z.object({
  status: z.enum(OPEN_JOB_STATUSES).optional(),
  kind: z.enum(KINDS).optional(),
});
export type JobListQuery = z.infer<typeof JobListQuery>;

export function parseJobListQuery(params: RawParams): JobListQuery {
  return parseParams(JobListQuery, params, "admin");
}

function requireAdmin(user: SessionUser) {
  if (!hasRole(user.role, "admin")) throw new AppError("forbidden:admin");
}

/** Waiting, running, failed and dead jobs (newest change first, 200 at most) and the counts per kind and state. */
export async function listJobsFor(user: SessionUser, query: JobListQuery) {
  requireAdmin(user);
  const [rows, counts] = await Promise.all([
    listJobs(db(), { statuses: query.status ? [query.status] : [...OPEN_JOB_STATUSES], kind: query.kind, limit: 200 }),
    countOpenJobs(db()),
  ]);
  return { rows, counts, kinds: KINDS };
}

/**
 * An admin's retry of a dead (or waiting) job: due now, with a fresh set of attempts. A delivery
 * job still never resends a message whose send was uncertain or refused for good (lib/mail).
 */
export async function retryJobFor(user: SessionUser, jobId: number) {
  requireAdmin(user);
  const retried = await retryJob(db(), jobId, new Date());
  if (!retried) {
    const existing = await getJob(db(), jobId);
    if (!existing) throw new AppError("not_found:admin", { message: "That job does not exist." });
    throw new AppError("conflict:admin", {
      message: existing.status === "dead" || existing.status === "failed" ? "Another job for the same work is already waiting." : `This job is ${existing.status}; only a failed or dead job can be retried.`,
    });
  }
  wakeJobs();
  return { id: retried.id, status: retried.status };
}

/**
 * Checks `Authorization: Bearer <JOBS_TICK_TOKEN>` (SHA-256 digests, constant time). No token
 * configured: the endpoint is off (503), so an unset variable never means "open".
 */
export function authorizeTick(authorization: string | null, { token }: { token: string | undefined } = { token: env().JOBS_TICK_TOKEN }): void {
  if (!token) throw new AppError("unavailable:api", { message: "The jobs tick endpoint is off: set JOBS_TICK_TOKEN to use it." });
  if (!bearerVerifier([token])(authorization)) throw new AppError("unauthorized:api", { message: "A valid jobs tick token is required." });
}

/** Longest one tick runs jobs, well inside a serverless or cron request's limit. */
const TICK_BUDGET_MS = 10_000;

/** Runs what is due now, once (for hosts that only allow cron), and reports what happened. */
export function runJobsTick(): Promise<TickReport> {
  return jobRunner().tick({ budgetMs: TICK_BUDGET_MS });
}
