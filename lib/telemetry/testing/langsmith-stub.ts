import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One run as LangSmith's multipart ingest received it (a `post.<id>` or `patch.<id>` part). */
export type IngestedRun = { op: "post" | "patch"; id: string; [field: string]: unknown };

export type LangsmithStub = {
  url: string;
  /** Every run part received, in order. */
  runs: IngestedRun[];
  /** Requests by path (`/info`, `/runs/multipart`, `/sessions`…), answered or not. */
  hits: string[];
  close(): Promise<void>;
};

export const STUB_TENANT_ID = "00000000-0000-4000-8000-00000000aaaa";
export const STUB_PROJECT_ID = "00000000-0000-4000-8000-00000000bbbb";

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A loopback stand-in for the LangSmith API: `GET /info`, `POST /runs/multipart` (parsed into
 * runs), `GET /sessions?name=` (one project). With `hang: true` it accepts every request and
 * never answers, like an endpoint that stopped responding.
 */
export async function startLangsmithStub(options: { hang?: boolean } = {}): Promise<LangsmithStub> {
  const runs: IngestedRun[] = [];
  const hits: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://stub");
    hits.push(url.pathname);
    if (options.hang) return;
    const body = await readBody(req);
    const json = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    if (req.method === "GET" && url.pathname === "/info") return json(200, { version: "0.0.0-stub", batch_ingest_config: {}, instance_flags: {} });
    if (req.method === "GET" && url.pathname === "/sessions") {
      return json(200, [{ id: STUB_PROJECT_ID, tenant_id: STUB_TENANT_ID, name: url.searchParams.get("name") ?? "default" }]);
    }
    if (req.method === "POST" && url.pathname === "/runs/multipart") {
      const form = await new Request("http://stub/", { method: "POST", headers: { "content-type": String(req.headers["content-type"]) }, body: new Uint8Array(body) }).formData();
      for (const [name, value] of form.entries()) {
        const [op, id, field] = name.split(".");
        if ((op !== "post" && op !== "patch") || !id) continue;
        const text = typeof value === "string" ? value : await value.text();
        let run = runs.find((r) => r.op === op && r.id === id);
        if (!run) runs.push((run = { op, id }));
        if (field) run[field] = JSON.parse(text) as unknown;
        else Object.assign(run, JSON.parse(text) as object);
      }
      return json(202, {});
    }
    return json(404, { detail: `stub has no ${req.method} ${url.pathname}` });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error("[langsmith-stub] request failed", e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    runs,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
