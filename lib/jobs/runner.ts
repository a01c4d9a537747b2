import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { claimJobs, completeJob, completeJobStatement, deadLetterExpired, deferJobStatement, extendLease, failJob, type ClaimedJob } from "@/db/queries/jobs";
import { backoffDelay, PermanentJobError, type JobKinds } from "./kind";

/** Work a runner does on a timer besides claiming jobs (a sweep, a monitor). */
export type PeriodicTask = { name: string; everyMs: number; run: (now: Date) => Promise<unknown> };

export type RunnerOptions = {
  database: Database;
  kinds: JobKinds;
  /** Names this process in `lease_owner` (default: host, pid and a random suffix). */
  owner?: string;
  /** Jobs this runner runs at once. */
  concurrency?: number;
  /** How long an idle runner waits before looking for due jobs again. */
  pollMs?: number;
  periodic?: PeriodicTask[];
  now?: () => Date;
  random?: () => number;
  /** How long stop() waits for running jobs before it gives up on them (their leases then expire). */
  stopGraceMs?: number;
  /** Keep the process alive while idle (a standalone worker); the console's server does that itself. */
  keepAlive?: boolean;
  log?: Pick<Console, "warn" | "error">;
};

/** `deferred`: jobs put back to wait without spending an attempt (a send the governor postponed). */
export type TickReport = { claimed: number; done: number; retrying: number; dead: number; lost: number; deferred: number };

/** How often a runner dead-letters jobs whose last attempt's worker died. */
const EXPIRY_SWEEP_MS = 5_000;

export type JobRunner = ReturnType<typeof createJobRunner>;

/**
 * Runs due jobs of the given kinds: claims them (db/queries/jobs.ts: one conditional UPDATE with a
 * lease, so processes sharing a database never run a job twice), renews each lease while its
 * handler runs, and settles each attempt: done; failed, retried after an exponential backoff;
 * dead after its last attempt or a permanent error. A job whose worker died is claimed again
 * once its lease expires, so every handler must be safe to run again (delivery is: see lib/mail).
 *
 * `start()` runs continuously (the console, `npm run worker`); `tick()` runs what is due once and
 * returns (the cron endpoint, tests).
 */
