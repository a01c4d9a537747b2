import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/db/client";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { authSecret } from "./secret";

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** Session cookies are `Secure` wherever the console is not served from loopback (no APP_URL: the demo's loopback). */
export function secureCookiesFor(appUrl: string | undefined): boolean {
  if (!appUrl) return false;
  const url = new URL(appUrl);
  return url.protocol === "https:" || !LOOPBACK.test(url.hostname);
}

/**
 * `APP_URL` when set. On the embedded default the console answers on whatever local port it was
 * started on, so any loopback host is allowed; anywhere else the URL must be configured.
 */
function baseUrl() {
  const { APP_URL, DEMO_MODE } = env();
  if (APP_URL) return APP_URL;
  if (!DEMO_MODE) throw new Error("APP_URL is not set. Set it to the console's public URL, e.g. https://sales.example.com.");
  return { allowedHosts: ["localhost:*", "127.0.0.1:*", "[::1]:*"], protocol: "http" as const };
}

function createAuth() {
  return betterAuth({
    appName: "Sales Console",
    secret: authSecret(),
    baseURL: baseUrl(),
    database: drizzleAdapter(db(), {
      provider: "sqlite",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    // Accounts are created by admins (and the demo seed); nobody signs themselves up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "rep", input: false },
      },
    },
    rateLimit: {
      enabled: env().NODE_ENV === "production",
      window: 60,
      max: 200,
      customRules: { "/sign-in/email": { window: 60, max: 20 } },
    },
    telemetry: { enabled: false },
    advanced: {
      // The address the console resolved (lib/auth/sign-in-route.ts), never a client's own X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: secureCookiesFor(env().APP_URL),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as unknown as { __salesAuth?: Auth };

/** The better-auth instance, built on first use so `next build` never touches the database. */
export function auth(): Auth {
  holder.__salesAuth ??= createAuth();
  return holder.__salesAuth;
}
