"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth/client";
import type { NavItem } from "@/lib/auth/roles";

type Props = { items: NavItem[]; user: { name: string; email: string; role: string } };

export function Sidebar({ items, user }: Props) {
  const pathname = usePathname();
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    await authClient.signOut();
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <aside className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white">
      <div className="px-5 py-5">
        <Link href="/" className="text-base font-semibold tracking-tight text-slate-900">
          Sales Console
        </Link>
      </div>
      <nav aria-label="Main" className="flex-1 px-3">
        <ul className="space-y-1">
          {items.map((item) => {
            const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={`block rounded-md px-3 py-2 text-sm font-medium ${
                    active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"
                  }`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="border-t border-slate-200 px-5 py-4 text-sm">
        <p className="font-medium text-slate-900" data-testid="user-name">
          {user.name}
        </p>
        <p className="truncate text-slate-500">{user.email}</p>
        <p className="mt-1 inline-block rounded bg-slate-100 px-2 py-0.5 text-xs font-medium uppercase tracking-wide text-slate-600" data-testid="user-role">
          {user.role}
        </p>
        <button
          type="button"
          onClick={signOut}
          disabled={signingOut}
          className="mt-3 block text-sm text-slate-600 underline hover:text-slate-900 disabled:opacity-60"
        >
          {signingOut ? "Signing out…" : "Sign out"}
        </button>
      </div>
    </aside>
  );
}
