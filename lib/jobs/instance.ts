import { db } from "@/db/client";
import { env } from "@/lib/env";
import { graphClient } from "@/lib/langgraph/instance";
import { governance, mailTransport } from "@/lib/mail";
import { JOB_SPECS, type JobSpecs } from "./catalog";
import { consoleJobs } from "./handlers";
import { createJobQueue, type JobQueue } from "./queue";
import { createJobRunner, type JobRunner } from "./runner";

// Kept on globalThis so dev-server reloads reuse one runner instead of starting another.
const holder = globalThis as unknown as { __jobQueue?: JobQueue<JobSpecs>; __jobRunner?: JobRunner };

/** The console's job queue; queuing also wakes this process's runner, if it runs one. */
export function jobQueue(): JobQueue<JobSpecs> {
  holder.__jobQueue ??= createJobQueue({ database: db(), specs: JOB_SPECS, onEnqueue: () => holder.__jobRunner?.wake() });
  return holder.__jobQueue;
}

/** This process's runner over every job kind, configured from the environment (not started). */
export function jobRunner(options: { keepAlive?: boolean } = {}): JobRunner {
  if (holder.__jobRunner) return holder.__jobRunner;
  const { JOBS_CONCURRENCY, JOBS_POLL_MS, SMTP_FROM } = env();
  const { kinds, periodic } = consoleJobs({ database: db(), mail: { transport: mailTransport(), from: SMTP_FROM }, queue: jobQueue(), graphs: graphClient(), governor: governance() });
  holder.__jobRunner = createJobRunner({ database: db(), kinds, periodic, concurrency: JOBS_CONCURRENCY, pollMs: JOBS_POLL_MS, keepAlive: options.keepAlive });
  return holder.__jobRunner;
}

/** Starts this process's runner (console start-up, `npm run worker`). */
export function startJobs(options: { keepAlive?: boolean } = {}): JobRunner {
  const runner = jobRunner(options);
  runner.start();
  return runner;
}

/** Stops this process's runner, if it made one, letting running jobs finish. */
export async function stopJobs(): Promise<void> {
  await holder.__jobRunner?.stop();
}

/** Nudges this process's runner to look for due jobs now (something was just queued elsewhere). */
export function wakeJobs(): void {
  holder.__jobRunner?.wake();
}
