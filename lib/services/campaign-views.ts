import "server-only";
import { db } from "@/db/client";
import { campaignDraftsOfContact, campaignEmailsOfContact, contactOwners, launchProgress } from "@/db/queries/campaign-views";
import { getCampaignRow } from "@/db/queries/campaigns";
import { contactCountries } from "@/db/queries/contacts";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { countryName } from "@/lib/geo/gazetteer";
import { enrollmentsForContact } from "@/lib/services/campaigns";

export type LaunchProgress = Awaited<ReturnType<typeof launchProgress>> & { status: string };

/** A launch's progress for the create flow's poll (operators and admins, who launch). */
export async function launchProgressFor(user: SessionUser, campaignId: number): Promise<LaunchProgress> {
  if (!hasRole(user.role, "operator")) throw new AppError("forbidden:campaigns");
  const campaign = await getCampaignRow(db(), campaignId);
  if (!campaign) throw new AppError("not_found:campaigns", { message: "That campaign does not exist." });
  return { ...(await launchProgress(db(), campaignId)), status: campaign.status };
}

/** One touch of a contact's campaign: a sent email, a reply, or a draft that was not sent. */
export type ContactTouch =
  | { kind: "email"; id: number; direction: "outbound" | "inbound"; step: number | null; subject: string; at: Date; opened: boolean; bounced: boolean }
  | { kind: "draft"; id: number; step: number | null; subject: string; at: Date; status: string; note: string | null };

/**
 * The contact page's campaigns: each enrollment (status, step, next wake, last event) with its
 * touches in order — sent, answered, or still a draft (waiting, withdrawn, rejected). A rep sees
 * only their own contacts' (enrollmentsForContact enforces it).
 */
export async function contactCampaigns(user: SessionUser, contactId: number) {
  const [enrollments, mail, pending] = await Promise.all([enrollmentsForContact(user, contactId), campaignEmailsOfContact(db(), contactId), campaignDraftsOfContact(db(), contactId)]);
  return enrollments.map((e) => {
    const touches: ContactTouch[] = [
      ...mail.filter((m) => m.campaignId === e.campaignId).map((m) => ({ kind: "email" as const, id: m.id, direction: m.direction, step: m.step, subject: m.subject, at: m.sentAt, opened: m.openedAt !== null, bounced: m.bouncedAt !== null })),
      ...pending.filter((d) => d.campaignId === e.campaignId).map((d) => ({ kind: "draft" as const, id: d.id, step: d.step, subject: d.subject, at: d.createdAt, status: d.status, note: d.rejectReason })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    return { ...e, touches };
  });
}
export type ContactCampaign = Awaited<ReturnType<typeof contactCampaigns>>[number];

/** What the create flow offers as audience filters: the owners of contacts and their companies' countries (operators and admins plan campaigns). */
export async function audienceOptions(user: SessionUser) {
  if (!hasRole(user.role, "operator")) throw new AppError("forbidden:campaigns");
  const countries = (await contactCountries(db())).map((c) => ({ ...c, name: countryName(c.country) }));
  return { owners: await contactOwners(db()), countries };
}
