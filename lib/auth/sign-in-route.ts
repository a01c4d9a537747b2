import { env } from "@/lib/env";
import { CLIENT_IP_HEADER, clientIp } from "@/lib/http/client-ip";
import { createSignInGuard, type SignInGuard } from "./sign-in-guard";

const SIGN_IN_PATH = "/api/auth/sign-in/email";
/** A sign-in body is an email and a password; anything longer is not read for the limit. */
const MAX_SIGN_IN_BODY = 16 * 1024;

const holder = globalThis as unknown as { __signInGuard?: SignInGuard };
const guard = () => (holder.__signInGuard ??= createSignInGuard());

const minutes = (seconds: number) => (seconds <= 60 ? "a minute" : `${Math.ceil(seconds / 60)} minutes`);

async function emailOf(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? "0") > MAX_SIGN_IN_BODY) return null;
  try {
    const body: unknown = JSON.parse(await request.clone().text());
    const email = (body as { email?: unknown } | null)?.email;
    return typeof email === "string" && email.length <= 320 ? email : null;
  } catch {
    return null;
  }
}

/**
 * Serves better-auth's handler with the console's sign-in limits in front of it. Every request
 * to better-auth carries the client address the console resolved (forwarding headers trusted only
 * from TRUSTED_PROXIES), replacing any the client sent, so better-auth's own limiter keys on it too.
 */
export async function withSignInLimits(request: Request, handler: (request: Request) => Promise<Response>): Promise<Response> {
  const headers = new Headers(request.headers);
  const client = clientIp(headers, env().TRUSTED_PROXIES);
  headers.set(CLIENT_IP_HEADER, client);
  const forwarded = new Request(request, { headers });
  if (request.method !== "POST" || new URL(request.url).pathname !== SIGN_IN_PATH) return handler(forwarded);

  const email = await emailOf(forwarded);
  if (email === null) return handler(forwarded);
  const verdict = guard().admit(email, client);
  if (!verdict.allowed) {
    const message = verdict.reason === "account"
      ? `Too many failed sign-ins for this account. Try again in ${minutes(verdict.retryAfterSeconds)}.`
      : `Too many sign-in attempts from your address. Try again in ${minutes(verdict.retryAfterSeconds)}.`;
    // better-auth's own error shape, so its client reads the message.
    return Response.json({ code: "TOO_MANY_REQUESTS", message }, { status: 429, headers: { "retry-after": String(verdict.retryAfterSeconds) } });
  }
  const response = await handler(forwarded);
  if (response.status === 401) guard().failed(email);
  else if (response.ok) guard().succeeded(email);
  return response;
}
