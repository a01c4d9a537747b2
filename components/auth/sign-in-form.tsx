"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/client";

type Demo = { password: string; users: { email: string; role: string; name: string }[] } | null;

function messageFor(status: number | undefined): string {
  if (status === 401) return "Wrong email or password.";
  if (status === 429) return "Too many sign-in attempts. Wait a minute and try again.";
  if (status === 403) return "This account cannot sign in. Ask an admin.";
  return "We could not sign you in right now. Try again in a moment.";
}

export function SignInForm({ next, demo }: { next: string; demo: Demo }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setPending(true);
    const { error: failure } = await authClient.signIn.email({ email, password });
    if (failure) {
      setPending(false);
      // A lockout says how long it lasts; every other failure reads as its own plain sentence.
      setError(failure.status === 429 && failure.message ? failure.message : messageFor(failure.status));
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
        <label className="block text-sm font-medium">
          Email
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500"
          />
        </label>
        <label className="block text-sm font-medium">
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500"
          />
        </label>
        {error ? (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={pending || !email || !password}
          className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {demo ? (
        <section aria-label="Demo accounts" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
          <p className="font-medium text-amber-900">Demo mode</p>
          <p className="mt-1 text-amber-800">
            Every demo account uses the password <code className="font-mono">{demo.password}</code>. Pick one:
          </p>
          <ul className="mt-2 space-y-1">
            {demo.users.map((u) => (
              <li key={u.email}>
                <button
                  type="button"
                  onClick={() => {
                    setEmail(u.email);
                    setPassword(demo.password);
                  }}
                  className="w-full rounded px-2 py-1 text-left hover:bg-amber-100"
                >
                  <span className="font-mono">{u.email}</span> <span className="text-amber-700">· {u.role}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
