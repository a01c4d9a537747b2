import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { analyticsHome, analyticsSchema } from "@/lib/services/analytics";
import { AnalyticsWorkspace } from "@/components/analytics/analytics-workspace";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  const user = await requirePageUser("operator");
  const home = await analyticsHome(user);
  const schema = analyticsSchema(user);
  return (
    <>
      <PageHeader title="Analytics" description="Ask questions of the CRM in plain language and see the SQL, the rows and a chart." />
      {/* Every answer here is the person's own question, and anyone may open the run they asked for. */}
      <AnalyticsWorkspace home={home} schema={schema} canOpenRuns />
    </>
  );
}
