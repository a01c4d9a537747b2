import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
/** The e2e server's own database, recreated for every run. */
export const E2E_DATA_DIR = ".test-output/e2e-data";

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
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    browserName: "chromium",
    launchOptions: {
      // Debian's Chromium, installed by scripts/ensure-chromium.sh; Playwright never downloads one.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    // A fresh database, a real SMTP server on loopback (e2e/smtp-sink.ts), then `next start`.
    command: "npx tsx e2e/web-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      E2E_PORT: String(PORT),
      E2E_DATA_DIR,
      DATABASE_URL: `file:./${E2E_DATA_DIR}/sales.db`,
      DEMO_MODE: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
