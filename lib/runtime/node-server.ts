import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { Runtime } from "./runtime";

/**
 * Serves a runtime over plain Node HTTP (tests, benchmarks, a stand-alone graph server). The
 * console itself mounts the same `handle` under /api/langgraph in a Next.js route handler.
 */
export async function serveRuntime(runtime: Runtime, options: { port?: number; host?: string } = {}) {
  const server = createServer((req, res) => {
    void bridge(runtime, req, res);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function bridge(runtime: Runtime, req: IncomingMessage, res: ServerResponse) {
  const aborter = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) aborter.abort();
  });
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal: aborter.signal,
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
  const response = await runtime.handle(request, url.pathname);
  const outgoing = Object.fromEntries(response.headers);
  // A refused request (413) may leave body bytes unread; that connection cannot be reused.
  if (!req.complete) outgoing.connection = "close";
  res.writeHead(response.status, outgoing);
  if (!response.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
  body.on("error", () => res.destroy());
  body.pipe(res);
}
