import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { refuseBadServerAction } from "@/lib/http/server-action-guard";
import { contentSecurityPolicy, HSTS, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

/**
 * Every page gets a fresh CSP nonce (Next.js reads it from the request's CSP header and stamps
 * its scripts with it) and the console's security headers. Then an optimistic gate: no session
 * cookie → the sign-in page, remembering where the person was going. The real check (a valid
 * session and the right role) runs in every page, route handler and server action; API routes
 * answer 401 JSON themselves.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Next decodes dynamic segments itself and answers a malformed escape (`/api/contacts/%E0%A4%A`)
  // with a bare 500 before any handler runs; refuse it here, naming the problem.
  if (!decodable(pathname)) {
    const error = { code: "bad_request:api", message: "The address has a malformed percent-encoding.", field: "path" };
    return pathname.startsWith("/api/")
      ? NextResponse.json({ error }, { status: 400 })
      : new NextResponse(`${error.message}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const refused = await refuseBadServerAction(request);
  if (refused) return refused;
  // API routes check their own sessions and get their headers from next.config.ts.
  if (pathname.startsWith("/api/")) return NextResponse.next();
  const nonce = newNonce();
  // eslint-disable-next-line no-restricted-syntax -- NODE_ENV is inlined by Next at build time.
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const secure = (headers: Headers) => {
    headers.set("content-security-policy", csp);
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) headers.set(name, value);
    if (request.nextUrl.protocol === "https:") headers.set("strict-transport-security", HSTS);
  };

  const isSignIn = request.nextUrl.pathname === "/sign-in";
  if (!isSignIn && !getSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    const target = request.nextUrl.pathname + request.nextUrl.search;
    if (target !== "/") signIn.searchParams.set("next", target);
    const redirect = NextResponse.redirect(signIn);
    secure(redirect.headers);
    return redirect;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  secure(response.headers);
  return response;
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // The lead upload streams its body to disk; through the proxy Next would buffer it and cut it at 10 MB.
  matcher: ["/((?!_next/|favicon\\.ico|api/lead-imports/upload|.*\\.[a-z0-9]+$).*)"],
};
