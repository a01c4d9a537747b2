/**
 * One e2e web server: a fresh database, a real SMTP server on loopback, with E2E_MODEL_STUB=1 a
 * loopback OpenAI-compatible model (e2e/model-stub.ts), then `next start` pointed at them.
 * Playwright's webServer runs this script once per server in playwright.config.ts and stops it after the tests.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { startStubServer } from "../lib/llm/testing/stub-server";
import { emailGraphsModel } from "./model-stub";
import { E2E_MODEL, OFFLINE_SERVER } from "./servers";
import { startSmtpSink } from "./smtp-sink";

const port = process.env.E2E_PORT ?? String(OFFLINE_SERVER.port);
const dataDir = process.env.E2E_DATA_DIR ?? OFFLINE_SERVER.dataDir;
const withModel = process.env.E2E_MODEL_STUB === "1";

rmSync(dataDir, { recursive: true, force: true });
const smtp = await startSmtpSink(process.env.E2E_SMTP_LOG ?? OFFLINE_SERVER.smtpLog);
console.log(`[e2e] SMTP server on 127.0.0.1:${smtp.port}`);
const model = withModel ? await startStubServer({ handler: emailGraphsModel }) : null;
if (model) console.log(`[e2e] model stub (${E2E_MODEL}) on ${model.url}`);

// The offline server must stay offline whatever the developer's shell exports.
const inherited = { ...process.env };
for (const key of ["LLM_BASE_URL", "LLM_MODEL", "LLM_API_KEY", "DEEPSEEK_API_KEY"]) delete inherited[key];
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
// The campaign console's clock moves when its spec writes the offset file (e2e/shifted-clock.mjs);
// the preload goes to `next start` alone, and starts at no offset.
const clockFile = process.env.E2E_CLOCK_FILE;
if (clockFile) rmSync(clockFile, { force: true });
const clockPreload = clockFile ? { NODE_OPTIONS: `${inherited.NODE_OPTIONS ?? ""} --import ${pathToFileURL(resolve("e2e/shifted-clock.mjs")).href}`.trim(), E2E_CLOCK_FILE: resolve(clockFile) } : {};
const next = spawn(process.execPath, [nextBin, "start", "--port", port, "--hostname", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...inherited,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    ...(model ? { LLM_BASE_URL: model.url, LLM_MODEL: E2E_MODEL, LLM_API_KEY: "e2e-stub-key" } : {}),
    ...clockPreload,
  },
});

let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  next.kill(signal);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal));

next.on("exit", (code, signal) => {
  void Promise.all([smtp.close(), model?.close()]).finally(() => process.exit(code ?? (signal ? 1 : 0)));
});
