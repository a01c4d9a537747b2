import { z } from "zod";

/**
 * The one place `process.env` is read. Every variable the console understands is declared here,
 * with its default; README's configuration table mirrors this schema.
 */
const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1"));

/** An empty value counts as unset (OpenTelemetry's convention for its OTEL_* variables). */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const EnvShape = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** libSQL URL: `file:./data/sales.db` (embedded default) or `libsql://…` for a server. */
    DATABASE_URL: z.string().min(1).default("file:./data/sales.db"),
    /** Auth token for a remote libSQL server (Turso). */
    DATABASE_AUTH_TOKEN: z.string().optional(),
    /** Secret that signs sessions (≥ 32 chars). Generated and kept under ./data in demo mode when unset. */
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    /** Public base URL of the console, used for auth callbacks and trusted origins. */
    APP_URL: z.string().url().optional(),
    /** Demo mode: seed demo data and users into an empty database and show their credentials on sign-in. */
    DEMO_MODE: bool,
    /** Where graphs run: a LangGraph server / Platform URL. Unset: the console's embedded runtime, in-process. */
    LANGGRAPH_API_URL: z.string().url().optional(),
    /** `x-api-key` for a LangGraph Platform deployment at LANGGRAPH_API_URL. */
    LANGGRAPH_API_KEY: z.string().optional(),
    /**
     * Bearer secret of the embedded runtime's HTTP API (/api/langgraph), also sent by the client when
     * LANGGRAPH_API_URL points at another console. Unset: only this process's own token is accepted.
     */
    LANGGRAPH_RUNTIME_SECRET: z.string().min(32, "LANGGRAPH_RUNTIME_SECRET must be at least 32 characters").optional(),
    /** Most graph runs one console process has in flight at once. */
    LANGGRAPH_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    /** DeepSeek API key: model calls go to DeepSeek (`DEEPSEEK_MODEL`, default deepseek-chat). */
    DEEPSEEK_API_KEY: z.string().optional(),
    DEEPSEEK_MODEL: z.string().default("deepseek-chat"),
    /** Any OpenAI-compatible endpoint (Ollama, vLLM, a gateway): base URL, key and model. */
    LLM_BASE_URL: z.string().url().optional(),
    LLM_API_KEY: z.string().optional(),
    LLM_MODEL: z.string().optional(),
    /** Stops every model call; nodes take their deterministic path. Admins can also flip it in the console. */
    LLM_KILL_SWITCH: bool,
    /** Most tokens (in + out) one graph run may spend across all its model calls. */
    LLM_MAX_TOKENS_PER_RUN: z.coerce.number().int().min(100).default(12_000),
    /** Longest one model call may take. */
    LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(45_000),
    /** SMTP server for outgoing mail (`smtp://user:pass@host:587`). Unset: mail is delivered to the console's local outbox. */
    SMTP_URL: z.string().url().optional(),
    /** The From address of outgoing mail. */
    SMTP_FROM: z.string().default("Sales Console <outreach@sales-console.local>"),
    /** Bearer token for POST /api/inbound (the mail gateway's webhook). Unset: inbound mail is refused. */
    INBOUND_TOKEN: z.string().min(24, "INBOUND_TOKEN must be at least 24 characters").optional(),
    /** Run background jobs (mail delivery, memory reflection) inside the console process. Off: run `npm run worker` or call POST /api/jobs/tick instead. */
    JOBS_IN_PROCESS: bool.transform((v) => v ?? true),
    /** Jobs one process (console or worker) runs at once. */
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** How often an idle job runner looks for due jobs, in milliseconds. */
    JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    /**
     * The undo window: seconds an email approved in the console waits ("sending in 20 s — Undo")
     * before anything in the send path runs. 0 turns the window off (the approval sends at once).
     */
    SEND_DELAY_SECONDS: z.coerce.number().int().min(0).max(3_600).default(20),
    /**
     * The send governor's window in the recipient's local time: `always`, or ISO days and hours
     * such as `Mon-Fri 09:00-17:00` or `Mon,Wed,Fri 10:00-16:00`. Unset: `Mon-Fri 09:00-17:00`,
     * except in demo mode, where it is `always` (a demo approves at any hour and expects the mail).
     */
    SEND_WINDOW: z.string().trim().min(1).optional(),
    /** `public`: no sends on the recipient country's public holidays; `none`: holidays ignored. Unset: `public` (`none` in demo mode). */
    SEND_HOLIDAYS: z.enum(["public", "none"]).optional(),
    /** Most sends from one mailbox in one of its local days. */
    SEND_MAILBOX_DAILY_CAP: z.coerce.number().int().min(1).max(10_000).default(50),
    /** Most sends to one recipient domain, from any mailbox, in one of the recipient's local days. */
    SEND_DOMAIN_DAILY_CAP: z.coerce.number().int().min(1).max(10_000).default(10),
    /** Least seconds between two sends from one mailbox. Unset: 120 (0 in demo mode). */
    SEND_MIN_GAP_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
    /** Least hours between two emails to one contact (a reply to a newer message of theirs is exempt); 0 turns it off. */
    SEND_CONTACT_GAP_HOURS: z.coerce.number().int().min(0).max(720).default(24),
    /** IANA zone of the sending mailboxes: where a mailbox's day (its daily cap) begins, and the zone of a recipient nothing locates. */
    SENDER_TIMEZONE: z
      .string()
      .trim()
      .min(1)
      .default("UTC")
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat("en", { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, "SENDER_TIMEZONE must be an IANA time zone such as Europe/Berlin"),
    /** Bearer token for POST /api/jobs/tick (one round of due jobs, for hosts that only allow cron). Unset: the endpoint is off. */
    JOBS_TICK_TOKEN: z.string().min(24, "JOBS_TICK_TOKEN must be at least 24 characters").optional(),
    /**
     * OTLP/HTTP collector base URL (`http://collector:4318`); spans go to `<url>/v1/traces`.
     * Unset: no tracing is registered at all and global fetch is left alone.
     */
    OTEL_EXPORTER_OTLP_ENDPOINT: unsetWhenEmpty(z.string().url().optional()),
    /** OTLP encoding: `http/protobuf` or `http/json`. */
    OTEL_EXPORTER_OTLP_PROTOCOL: unsetWhenEmpty(z.enum(["http/protobuf", "http/json"]).default("http/protobuf")),
    /** Headers sent with every export, `key=value,key2=value2` (a hosted collector's API key). */
    OTEL_EXPORTER_OTLP_HEADERS: unsetWhenEmpty(z.string().optional()),
    /** `service.name` of every span. */
    OTEL_SERVICE_NAME: unsetWhenEmpty(z.string().default("sales-console")),
    /** Share (0–1) of routine traces exported, chosen by trace id; error and slow spans are always exported. */
    OTEL_TAIL_SAMPLE_RATE: unsetWhenEmpty(z.coerce.number().min(0).max(1).default(0.1)),
    /** A span lasting at least this many milliseconds is always exported. */
    OTEL_SLOW_SPAN_MS: unsetWhenEmpty(z.coerce.number().int().min(0).default(2_000)),
    /** LangSmith API key: graph runs are traced to LangSmith, nested under the caller's run. Unset: no LangSmith tracing. */
    LANGSMITH_API_KEY: unsetWhenEmpty(z.string().optional()),
    /** LangSmith API URL (self-hosted or EU). */
    LANGSMITH_ENDPOINT: unsetWhenEmpty(z.string().url().default("https://api.smith.langchain.com")),
    /** LangSmith project the runs are filed under. */
    LANGSMITH_PROJECT: unsetWhenEmpty(z.string().default("sales-console")),
    /** Daily model budget per graph in USD, unless an admin set one for that graph. */
    LLM_DAILY_BUDGET_USD: z.coerce.number().min(0).default(10),
    /**
     * Addresses of the reverse proxies in front of the console (comma-separated). Only a request
     * from one of them has its `X-Forwarded-For` read to find the client; unset, it is ignored.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.union([z.ipv4(), z.ipv6()], "TRUSTED_PROXIES must list IP addresses"))),
    /** Receives budget and kill-switch events as JSON POSTs (Slack-style webhooks work). */
    ALERT_WEBHOOK_URL: z.string().url().optional(),
    /** Largest lead CSV one upload may be, in bytes (a larger one gets 413 before it is kept). */
    IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(100 * 1024 * 1024),
    /** Where uploaded lead CSVs wait for their import job (removed when it ends); the worker must see the same directory. */
    IMPORT_DIR: z.string().min(1).default("./data/imports"),
  });

/** Every variable the console reads (tests clear them all before setting their own). */
export const ENV_KEYS = Object.keys(EnvShape.shape) as (keyof z.infer<typeof EnvShape>)[];

const EnvSchema = EnvShape
  .transform((e) => ({
    ...e,
    // Demo mode defaults on for the embedded file database and off for a remote server.
    DEMO_MODE: e.DEMO_MODE ?? e.DATABASE_URL.startsWith("file:"),
  }));

export type Env = z.infer<typeof EnvSchema>;

/** Parses an environment record; throws a readable error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The process environment, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
