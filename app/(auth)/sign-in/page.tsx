import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/session";
import { safeNextPath } from "@/lib/safe-redirect";
import { demoCredentials } from "@/lib/services/users";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  const demo = demoCredentials();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-semibold tracking-wide text-brand-600">Sales Console</p>
          <h1 className="mt-1 text-2xl font-semibold">Sign in</h1>
        </div>
        <SignInForm next={next} demo={demo} />
      </div>
    </main>
  );
}
