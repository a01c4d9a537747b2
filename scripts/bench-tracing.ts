// `npm run bench:tracing [-- --runs N --rounds R]`: email_orchestrator runs per second through the
// drafts service (the click: action span → typed client → embedded runtime in-process → 13 nodes →
// 3 model calls on a loopback stub), with tracing off, and on, exporting OTLP/JSON to a loopback
// receiver: every span (rate 1) and the default tail sampling (rate 0.1). OpenTelemetry registers
// once per process, so each measurement is its own child process on a copy of one seeded database.
// In each round the three modes run at the same time, so whatever else loads the machine loads
// them alike; each mode is judged by its ratio to "off" within a round, median over the rounds.
// Each child has its own model stub (a shared one would pace all three alike); the OTLP receiver
// lives in this parent process, as a collector would.
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "150" },
    rounds: { type: "string", default: "3" },
    child: { type: "string" },
    db: { type: "string" },
    offset: { type: "string", default: "0" },
  },
});
const RUNS = Number(flags.runs);
const ROUNDS = Number(flags.rounds);
const WARM_UP = 15;
const GOAL = 0.1;
const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const ADMIN = { id: "usr_demo_admin", name: "Ada Admin", email: "admin@demo.local", role: "admin" as const };

type Mode = "off" | "on, every span" | "on, rate 0.1";
const MODES: Mode[] = ["off", "on, every span", "on, rate 0.1"];
/** `cpuMsPerRun`: the console process's own CPU time per run, which other load on the machine barely moves. */
type Measured = { mode: Mode; runs: number; seconds: number; perSecond: number; p50: number; p95: number; cpuMsPerRun: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/** The model's answers for the orchestrator's three calls: a plan, the roles and a draft. */
function modelStub() {
  return import("@/lib/llm/testing/stub-server").then(({ startStubServer }) =>
    startStubServer({
      handler: (body) => {
        const prompt = String(body.messages[0]?.content ?? "");
        if (prompt.startsWith("You plan the next steps")) return { content: JSON.stringify({ tasks: ["qualify", "analyze_opportunity", "compose"] }) };
        if (prompt.startsWith("Pick the roles")) return { content: JSON.stringify({ roles: ["researcher", "composer"] }) };
        return { content: JSON.stringify({ subject: "A note on your stores", body: "Hi,\n\nA short grounded note.\n\nBest,\nAda" }) };
      },
    }),
  );
}

/** One measurement: `--child <mode>`; env (database, OTLP) is set by the parent. */
async function child(mode: Mode): Promise<void> {
  const stub = await modelStub();
  // Before anything reads the environment (instrumentation.ts parses it first).
  Object.assign(process.env, { LLM_BASE_URL: stub.url, LLM_MODEL: "stub-model", DEEPSEEK_API_KEY: "" });
  const { register } = await import("@/instrumentation");
  await register();
  const { db } = await import("@/db/client");
  const { sql } = await import("drizzle-orm");
  const { draftOutreach } = await import("@/lib/services/drafts");
  const { flushTracing } = await import("@/lib/telemetry/register");
  const fresh = await db().all<{ id: number }>(sql`
    SELECT c.id FROM contacts c WHERE c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
      AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id)
    ORDER BY c.id LIMIT ${WARM_UP + RUNS} OFFSET ${Number(flags.offset)}`);
  if (fresh.length < WARM_UP + RUNS) throw new Error(`Only ${fresh.length} fresh contacts; seed more`);
  const draft = async (contactId: number) => {
    const [result] = await draftOutreach(ADMIN, [contactId]);
    if (result?.status !== "drafted") throw new Error(`Run for contact ${contactId} did not draft: ${JSON.stringify(result)}`);
  };
  for (const { id } of fresh.slice(0, WARM_UP)) await draft(id);
  await flushTracing();
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const { id } of fresh.slice(WARM_UP)) {
    const t0 = performance.now();
    await draft(id);
    latencies.push(performance.now() - t0);
  }
  // Spans still queued for export are part of tracing's cost.
  await flushTracing();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const measured: Measured = {
    mode,
    runs: RUNS,
    seconds,
    perSecond: RUNS / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    cpuMsPerRun: (used.user + used.system) / 1000 / RUNS,
  };
  console.log(JSON.stringify(measured));
  db().$client.close();
  await stub.close();
}

