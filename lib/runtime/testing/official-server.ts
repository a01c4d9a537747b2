import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@langchain/langgraph-sdk";
import { langgraphConfig } from "@/graphs/langgraph-json";
import type { Registry } from "@/graphs/spec";

/**
 * The official LangGraph dev server (`langgraphjs dev` from @langchain/langgraph-cli), started as
 * a reference to compare the embedded runtime with (compat test, benchmark). Never used by the app.
 *
 * The CLI rewrites the `.gitignore` beside its config and keeps state in `.langgraph_api/` there,
 * so it always runs from a fresh temp dir holding only a generated langgraph.json; graph entries
 * point back into this repository with paths relative to that dir. (Absolute entries load the
 * graph, but the CLI's module hook joins them onto its cwd to resolve @langchain/langgraph.)
 */
export type OfficialServer = {
  url: string;
  /** The temp dir the server runs in; removed by `stop`. */
  dir: string;
  client: Client;
  /** The end of the server's stdout/stderr, for failure messages. */
  logTail(chars?: number): string;
  /** Stops the whole process group (CLI → tsx watch → server) and removes the temp dir. */
  stop(): Promise<void>;
};

export type OfficialServerOptions = {
  /** Assistant ids to load; all of the registry's by default. */
  graphs?: readonly string[];
  /** The server logs every request at `debug`; a benchmark wants `warn`. */
  logLevel?: "debug" | "info" | "warn" | "error";
  /** The CLI compiles TypeScript and boots workers: 2–6 s here, far more on a loaded machine. */
  startupTimeoutMs?: number;
};

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startOfficialServer(registry: Registry, options: OfficialServerOptions = {}): Promise<OfficialServer> {
  const dir = mkdtempSync(join(tmpdir(), "langgraph-dev-"));
  const configPath = join(dir, "langgraph.json");
  writeFileSync(configPath, JSON.stringify(configFor(registry, dir, options.graphs), null, 2));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logPath = join(dir, "server.log");
  const log = openSync(logPath, "a");
  // Own process group, so one signal reaches the CLI and the tsx/server processes it spawns.
  const child = spawn(
    process.execPath,
    [cliPath(), "dev", "--no-browser", "--host", "127.0.0.1", "--port", String(port), "--config", configPath],
    { cwd: dir, detached: true, stdio: ["ignore", log, log], env: childEnv(options.logLevel ?? "info") },
  );
  closeSync(log);
  const pgid = child.pid;
  if (pgid === undefined) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error("langgraphjs dev did not start (no pid)");
  }
  child.unref();
  // If this process dies without calling stop() (a killed test worker, Ctrl-C on the bench), its
  // end of this pipe closes and the guard kills the server's group and removes the temp dir.
  const cleanup = `kill -9 -${pgid} 2>/dev/null; sleep 1; rm -rf '${dir}'`;
  const guard = spawn("/bin/sh", ["-c", `read _; ${cleanup}`], { detached: true, stdio: ["pipe", "ignore", "ignore"] });
  guard.unref();
  (guard.stdin as unknown as { unref(): void }).unref();
  let exited: string | undefined;
  child.once("exit", (code, signal) => (exited = signal ?? `code ${code}`));
  child.once("error", (e) => (exited = e.message));

  const logTail = (chars = 4_000) => {
    try {
      return readFileSync(logPath, "utf8").slice(-chars);
    } catch {
      return "(no log: the temp dir is gone)";
    }
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    signalGroup(pgid, "SIGTERM");
    if (!(await groupGone(pgid, 5_000))) {
      signalGroup(pgid, "SIGKILL");
      await groupGone(pgid, 2_000);
    }
    guard.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };

  try {
    await waitUntilReady(url, options.startupTimeoutMs ?? 60_000, () => exited);
  } catch (e) {
    const tail = logTail();
    await stop();
    throw new Error(`${(e as Error).message}\n--- langgraphjs dev log ---\n${tail}`);
  }
  const client = new Client({ apiUrl: url, apiKey: null, callerOptions: { maxRetries: 0 } });
  return { url, dir, client, logTail, stop };
}

/** langgraph.json for the temp dir: the registry's entries, rebased from the repo root onto `dir`. */
function configFor(registry: Registry, dir: string, ids?: readonly string[]) {
  const config = langgraphConfig(registry);
  const graphs = Object.entries(config.graphs)
    .filter(([id]) => !ids || ids.includes(id))
    .map(([id, entry]) => {
      const [file, symbol] = entry.split(":");
      return [id, `${relative(dir, resolve(REPO_ROOT, file!))}:${symbol ?? "default"}`];
    });
  return { ...config, graphs: Object.fromEntries(graphs) };
}

function cliPath() {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("@langchain/langgraph-cli/package.json");
  const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> };
  return join(dirname(manifest), bin.langgraphjs!);
}

/**
 * A fresh environment rather than ours: no API keys, LANGSMITH_* tracing, NODE_OPTIONS or proxy
 * settings leak in, and the CLI's analytics ping and LangSmith tracing stay off, so it runs offline.
 */
function childEnv(logLevel: string): NodeJS.ProcessEnv {
  return {
    // What the CLI sets for its server anyway; the CLI process itself does not read it.
    NODE_ENV: "development",
    PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: homedir(),
    TMPDIR: tmpdir(),
    LANGGRAPH_CLI_NO_ANALYTICS: "1",
    LANGSMITH_TRACING: "false",
    LANGCHAIN_TRACING_V2: "false",
    BROWSER: "none",
    LOG_LEVEL: logLevel,
    NO_COLOR: "1",
  };
}

/** A port free right now (the default 2024 may be taken); the CLI cannot listen on port 0. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitUntilReady(url: string, timeoutMs: number, exited: () => string | undefined) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited()) throw new Error(`langgraphjs dev exited (${exited()}) before answering /ok`);
    try {
      const response = await fetch(`${url}/ok`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet: keep polling until the deadline.
    }
    if (Date.now() > deadline) throw new Error(`langgraphjs dev did not answer ${url}/ok within ${timeoutMs} ms`);
    await sleep(200);
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw e;
  }
}

async function groupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (signalGroup(pgid, 0)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
