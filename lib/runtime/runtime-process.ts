import { spawn, type ChildProcess } from "node:child_process";
import { homedir, tmpdir } from "node:os";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Client } from "@langchain/langgraph-sdk";
import type { RecoveryReport } from "./recovery";

const ENTRY = fileURLToPath(new URL("./server-process.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export type RuntimeProcess = {
  url: string;
  pid: number;
  owner: string;
  /** What its start-up recovery settled. */
  recovered: RecoveryReport;
  /** The official SDK, pointed at it. */
  client: Client;
  token: string;
  /** Kills it with SIGKILL (no clean-up of any kind) and waits until it is gone. */
  kill(): Promise<void>;
  /** Its stderr so far, for failure messages. */
  log(): string;
};

export type RuntimeProcessOptions = {
  /** `file:` URL of a migrated database. */
  databaseUrl: string;
  registry: "test" | "fleet";
  token: string;
  leaseMs?: number;
  /** More of the console's variables for the child (everything else of ours is cleared). */
  env?: Record<string, string>;
  startupTimeoutMs?: number;
};

/**
 * Starts the runtime as a real child process (`server-process.ts` under tsx) on a database file
 * and waits until it has recovered and listens.
 */
export async function startRuntimeProcess(options: RuntimeProcessOptions): Promise<RuntimeProcess> {
  // A fresh environment, not ours: no model key, SMTP URL or tracing endpoint of a developer's shell leaks in.
  const childEnv: NodeJS.ProcessEnv = {
    PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: homedir(),
    TMPDIR: tmpdir(),
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    LANGGRAPH_RUNTIME_SECRET: options.token,
    DEMO_MODE: "false",
    ...options.env,
  };
  const args = ["--import", "tsx", ENTRY, "--registry", options.registry, ...(options.leaseMs ? ["--lease-ms", String(options.leaseMs)] : [])];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: childEnv, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = await firstLine(child, options.startupTimeoutMs ?? 30_000, () => stderr);
  const { url, pid, owner, recovered } = JSON.parse(ready) as { url: string; pid: number; owner: string; recovered: RecoveryReport };
  const client = new Client({ apiUrl: url, apiKey: null, defaultHeaders: { Authorization: `Bearer ${options.token}` }, callerOptions: { maxRetries: 0 } });
  return {
    url, pid, owner, recovered, client, token: options.token,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    log: () => stderr,
  };
}

async function firstLine(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`The runtime process did not start within ${timeoutMs} ms.\n${stderr()}`));
      }, timeoutMs);
      lines.on("line", (line) => {
        if (!line.startsWith("{")) return;
        clearTimeout(timer);
        resolve(line);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The runtime process exited (${signal ?? `code ${code}`}) before it listened.\n${stderr()}`));
      });
    });
  } finally {
    // Later stdout is drained, never read, so the child never blocks on a full pipe.
    child.stdout!.resume();
  }
}