async function parent(): Promise<void> {
  const { startOtlpReceiver } = await import("@/lib/telemetry/testing/otlp-receiver");
  const { openDatabase } = await import("@/db/client");
  const { applyMigrations } = await import("@/db/migrate");
  const { seedDatabase } = await import("@/db/seed/seed");

  const dir = mkdtempSync(join(tmpdir(), "sales-bench-tracing-"));
  const template = join(dir, "template.db");
  const perChild = WARM_UP + RUNS;
  const contacts = Math.ceil((perChild * 1.6) / 10) * 10;
  console.error(`seeding ${contacts} contacts …`);
  const seeded = await openDatabase(`file:${template}`);
  await applyMigrations(seeded);
  await seedDatabase(seeded, { companies: 40, contacts, emails: 20, anchor: new Date() });
  // Every measured run drafts (none stops at the safety gate), so every run is the same work.
  await seeded.$client.execute("DELETE FROM suppression");
  // Into the main file, so a plain file copy carries everything.
  await seeded.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  seeded.$client.close();

  const receiver = await startOtlpReceiver();
  const load = loadavg()[0]!.toFixed(2);

  const measure = (mode: Mode, round: number) =>
    new Promise<Measured & { spans: number }>((resolve, reject) => {
      const database = join(dir, `${round}-${MODES.indexOf(mode)}.db`);
      copyFileSync(template, database);
      // Each child names itself, so the receiver's spans are counted per child.
      const service = `bench-${round}-${MODES.indexOf(mode)}`;
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: `file:${database}`,
        DEMO_MODE: "false",
        NEXT_RUNTIME: "nodejs",
        SMTP_URL: undefined,
        LANGSMITH_API_KEY: undefined,
        LANGGRAPH_API_URL: undefined,
        OTEL_SERVICE_NAME: service,
        OTEL_EXPORTER_OTLP_ENDPOINT: mode === "off" ? undefined : receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_TAIL_SAMPLE_RATE: mode === "on, every span" ? "1" : "0.1",
      };
      const proc = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench-tracing.ts", "--child", mode, "--runs", String(RUNS)], {
        cwd: REPO_ROOT,
        env,
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      proc.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      proc.on("exit", (code) => {
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (code !== 0 || !line) return reject(new Error(`bench child (${mode}) exited with ${code}: ${out}`));
        const spans = receiver.spans.filter((x) => x.resource["service.name"] === service).length;
        resolve({ ...(JSON.parse(line) as Measured), spans });
      });
    });

  const rounds: (Measured & { spans: number })[][] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const measured = await Promise.all(MODES.map((mode) => measure(mode, round)));
      for (const r of measured) {
        console.error(`  round ${round} ${r.mode.padEnd(16)} ${r.perSecond.toFixed(1)} runs/s  p50 ${r.p50.toFixed(1)} ms  cpu ${r.cpuMsPerRun.toFixed(1)} ms/run  spans ${r.spans}`);
      }
      rounds.push(measured);
    }
  } finally {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const of = (round: (Measured & { spans: number })[], mode: Mode) => round.find((r) => r.mode === mode)!;
  const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
  console.log(`\nemail_orchestrator via draftOutreach (in-process runtime, 3 model calls on a loopback stub in the same process), ${RUNS} sequential runs per`);
  console.log(`process after ${WARM_UP} warm-up runs; ${ROUNDS} rounds, the three modes side by side in each. Node ${process.version}, ${availableParallelism()} CPUs.`);
  console.log(`Load average (1 min) at start → end: ${load} → ${loadavg()[0]!.toFixed(2)}\n`);
  console.log(`${"mode".padEnd(18)}${"runs/s".padStart(8)}${"p50 ms".padStart(9)}${"CPU ms/run".padStart(12)}${"spans/run".padStart(11)}${"throughput vs off".padStart(19)}${"CPU vs off".padStart(12)}`);
  const verdicts: string[] = [];
  for (const mode of MODES) {
    const mine = rounds.map((round) => of(round, mode));
    const slower = median(rounds.map((round) => 1 - of(round, mode).perSecond / of(round, "off").perSecond));
    const cpu = median(rounds.map((round) => of(round, mode).cpuMsPerRun / of(round, "off").cpuMsPerRun - 1));
    console.log(
      `${mode.padEnd(18)}${median(mine.map((r) => r.perSecond)).toFixed(1).padStart(8)}${median(mine.map((r) => r.p50)).toFixed(1).padStart(9)}` +
        `${median(mine.map((r) => r.cpuMsPerRun)).toFixed(1).padStart(12)}${(median(mine.map((r) => r.spans)) / (RUNS + WARM_UP)).toFixed(1).padStart(11)}` +
        `${(mode === "off" ? "" : pct(-slower)).padStart(19)}${(mode === "off" ? "" : pct(cpu)).padStart(12)}`,
    );
    if (mode !== "off") verdicts.push(`  ${mode}: ${(slower * 100).toFixed(1)}% slower than off (median of per-round ratios; goal ≤ ${GOAL * 100}%: ${slower <= GOAL ? "met" : "MISSED"})`);
  }
  console.log(verdicts.join("\n"));
}

if (flags.child) await child(flags.child as Mode);
else await parent();
