/**
 * `npm run worker`: runs the console's background jobs (mail delivery, memory reflection) in a
 * process of its own, against the console's database (DATABASE_URL). Run as many as you like,
 * beside the console or instead of its in-process runner (JOBS_IN_PROCESS=false): each job is
 * claimed by one of them only. SIGTERM / SIGINT stop it cleanly: no new claims, running jobs
 * finish, then it exits.
 */
import { db, enableWal } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { startJobs, stopJobs } from "@/lib/jobs/instance";
import { env } from "@/lib/env";

await enableWal(db());
await applyMigrations(db());
const runner = startJobs({ keepAlive: true });
const { JOBS_CONCURRENCY, JOBS_POLL_MS } = env();
console.log(`[worker] ready ${runner.owner} (concurrency ${JOBS_CONCURRENCY}, poll ${JOBS_POLL_MS} ms)`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing the jobs in hand`);
    void stopJobs().then(
      () => {
        const cpu = process.cpuUsage();
        console.log(`[worker] stopped ${JSON.stringify({ ...runner.stats(), cpuMs: Math.round((cpu.user + cpu.system) / 1000) })}`);
        db().$client.close();
        process.exit(0);
      },
      (e: unknown) => {
        console.error("[worker] stopping failed", e);
        process.exit(1);
      },
    );
  });
}
