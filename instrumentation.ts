/**
 * Runs once when the server starts: registers tracing when an exporter is configured, then
 * applies pending migrations and, in demo mode, seeds an empty database, then starts the
 * background job runner (unless JOBS_IN_PROCESS is off).
 */
export async function register() {
  // NEXT_RUNTIME is a build-time constant that Next inlines, so the edge bundle drops the
  // Node-only imports below; reading it through lib/env would defeat that.
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  // Before the first request: sign-in limits tell clients apart by the socket's address.
  const { recordPeerAddresses } = await import("@/lib/http/peer-address");
  await recordPeerAddresses();
  // First, so every module loaded after it sees the instrumented fetch. Tracing is optional:
  // a failure to set it up is a warning, never a failed boot.
  if (env().OTEL_EXPORTER_OTLP_ENDPOINT) {
    try {
      const { registerTracing } = await import("@/lib/telemetry/register");
      await registerTracing(env());
    } catch (e) {
      console.warn("[tracing] OpenTelemetry was not registered; the console runs untraced", e);
    }
  }
  const [{ db }, { prepareDatabase }] = await Promise.all([import("@/db/client"), import("@/db/setup")]);
  const seeded = await prepareDatabase(db(), { demo: env().DEMO_MODE });
  if (seeded) {
    console.log(
      `[db] demo data seeded: ${seeded.companies} companies, ${seeded.contacts} contacts, ${seeded.emails} emails`,
    );
  }
  // Runs a killed or crashed process left running: settled now, so no thread stays busy forever.
  try {
    const { recoverEmbeddedRuns } = await import("@/lib/runtime/instance");
    await recoverEmbeddedRuns();
  } catch (e) {
    console.error("[runtime] start-up recovery of interrupted runs failed; the periodic sweep retries it", e);
  }
  await startJobRunner(env().JOBS_IN_PROCESS);
}

/**
 * Background jobs run inside the console unless a deployment runs them elsewhere. On SIGTERM or
 * SIGINT the runner stops claiming at once and lets running jobs finish while the process winds
 * down (Next.js exits on its own handler); a job cut off anyway runs again when its lease expires.
 * Alone on the signal (NEXT_MANUAL_SIG_HANDLE), it re-raises it once the jobs are settled.
 */
async function startJobRunner(inProcess: boolean) {
  if (!inProcess) return;
  const { startJobs, stopJobs } = await import("@/lib/jobs/instance");
  startJobs();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void stopJobs().finally(() => {
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    });
  }
}
