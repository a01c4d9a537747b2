import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Drafts" };

export default async function DraftsPage() {
  const user = await requirePageUser("rep");
  return (
    <>
      <PageHeader title="Drafts" description={user.role === "rep" ? "AI drafts for your contacts, waiting for your decision." : "AI drafts across all reps."} />
      <EmptyState title="No drafts to review">
        Drafts appear here when the email orchestrator writes outreach for a contact. Nothing is sent until a person approves it.
      </EmptyState>
    </>
  );
}
