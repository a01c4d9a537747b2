/**
 * The e2e web server: a fresh database, a real SMTP server on loopback, then `next start` with
 * SMTP_URL pointing at it. Playwright's webServer runs this script and stops it after the tests.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { startSmtpSink } from "./smtp-sink";

const port = process.env.E2E_PORT ?? "3100";
const dataDir = process.env.E2E_DATA_DIR ?? ".test-output/e2e-data";

rmSync(dataDir, { recursive: true, force: true });
const smtp = await startSmtpSink();
console.log(`[e2e] SMTP server on 127.0.0.1:${smtp.port}`);

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const next = spawn(process.execPath, [nextBin, "start", "--port", port, "--hostname", "127.0.0.1"], {
  stdio: "inherit",
  env: { ...process.env, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` },
});

let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  next.kill(signal);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal));

next.on("exit", (code, signal) => {
  void smtp.close().finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
