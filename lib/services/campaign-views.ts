import "server-only";
import { z } from "zod";
import { ENROLLMENT_STATUSES } from "@/db/schema";
import { db } from "@/db/client";
import { campaignReach, enrollmentPage, enrollmentsOfContact, enrollmentStatusCounts, listCampaignRows, stepFunnel, touchesPerDay, type CampaignRow, type StatusCounts } from "@/db/queries/campaigns";
import { getContactOwner } from "@/db/queries/contacts";
import { campaignDraftsOfContact, campaignEmailsOfContact, contactOwners, launchProgress } from "@/db/queries/campaign-views";
import { getCampaignRow } from "@/db/queries/campaigns";
import { contactCountries } from "@/db/queries/contacts";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { countryName } from "@/lib/geo/gazetteer";
import { validate } from "@/lib/http/body";
import { loadCampaign } from "./campaigns";

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

export const EnrollmentQuery = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
  status: z.enum(ENROLLMENT_STATUSES).optional(),
});
export type EnrollmentQuery = z.input<typeof EnrollmentQuery>;

export type CampaignSummary = {
  id: number;
  name: string;
  status: CampaignRow["status"];
  vertical: CampaignRow["vertical"];
  launchedAt: string | null;
  enrolled: number;
  active: number;
  paused: number;
  replied: number;
  bounced: number;
  meetings: number;
  /** Contacts who answered per contact sent to; null before anyone was sent to. */
  replyRate: number | null;
};

function summarize(campaign: CampaignRow, counts: StatusCounts, reach: { contacted: number; answered: number; bounced: number } | undefined): CampaignSummary {
  const enrolled = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const replied = Math.max(counts.replied ?? 0, reach?.answered ?? 0);
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    vertical: campaign.vertical,
    launchedAt: campaign.launchedAt?.toISOString() ?? null,
    enrolled,
    active: counts.active ?? 0,
    paused: counts.paused ?? 0,
    replied,
    bounced: Math.max(counts.bounced ?? 0, reach?.bounced ?? 0),
    meetings: counts.meeting ?? 0,
    replyRate: reach && reach.contacted > 0 ? replied / reach.contacted : null,
  };
}

/** Every campaign with its counts (reps see the list; their contacts' touches are on the campaign page). */
export async function listCampaigns(user: SessionUser): Promise<CampaignSummary[]> {
  void user;
  const [rows, counts, reach] = await Promise.all([listCampaignRows(db()), enrollmentStatusCounts(db()), campaignReach(db())]);
  return rows.map((c) => summarize(c, counts.get(c.id) ?? {}, reach.get(c.id)));
}

/**
 * A campaign's page: its plan (with provenance) and panel, counts, the per-touch funnel and a
 * page of enrollments (state, step, next wake, why deferred, last event). A rep sees only the
 * enrollments and touches of their own contacts.
 */
export async function getCampaign(user: SessionUser, campaignId: number, query: unknown = {}) {
  const q = validate(EnrollmentQuery, query, "campaigns");
  const campaign = await loadCampaign(campaignId);
  const ownerId = hasRole(user.role, "operator") ? undefined : user.id;
  const [counts, reach, funnel, enrollments] = await Promise.all([
    enrollmentStatusCounts(db(), campaignId),
    campaignReach(db(), campaignId),
    stepFunnel(db(), campaignId, ownerId),
    enrollmentPage(db(), campaignId, { ...q, ownerId }),
  ]);
  return { campaign, summary: summarize(campaign, counts.get(campaignId) ?? {}, reach.get(campaignId)), funnel, enrollments, canRun: hasRole(user.role, "operator") };
}
export type CampaignDetail = Awaited<ReturnType<typeof getCampaign>>;

/** Touches sent per day: one campaign's, or every campaign's (for the list's charts); a rep's own contacts only. */
export async function touchesOverTime(user: SessionUser, campaignId?: number) {
  if (campaignId !== undefined) await loadCampaign(campaignId);
  return touchesPerDay(db(), campaignId, hasRole(user.role, "operator") ? undefined : user.id);
}

/** A contact's enrollments (the contact page); a rep only for their own contacts. */
export async function enrollmentsForContact(user: SessionUser, contactId: number) {
  if (!hasRole(user.role, "operator")) {
    const owner = await getContactOwner(db(), contactId);
    if (owner === undefined || owner !== user.id) throw new AppError("not_found:contacts");
  }
  return enrollmentsOfContact(db(), contactId);
}
