import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { MAX_BODY_BYTES, parseJson, tooLarge } from "@/lib/http/body";
import { plainTextOf, type RuntimeRequest } from "./request";
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

async function readCapped(req: IncomingMessage): Promise<{ body: Buffer; complete: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    // One byte past the limit is enough for the runtime to answer 413; the rest is never read.
    if (size > MAX_BODY_BYTES) return { body: Buffer.concat(chunks), complete: false };
  }
  return { body: Buffer.concat(chunks), complete: true };
}

async function bridge(runtime: Runtime, req: IncomingMessage, res: ServerResponse) {
  // The signal is made only if a route asks for it (a wait that cancels on disconnect, a stream).
  let aborter: AbortController | null = null;
  let gone = false;
  res.on("close", () => {
    if (res.writableFinished) return;
    gone = true;
    aborter?.abort();
  });
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const read = hasBody ? await readCapped(req) : { body: Buffer.alloc(0), complete: true };
  const request: RuntimeRequest = {
    method: req.method ?? "GET",
    url: url.href,
    headers,
    get signal() {
      if (!aborter) {
        aborter = new AbortController();
        if (gone) aborter.abort();
      }
      return aborter.signal;
    },
    json: async (surface) => {
      if (!read.complete) throw tooLarge(surface);
      return parseJson(read.body.toString("utf8"), surface);
    },
  };
  const response = await runtime.serve(request, url.pathname);
  const outgoing = Object.fromEntries(response.headers);
  // A refused request (413) may leave body bytes unread; that connection cannot be reused.
  if (!read.complete) outgoing.connection = "close";
  const text = plainTextOf(response);
  if (text !== undefined) {
    outgoing["content-length"] = String(Buffer.byteLength(text));
    res.writeHead(response.status, outgoing);
    res.end(text);
    return;
  }
  res.writeHead(response.status, outgoing);
  if (!response.body) {
    res.end();
    return;
  }
  // A body of known length (most runs) is written at once; a streamed one (long runs) is piped.
  if (response.headers.has("content-length")) {
    res.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  const stream = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}
