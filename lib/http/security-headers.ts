/**
 * The console's security headers, in one place: the page proxy sets them with a fresh nonce per
 * page, next.config.ts sets the static ones on everything else (API routes, assets).
 */

/** Headers every response carries. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/** HSTS, sent only on responses served over https (a browser ignores it over http anyway). */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The page CSP: scripts only from this origin or carrying this response's nonce (Next.js puts
 * the nonce on its own scripts when it finds it in the request's CSP header), no plugins, no
 * framing, forms and connections to this origin only. Inline styles stay allowed: React's style
 * attributes (chart bar widths) are not scripts. Development adds 'unsafe-eval' for React's
 * debugging tools.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
