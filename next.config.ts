import type { NextConfig } from "next";
import { HSTS, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // `forbidden()` renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // libsql ships a native addon; keep it out of the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql"],
  poweredByHeader: false,
  // Pages get these from proxy.ts with their CSP; API routes and assets get them here.
  async headers() {
    const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    const hsts = { key: "strict-transport-security", value: HSTS };
    return [
      { source: "/:path*", headers },
      { source: "/:path*", has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }], headers: [hsts] },
    ];
  },
};

export default nextConfig;
