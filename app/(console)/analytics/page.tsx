import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  await requirePageUser("operator");
  return (
    <>
      <PageHeader title="Analytics" description="Ask questions of the CRM in plain language and see the SQL, the rows and a chart." />
      <EmptyState title="No questions asked yet">
        The question box, the report catalogue and the funnel arrive with the text-to-SQL graph.
      </EmptyState>
    </>
  );
}
