import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactCampaigns } from "@/components/campaigns/contact-campaigns";
import { ContactStatus } from "@/components/contacts/contact-status";
import { DraftOutreachButton } from "@/components/contacts/draft-outreach-button";
import { EmailTimeline } from "@/components/contacts/email-timeline";
import { FactList } from "@/components/contacts/fact-list";
import { DraftProposalButton } from "@/components/proposals/draft-proposal-button";
import { ScoreExplanation } from "@/components/contacts/score-explanation";
import { ScoreNowButton } from "@/components/contacts/score-now-button";
import { PlanButton } from "@/components/plans/plan-button";
import { ObjectionNoteForm } from "@/components/contacts/handle-objection";
import { Badge } from "@/components/ui/badge";
import { Card, Fields } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatDate, humanize } from "@/lib/format";
import { contactCampaigns } from "@/lib/services/campaign-views";
import { contactDetail } from "@/lib/services/contacts";
import { openTasksFor } from "@/lib/services/tasks";
import { TaskDoneButton } from "@/components/contacts/task-done-button";
import { contactScore } from "@/lib/services/scores";
import { EmailAddress } from "@/components/ui/email-address";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("rep");
  const detail = await contactDetail(user, (await params).id).catch((e: unknown) => {
    if (isAppError(e) && e.type === "not_found") notFound();
    throw e;
  });
  const { contact, company, facts, timeline, scheduled, enrollments, ownerName, suppression, outreach } = detail;
  const score = await contactScore(user, contact.id);
  // Only the owner (or an admin) may draft for a contact; the service enforces it as well.
  const mayDraft = contact.ownerId === user.id || hasRole(user.role, "admin");
  const name = `${contact.firstName} ${contact.lastName}`;
  // Touches are shown to the contact's owner and to operators; another rep sees the enrollments only.
  const campaigns = contact.ownerId === user.id || hasRole(user.role, "operator") ? await contactCampaigns(user, contact.id) : null;
  // Reps plan for their own contacts; operators and admins for any (lib/services/plans.ts enforces it).
  const mayPlan = contact.ownerId === user.id || hasRole(user.role, "operator");
  const openTasks = await openTasksFor(user, contact.id);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href="/contacts" className="text-sm text-slate-500 hover:text-slate-800">← Contacts</Link>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight">{contact.firstName} {contact.lastName}</h1>
          <p className="mt-1 text-slate-600">
            {contact.title} at <Link href={`/companies/${company.id}`} className="text-brand-700 underline underline-offset-2">{company.name}</Link>
          </p>
          <div className="mt-2"><ContactStatus flags={{ ...contact, suppression }} /></div>
        </div>
        {/* The page's actions, one aligned group at the top right; results open below each button. */}
        <div className="flex max-w-xl flex-wrap items-start gap-3">
          {mayDraft && outreach.allowed ? (
            <div className="max-w-md">
              <DraftOutreachButton contact={{ id: contact.id, name }} />
            </div>
          ) : null}
          {/* A proposal is a document, never sent: offered beside outreach to the owner and to operators. */}
          {mayDraft || hasRole(user.role, "operator") ? (
            <div className="max-w-md">
              <DraftProposalButton target={{ contactId: contact.id }} />
            </div>
          ) : null}
          {mayDraft && !outreach.allowed ? (
            // The safety gate would refuse a draft, so none is offered: say why instead.
            <p className="max-w-md rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="outreach-refusal">
              <span className="font-medium">No outreach to {name}.</span> {outreach.message}
            </p>
          ) : null}
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Contact">
          <Fields
            rows={[
              ["Email", <EmailAddress key="e" email={contact.email} className="font-mono text-xs" />],
              ["Seniority", contact.seniority ? humanize(contact.seniority) : "—"],
              ["Department", contact.department ?? "—"],
              ["Owner", ownerName ?? "Unassigned"],
              ["Last contacted", formatDate(contact.lastContactedAt)],
              ["LinkedIn", contact.linkedinUrl ? <a key="l" href={contact.linkedinUrl} className="underline" rel="noreferrer noopener" target="_blank">Profile</a> : "—"],
            ]}
          />
        </Card>
        <Card title="Company">
          <Fields
            rows={[
              ["Name", <Link key="n" href={`/companies/${company.id}`} className="text-brand-700 hover:underline">{company.name}</Link>],
              ["Domain", company.domain],
              ["Vertical", humanize(company.vertical)],
              ["Size", `${company.size} employees`],
              ["HQ", [company.hqCity, company.country].filter(Boolean).join(", ") || "—"],
              ["Enriched", formatDate(company.enrichedAt)],
            ]}
          />
        </Card>
        <Card title="Campaigns">
          {campaigns ? <ContactCampaigns campaigns={campaigns} /> : enrollments.length === 0 ? (
            <p className="text-sm text-slate-500">Not enrolled in any campaign.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {enrollments.map((e) => (
                <li key={e.campaignId} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{e.campaignName}</span>
                  <Badge tone={e.status === "replied" ? "good" : e.status === "stopped" ? "bad" : "neutral"}>{humanize(e.status)}</Badge>
                  <span className="text-slate-500">{e.step} touch{e.step === 1 ? "" : "es"}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title="Score">
        <div className="space-y-3">
          <ScoreExplanation score={score} canOpenRun={hasRole(user.role, "admin")} />
          <ScoreNowButton contactId={contact.id} scored={score !== null} />
        </div>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Open tasks (${openTasks.length})`}>
          {openTasks.length === 0 ? (
            <p className="text-sm text-slate-500">No open tasks or flags.</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="open-tasks">
              {openTasks.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center gap-2">
                  <Badge tone={t.kind === "flag" ? "warn" : "info"}>{t.kind === "flag" ? "Flag" : "Follow-up"}</Badge>
                  <span>{t.title}</span>
                  <span className="text-xs text-slate-500">{t.dueAt ? `due ${formatDate(t.dueAt)}` : "no due date"} · {t.assigneeName ?? "unassigned"}</span>
                  <TaskDoneButton taskId={t.id} title={t.title} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Plan next steps">
          {mayPlan ? <PlanButton subject={{ contactId: contact.id }} /> : <p className="text-sm text-slate-500">Only {ownerName ?? "the contact's owner"}, operators and admins plan for this contact.</p>}
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Company facts (${facts.length})`}>
          <FactList facts={facts} />
        </Card>
        <Card title={`Email timeline (${timeline.length})`}>
          <EmailTimeline emails={timeline} scheduled={scheduled} handleObjections={mayDraft} />
        </Card>
      </div>
      {mayDraft ? (
        <Card title="Objection from a call or meeting">
          <ObjectionNoteForm contactId={contact.id} />
        </Card>
      ) : null}
    </div>
  );
}
