/**
 * The two consoles the e2e suite runs against, each with its own port, database and SMTP log:
 * one fully offline (every spec but the model ones), one whose model is a loopback
 * OpenAI-compatible stub with real prices (specs named `model-*.spec.ts`).
 */
export type E2eServer = {
  /** Playwright project name. */
  name: "offline" | "model" | "fuzz" | "campaigns";
  port: number;
  /** Recreated on every run; the console's SQLite file and auth secret live here. */
  dataDir: string;
  smtpLog: string;
};

export const OFFLINE_SERVER: E2eServer = {
  name: "offline",
  port: Number(process.env.E2E_PORT ?? 3100),
  dataDir: ".test-output/e2e-data",
  smtpLog: ".test-output/e2e-smtp/messages.jsonl",
};

export const MODEL_SERVER: E2eServer = {
  name: "model",
  port: Number(process.env.E2E_MODEL_PORT ?? 3101),
  dataDir: ".test-output/e2e-model-data",
  smtpLog: ".test-output/e2e-model-smtp/messages.jsonl",
};

/** The fuzz suite's own console, so its "nothing was written" counts see no other spec's writes. */
export const FUZZ_SERVER: E2eServer = {
  name: "fuzz",
  port: Number(process.env.E2E_FUZZ_PORT ?? 3102),
  dataDir: ".test-output/e2e-fuzz-data",
  smtpLog: ".test-output/e2e-fuzz-smtp/messages.jsonl",
};

/**
 * The campaign spec's own console: its process clock can be moved forward (e2e/shifted-clock.mjs
 * reads `clockFile`), which no other spec should see.
 */
export const CAMPAIGN_SERVER: E2eServer & { clockFile: string } = {
  name: "campaigns",
  port: Number(process.env.E2E_CAMPAIGN_PORT ?? 3103),
  dataDir: ".test-output/e2e-campaign-data",
  smtpLog: ".test-output/e2e-campaign-smtp/messages.jsonl",
  clockFile: ".test-output/e2e-campaign-clock",
};

/** Specs that run against CAMPAIGN_SERVER only. */
export const CAMPAIGN_SPECS = /campaigns\.spec\.ts$/;

/** The campaign console's inbound webhook token, for replies in the campaign spec. */
export const CAMPAIGN_INBOUND_TOKEN = "campaign-inbound-token-0123456789abcdef";

/** The fuzz console's inbound webhook token, so the suite reaches the webhook's parsing. */
export const FUZZ_INBOUND_TOKEN = "fuzz-inbound-token-0123456789abcdef";

/** The fuzz console's cron tick token, so the suite reaches the tick route's handling too. */
export const FUZZ_TICK_TOKEN = "fuzz-tick-token-0123456789abcdef01";

/** Specs that run against FUZZ_SERVER only. */
export const FUZZ_SPECS = /fuzz[^/]*\.spec\.ts$/;

/** The specs that need a model: they run against MODEL_SERVER only, every other spec against OFFLINE_SERVER only. */
export const MODEL_SPECS = /model-[^/]*\.spec\.ts$/;

/** The priced model the stub pretends to be, so every call has a real, non-zero cost. */
export const E2E_MODEL = "deepseek-chat";

export const baseUrlOf = (server: E2eServer) => `http://127.0.0.1:${server.port}`;

/**
 * Bearer secret of each e2e console's embedded runtime (/api/langgraph), so a spec can drive its
 * graphs with the official SDK the way Agent Inbox or another service would.
 */
export const E2E_RUNTIME_SECRET = "e2e-runtime-secret-0123456789abcdef-0123";

/** The undo window of the offline and model consoles (SEND_DELAY_SECONDS), in seconds. */
export const E2E_SEND_DELAY_SECONDS = 6;
