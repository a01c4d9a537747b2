import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { formatPercent } from "@/lib/format";
import { budgetAlerts, killSwitchOn, type BudgetAlert } from "@/lib/services/model-controls";

const list = (alerts: BudgetAlert[], show: (a: BudgetAlert) => string) => alerts.map(show).join(", ");

/**
 * For admins, on every console page: the kill switch when it is on, and graphs at 80 % or more of
 * today's model budget. A banner that cannot load is left out (and logged) rather than taking the
 * page down with it.
 */
export async function BudgetBanner({ user }: { user: SessionUser }) {
  let alerts: BudgetAlert[];
  let switchedOff: boolean;
  try {
    [alerts, switchedOff] = await Promise.all([budgetAlerts(user), killSwitchOn(user)]);
  } catch (e) {
    console.error("[budget-banner] today's ledger unreadable; banner left out", e);
    return null;
  }
  const exhausted = alerts.filter((a) => a.level === "exhausted");
  const warning = alerts.filter((a) => a.level === "warning");
  if (alerts.length === 0 && !switchedOff) return null;
  return (
    <div className="mb-6 space-y-2" data-testid="budget-banners">
      {switchedOff ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800" data-testid="kill-switch-banner">
          The model kill switch is on: no model is called, and every AI step takes its deterministic path.{" "}
          <Link href="/admin/cost" className="font-medium underline">Model cost</Link>
        </p>
      ) : null}
      {exhausted.length > 0 ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          Daily model budget used up: model calls for {list(exhausted, (a) => a.graph)} are refused; {exhausted.length === 1 ? "it takes its" : "they take their"} deterministic path until tomorrow (UTC).{" "}
          <Link href="/admin/cost" className="font-medium underline">Budgets</Link>
        </p>
      ) : null}
      {warning.length > 0 ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          Near the daily model budget: {list(warning, (a) => `${a.graph} at ${formatPercent(a.share)}`)}.{" "}
          <Link href="/admin/cost" className="font-medium underline">Budgets</Link>
        </p>
      ) : null}
    </div>
  );
}
