import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sales Console", template: "%s · Sales Console" },
  description: "AI-drafted outreach that people approve, CRM analytics in plain language.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so each carries its own CSP nonce (proxy.ts); a prerendered
  // page's scripts would have none and the browser would refuse them.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
