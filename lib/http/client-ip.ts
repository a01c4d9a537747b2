import { isIP } from "node:net";

/**
 * The header carrying the address of the TCP peer that sent a request. The console sets it on
 * every incoming request itself (./peer-address.ts), overwriting whatever a client sent, because
 * Next.js keeps a client-supplied `X-Forwarded-For` as it is and offers no other way to read the
 * socket's address from a route handler.
 */
export const PEER_HEADER = "x-console-peer";

/** The header the console's own code (and better-auth's rate limiter) reads the resolved client address from. */
export const CLIENT_IP_HEADER = "x-console-client-ip";

const normalise = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").toLowerCase();

/**
 * The address a request came from, trusting forwarding headers only from configured proxies:
 * the peer itself, unless it is a trusted proxy, in which case `X-Forwarded-For` is read from the
 * right, skipping further trusted hops, and the first address no trusted proxy vouches for is the
 * client. A client can prepend anything to that header; it cannot change what a trusted proxy appended.
 */
export function clientIp(headers: Headers, trustedProxies: readonly string[]): string {
  const trusted = new Set(trustedProxies.map(normalise));
  const peer = headers.get(PEER_HEADER);
  if (peer && !trusted.has(normalise(peer))) return normalise(peer);
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map(normalise).filter((a) => isIP(a));
  // No peer recorded (a request built in-process) with nothing trustworthy: the rightmost hop is
  // the one closest to this server, the least forgeable guess.
  if (!peer) return forwarded.at(-1) ?? "unknown";
  for (let i = forwarded.length - 1; i >= 0; i--) if (!trusted.has(forwarded[i]!)) return forwarded[i]!;
  return normalise(peer);
}
