import type { Metadata } from "next";
import { AnalyticsConsole } from "@/components/analytics/analytics-console";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { analyticsHome } from "@/lib/services/analytics";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  const user = await requirePageUser("operator");
  const home = await analyticsHome(user);
  return (
    <>
      <PageHeader title="Analytics" description="Ask questions of the CRM in plain language and see the SQL, the rows and a chart." />
      <AnalyticsConsole home={home} canOpenRuns={hasRole(user.role, "admin")} />
    </>
  );
}
