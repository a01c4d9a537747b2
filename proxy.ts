import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

/**
 * An optimistic gate for pages: no session cookie → the sign-in page, remembering where the
 * person was going. The real check (a valid session and the right role) runs in every page,
 * route handler and server action; API routes answer 401 JSON themselves.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request)) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("next", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/|_next/|sign-in|favicon\\.ico|.*\\.[a-z0-9]+$).*)"],
};
