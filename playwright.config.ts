import { defineConfig } from "@playwright/test";
import { baseUrlOf, CAMPAIGN_INBOUND_TOKEN, CAMPAIGN_SERVER, CAMPAIGN_SPECS, E2E_RUNTIME_SECRET, E2E_SEND_DELAY_SECONDS, FUZZ_INBOUND_TOKEN, FUZZ_SERVER, FUZZ_TICK_TOKEN, FUZZ_SPECS, MODEL_SERVER, MODEL_SPECS, OFFLINE_SERVER, type E2eServer } from "./e2e/servers";

/**
 * One `next start` per server in e2e/servers.ts, from the same build: a fresh database and a real
 * SMTP server on loopback each (e2e/web-server.ts); the model server also gets a loopback model.
 */
function webServer(server: E2eServer, env: Record<string, string> = {}) {
  return {
    command: "npx tsx e2e/web-server.ts",
    url: `${baseUrlOf(server)}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe" as const,
    env: {
      E2E_PORT: String(server.port),
      E2E_DATA_DIR: server.dataDir,
      E2E_SMTP_LOG: server.smtpLog,
      DATABASE_URL: `file:./${server.dataDir}/sales.db`,
      DEMO_MODE: "true",
      LANGGRAPH_RUNTIME_SECRET: E2E_RUNTIME_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  outputDir: ".test-output/e2e-artifacts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".test-output/e2e-results.json" }]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    browserName: "chromium",
    launchOptions: {
      // Debian's Chromium, installed by scripts/ensure-chromium.sh; Playwright never downloads one.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: OFFLINE_SERVER.name, testIgnore: [MODEL_SPECS, FUZZ_SPECS, CAMPAIGN_SPECS], use: { baseURL: baseUrlOf(OFFLINE_SERVER) } },
    { name: MODEL_SERVER.name, testMatch: MODEL_SPECS, use: { baseURL: baseUrlOf(MODEL_SERVER) } },
    { name: FUZZ_SERVER.name, testMatch: FUZZ_SPECS, use: { baseURL: baseUrlOf(FUZZ_SERVER) } },
    { name: CAMPAIGN_SERVER.name, testMatch: CAMPAIGN_SPECS, use: { baseURL: baseUrlOf(CAMPAIGN_SERVER) } },
  ],
  webServer: [
    // A short undo window: long enough to press Undo in a spec, short enough that specs waiting for mail stay quick.
    webServer(OFFLINE_SERVER, { SEND_DELAY_SECONDS: String(E2E_SEND_DELAY_SECONDS) }),
    webServer(MODEL_SERVER, { E2E_MODEL_STUB: "1", SEND_DELAY_SECONDS: String(E2E_SEND_DELAY_SECONDS) }),
    webServer(FUZZ_SERVER, { INBOUND_TOKEN: FUZZ_INBOUND_TOKEN, JOBS_TICK_TOKEN: FUZZ_TICK_TOKEN }),
    webServer(CAMPAIGN_SERVER, { E2E_CLOCK_FILE: CAMPAIGN_SERVER.clockFile, INBOUND_TOKEN: CAMPAIGN_INBOUND_TOKEN, SEND_DELAY_SECONDS: String(E2E_SEND_DELAY_SECONDS), JOBS_POLL_MS: "250" }),
  ],
});
