import type { ReactNode } from "react";
import { BudgetBanner } from "@/components/cost/budget-banner";
import { Sidebar } from "@/components/shell/sidebar";
import { hasRole, navFor } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="flex min-h-screen">
      <Sidebar items={navFor(user.role)} user={{ name: user.name, email: user.email, role: user.role }} />
      <main className="min-w-0 flex-1 px-8 py-8">
        {hasRole(user.role, "admin") ? <BudgetBanner user={user} /> : null}
        {children}
      </main>
    </div>
  );
}
