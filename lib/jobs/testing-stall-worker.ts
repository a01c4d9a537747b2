/**
 * A job worker for kill -9 tests, run as its own process: the console's real delivery job with a
 * short lease (1.5 s) and one slot, whose send never finishes, so a test can kill it mid-job.
 * `local`: it hangs before the commit that delivers to the local outbox. `smtp`: it hands the
 * message to SMTP_URL for real (a server that never answers the data). Prints "[stall] ready" and
 * "[stall] sending <outbox id>".
 */
import type { MailTransport } from "@/lib/mail/transport";

const mode = process.argv[2];
if (mode !== "local" && mode !== "smtp") throw new Error("usage: testing-stall-worker.ts local|smtp");

const { env } = await import("@/lib/env");
const { db } = await import("@/db/client");
const { graphClient } = await import("@/lib/langgraph/instance");
const { createTransport } = await import("@/lib/mail/transport");
const { governance } = await import("@/lib/mail");
const { consoleJobs } = await import("./handlers");
const { jobQueue } = await import("./instance");
const { createJobRunner } = await import("./runner");

const smtp = mode === "smtp" ? createTransport(env().SMTP_URL) : null;
const transport: MailTransport = {
  kind: mode,
  async send(mail) {
    console.log(`[stall] sending ${mail.messageId}`);
    if (smtp) return smtp.send(mail);
    return new Promise<void>(() => {});
  },
};
const { kinds } = consoleJobs({ database: db(), mail: { transport, from: env().SMTP_FROM }, queue: jobQueue(), graphs: graphClient(), governor: governance() });
const runner = createJobRunner({ database: db(), kinds: { outbox_deliver: { ...kinds.outbox_deliver, leaseMs: 1_500 } }, concurrency: 1, pollMs: 100, keepAlive: true });
runner.start();
console.log(`[stall] ready ${runner.owner}`);