export function createJobRunner(options: RunnerOptions) {
  const { database, kinds } = options;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 1_000;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const log = options.log ?? console;
  const kindNames = Object.keys(kinds);
  const periodic: PeriodicTask[] = [{ name: "dead-letter expired", everyMs: EXPIRY_SWEEP_MS, run: (at) => deadLetterExpired(database, at) }, ...(options.periodic ?? [])];
  const lastRun = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  const runningByKind = new Map<string, number>();
  const hardStop = new AbortController();
  let report: TickReport = emptyReport();
  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;

  async function maintain(force: boolean) {
    const at = now();
    for (const task of periodic) {
      if (!force && at.getTime() - (lastRun.get(task.name) ?? -Infinity) < task.everyMs) continue;
      lastRun.set(task.name, at.getTime());
      try {
        await task.run(at);
      } catch (e) {
        log.error(`[jobs] periodic task "${task.name}" failed`, e);
      }
    }
  }

  /**
   * Claims up to `limit` jobs, kind by kind in the registry's order (most urgent first), each
   * kind within its own `maxRunning`, so a backlog of slow work never delays urgent work.
   */
  async function claim(limit: number): Promise<ClaimedJob[]> {
    const claimed: ClaimedJob[] = [];
    for (const kind of kindNames) {
      const room = Math.min(limit - claimed.length, (kinds[kind]!.maxRunning ?? concurrency) - (runningByKind.get(kind) ?? 0));
      if (room <= 0) continue;
      claimed.push(...(await claimJobs(database, { owner, kinds: [kind], limit: room, now: now(), leaseMs: () => kinds[kind]!.leaseMs })));
      if (claimed.length >= limit) break;
    }
    return claimed;
  }

  async function runOne(job: ClaimedJob): Promise<void> {
    const kind = kinds[job.kind]!;
    const lease = new AbortController();
    const onHardStop = () => lease.abort(hardStop.signal.reason);
    hardStop.signal.addEventListener("abort", onHardStop);
    const context = {
      completeInBatch: () => completeJobStatement(database, job, now()),
      deferInBatch: (runAt: Date) => deferJobStatement(database, job, runAt, now()),
      jobId: job.id,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      leaseUntil: job.leaseUntil,
      parentRunId: job.parentRunId,
      now,
      signal: lease.signal,
    };
    // Renew the lease while the handler runs, so only a dead process lets it expire.
    const heartbeat = setInterval(() => {
      const until = new Date(now().getTime() + kind.leaseMs);
      extendLease(database, job, until).then(
        (held) => (held ? (context.leaseUntil = until) : lease.abort(new Error("The job's lease was lost."))),
        (e: unknown) => log.warn(`[jobs] could not renew the lease of job ${job.id}`, e),
      );
    }, Math.max(50, Math.floor(kind.leaseMs / 3)));
    heartbeat.unref();
    try {
      const payload: z.ZodSafeParseResult<unknown> = kind.payload.safeParse(job.payload);
      if (!payload.success) throw new PermanentJobError(`Invalid payload: ${payload.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      const result = await kind.handle(payload.data, context);
      clearInterval(heartbeat);
      if (result === "deferred") report.deferred++;
      else if (result === "completed" || (await completeJob(database, job, now()))) report.done++;
      else report.lost++;
    } catch (e) {
      clearInterval(heartbeat);
      const permanent = e instanceof PermanentJobError;
      const error = e instanceof Error ? e.message : String(e);
      const retryAt = new Date(now().getTime() + backoffDelay(job.attempts, kind.backoff, random));
      const outcome = await failJob(database, job, { error, retryAt, permanent, now: now() });
      if (outcome === "dead") {
        report.dead++;
        log.warn(`[jobs] ${job.kind} job ${job.id} is dead after ${job.attempts} attempt(s): ${error}`);
      } else if (outcome === "failed") report.retrying++;
      else report.lost++;
    } finally {
      hardStop.signal.removeEventListener("abort", onHardStop);
    }
  }

  function launch(job: ClaimedJob) {
    runningByKind.set(job.kind, (runningByKind.get(job.kind) ?? 0) + 1);
    const task: Promise<void> = runOne(job)
      .catch((e: unknown) => log.error(`[jobs] settling ${job.kind} job ${job.id} failed; its lease will expire and it runs again`, e))
      .finally(() => {
        inFlight.delete(task);
        runningByKind.set(job.kind, runningByKind.get(job.kind)! - 1);
        wakeUp?.();
      });
    inFlight.add(task);
  }

  function sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      if (!options.keepAlive) timer.unref();
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function runLoop() {
    while (running) {
      try {
        await maintain(false);
        const free = concurrency - inFlight.size;
        const claimed = free > 0 ? await claim(free) : [];
        report.claimed += claimed.length;
        claimed.forEach(launch);
        // Every slot filled: more may be due, so look again as soon as one frees.
        if (free > 0 && claimed.length === free) continue;
      } catch (e) {
        log.error("[jobs] claiming jobs failed; trying again shortly", e);
      }
      if (running) await sleep(pollMs);
      // Jobs that finish together free their slots together: one claim refills them all.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  return {
    owner,
    /** Runs continuously until stop(). Starting twice does nothing. */
    start() {
      if (running) return;
      running = true;
      loop = runLoop();
    },
    /**
     * Stops claiming, then waits for the jobs in hand (at most `stopGraceMs`, default 10 s).
     * Jobs still running after that keep their leases until they expire and are retried elsewhere.
     */
    async stop(): Promise<void> {
      running = false;
      wakeUp?.();
      await loop;
      const grace = options.stopGraceMs ?? 10_000;
      const settled = await Promise.race([Promise.allSettled([...inFlight]).then(() => true), new Promise<false>((r) => setTimeout(() => r(false), grace).unref())]);
      if (!settled) {
        hardStop.abort(new Error("The runner stopped."));
        log.warn(`[jobs] stopped with ${inFlight.size} job(s) still running; they run again when their leases expire`);
      }
    },
    /** Looks for due jobs now rather than at the next poll (something was just queued). */
    wake() {
      wakeUp?.();
    },
    /**
     * Runs what is due, one batch after another, until nothing is due or `budgetMs` has passed,
     * and waits for those jobs. For hosts that only allow cron, and for tests.
     */
    async tick({ budgetMs = 10_000 }: { budgetMs?: number } = {}): Promise<TickReport> {
      const before = report;
      report = emptyReport();
      const started = Date.now();
      try {
        await maintain(true);
        for (;;) {
          const claimed = await claim(concurrency);
          report.claimed += claimed.length;
          claimed.forEach(launch);
          await Promise.allSettled([...inFlight]);
          if (claimed.length === 0 || Date.now() - started >= budgetMs) break;
        }
        return report;
      } finally {
        report = mergeReports(before, report);
      }
    },
    /** Totals since the runner was made. */
    stats(): TickReport {
      return { ...report };
    },
  };
}

function emptyReport(): TickReport {
  return { claimed: 0, done: 0, retrying: 0, dead: 0, lost: 0, deferred: 0 };
}

function mergeReports(a: TickReport, b: TickReport): TickReport {
  return { claimed: a.claimed + b.claimed, done: a.done + b.done, retrying: a.retrying + b.retrying, dead: a.dead + b.dead, lost: a.lost + b.lost, deferred: a.deferred + b.deferred };
}
