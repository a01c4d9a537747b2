import type { IncomingMessage, Server } from "node:http";
import { PEER_HEADER } from "./client-ip";

const holder = globalThis as unknown as { __peerAddressesRecorded?: boolean };

/**
 * Stamps every request this process's HTTP servers receive with its TCP peer's address
 * (`x-console-peer`), replacing any value the client sent. Called once at start-up
 * (instrumentation.ts), before the first request. Next.js hands route handlers a Request without
 * the socket, and keeps a client's own `X-Forwarded-For`, so this is how sign-in limits tell clients apart.
 */
export async function recordPeerAddresses(): Promise<void> {
  if (holder.__peerAddressesRecorded) return;
  holder.__peerAddressesRecorded = true;
  const http = await import("node:http");
  const emit = http.Server.prototype.emit as (this: Server, event: string, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
