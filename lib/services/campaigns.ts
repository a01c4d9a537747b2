import { z } from "zod";
import { db } from "@/db/client";
import { getCampaignRow, insertCampaign, updateCampaign, type CampaignRow } from "@/db/queries/campaigns";
import { companyVerticalsOf, contactIdsMatching, gateInputsOf } from "@/db/queries/contacts";
import {
  enrollmentsOfContacts, getEnrollment, insertEnrollments, pauseCampaignEnrollments, pauseEnrollments, resumeCampaignEnrollments, resumeEnrollments, stopEnrollments,
} from "@/db/queries/enrollments";
import { SCORE_TIERS, SENIORITIES, TONES, VERTICALS, type CampaignPlan, type EnrollmentStatus } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { COACH_RULES_VERSION, planFrom } from "@/lib/campaigns/coach-plan";
import { EXCLUSION_MESSAGES, partitionAudience, type ExclusionReason } from "@/lib/campaigns/enrollment-guards";
import { createCampaignThreads, type ThreadLaunch } from "@/lib/campaigns/launch-threads";
import { CAMPAIGN_MESSAGES, CAMPAIGN_NAME_MAX, COOLDOWN_DAYS } from "@/lib/campaigns/limits";
import { systemClock, type Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { isCountryCode } from "@/lib/geo/gazetteer";
import { validate } from "@/lib/http/body";
import { wakeJobs } from "@/lib/jobs/instance";
import { graphClient } from "@/lib/langgraph/instance";

/** The most contacts one campaign enrolls (the audience preview counts up to it). */
export const MAX_AUDIENCE = 100_000;

const id = z.number().int().positive();

/** Who gets the campaign: the contact list's filters, or a hand-picked selection. */
export const AudienceInput = z.union([
  z.object({ contactIds: z.array(id).min(1).max(MAX_AUDIENCE) }).strict(),
  z
    .object({
      filters: z
        .object({
          q: z.string().trim().max(200).optional(),
          vertical: z.enum(VERTICALS).optional(),
          seniority: z.enum(SENIORITIES).optional(),
          ownerId: z.string().min(1).optional(),
          companyId: id.optional(),
          /** The country of the contact's company (ISO 3166-1 alpha-2, any case). */
          country: z.string().trim().toUpperCase().refine(isCountryCode, "Name a country by its two-letter ISO code, such as DE.").optional(),
          /**
           * The tier of the contact's stored score; unscored contacts never match. A refinement
           * rather than z.enum: inside the union an enum failure fails both branches and the 422
           * would name only "body", while a refinement's issue keeps the path "filters.tier".
           */
          tier: z
            .string()
            .trim()
            .toUpperCase()
            .refine((t) => (SCORE_TIERS as readonly string[]).includes(t), `A tier is one of ${SCORE_TIERS.join(", ")}.`)
            .transform((t) => t as (typeof SCORE_TIERS)[number])
            .optional(),
        })
        .strict(),
    })
    .strict(),
]);
export type AudienceInput = z.input<typeof AudienceInput>;

/** A plan as the operator reviewed it (from the panel, the defaults, or typed), before coercion. */
export const PlanInput = z.object({
  angle: z.string().max(1_000),
  tone: z.string(),
  cadenceDays: z.array(z.number()).max(20),
  maxTouches: z.number(),
  stopCriteria: z.string().max(1_000).default(""),
  touchAngles: z.array(z.string().max(1_000)).max(6).optional(),
  /** Who proposed it: the operator typing it, or the panel's result (possibly edited). */
  source: z.enum(["operator", "campaign_panel"]).default("operator"),
});

/** Days of rest after another campaign; every failure (a fraction, out of range, not a number) reads the same sentence. */
export const CooldownDays = z
  .number({ error: CAMPAIGN_MESSAGES.cooldown })
  .int({ error: CAMPAIGN_MESSAGES.cooldown })
  .min(COOLDOWN_DAYS.min, { error: CAMPAIGN_MESSAGES.cooldown })
  .max(COOLDOWN_DAYS.max, { error: CAMPAIGN_MESSAGES.cooldown });

export const CreateCampaignInput = z
  .object({
    name: z.string({ error: CAMPAIGN_MESSAGES.nameMissing }).trim().min(1, CAMPAIGN_MESSAGES.nameMissing).max(CAMPAIGN_NAME_MAX, CAMPAIGN_MESSAGES.nameTooLong),
    description: z.string().trim().max(2_000).optional(),
    vertical: z.enum(VERTICALS).nullable().default(null),
    angle: z.string().trim().max(200).nullable().default(null),
    tone: z.enum(TONES).default("consultative"),
    stopOnCompanyReply: z.boolean().default(false),
    allowOverlap: z.boolean().default(false),
    cooldownDays: CooldownDays.default(30),
    plan: PlanInput.nullable().default(null),
    /** The campaign_panel's output as the operator saw it; stored, never interpreted here. */
    panel: z.record(z.string(), z.unknown()).nullable().default(null),
  })
  .strict();
export type CreateCampaignInput = z.input<typeof CreateCampaignInput>;


function requireOperator(user: SessionUser): void {
  if (!hasRole(user.role, "operator")) throw new AppError("forbidden:campaigns", { message: "Only operators and admins can create and run campaigns." });
}

export async function loadCampaign(campaignId: number): Promise<CampaignRow> {
  const campaign = await getCampaignRow(db(), campaignId);
  if (!campaign) throw new AppError("not_found:campaigns", { message: "That campaign does not exist." });
  return campaign;
}

/** The plan to store: the operator's (coerced, fails open to the defaults) or the defaults. */
function planOf(input: z.output<typeof CreateCampaignInput>): CampaignPlan {
  const defaults = { angle: input.angle, tone: input.tone };
  const given = input.plan;
  const provenance = given
    ? { confidence: 1, reason: given.source === "campaign_panel" ? "The panel's sequence, as the operator reviewed it." : "Written by the operator.", source: given.source, evidence: [] }
    : { confidence: 1, reason: "No plan was given.", source: "default_plan", evidence: [] };
  return planFrom(given ?? {}, provenance, COACH_RULES_VERSION, defaults);
}

/**
 * Creates a campaign as a draft (nothing is enrolled until launch). Operators and admins. Given
 * the audience it will launch to, a campaign created with no vertical takes the audience's when
 * the audience is all one vertical: the CRM planner only proposes campaigns of the account's own
 * vertical, so an unknown one is never offered.
 */
export async function createCampaign(user: SessionUser, input: unknown, audience?: AudienceInput): Promise<{ id: number; plan: CampaignPlan }> {
  requireOperator(user);
  const parsed = validate(CreateCampaignInput, input, "campaigns");
  const plan = planOf(parsed);
  const vertical = parsed.vertical ?? (audience === undefined ? null : await audienceVertical(validate(AudienceInput, audience, "campaigns", "audience")));
  const campaignId = await insertCampaign(db(), {
    name: parsed.name,
    description: parsed.description ?? null,
    vertical,
    angle: plan.angle || parsed.angle,
    tone: plan.tone,
    cadenceDays: plan.cadenceDays,
    maxTouches: plan.maxTouches,
    stopOnCompanyReply: parsed.stopOnCompanyReply,
    allowOverlap: parsed.allowOverlap,
    cooldownDays: parsed.cooldownDays,
    plan,
    panel: parsed.panel,
    status: "draft",
    ownerId: user.id,
  });
  return { id: campaignId, plan };
}

export type AudiencePreview = {
  /** Contacts the audience names. */
  count: number;
  /** Contacts the guards let in. */
  eligible: number;
  excluded: { reason: ExclusionReason; count: number; message: string }[];
};

async function audienceIds(audience: z.output<typeof AudienceInput>): Promise<number[]> {
  if ("contactIds" in audience) return [...new Set(audience.contactIds)];
  return contactIdsMatching(db(), audience.filters, MAX_AUDIENCE);
}

/** The audience's one vertical: its filter's, else the one all its contacts' companies share; null when mixed or empty. */
async function audienceVertical(audience: z.output<typeof AudienceInput>) {
  if ("filters" in audience && audience.filters.vertical) return audience.filters.vertical;
  const verticals = await companyVerticalsOf(db(), await audienceIds(audience));
  return verticals.length === 1 ? verticals[0]! : null;
}

async function guardAudience(campaign: { id: number; allowOverlap: boolean; cooldownDays: number }, ids: number[], now: Date) {
  const [gates, past] = await Promise.all([gateInputsOf(db(), ids), enrollmentsOfContacts(db(), ids)]);
  const pastBy = new Map<number, { campaignId: number; status: EnrollmentStatus; updatedAt: Date }[]>();
  for (const e of past) pastBy.set(e.contactId, [...(pastBy.get(e.contactId) ?? []), e]);
  return partitionAudience(campaign, gates.map((g) => ({ ...g, past: pastBy.get(g.contactId) ?? [] })), now);
}

function describeExcluded(excluded: Partial<Record<ExclusionReason, number>>): AudiencePreview["excluded"] {
  return (Object.entries(excluded) as [ExclusionReason, number][]).map(([reason, count]) => ({ reason, count, message: EXCLUSION_MESSAGES[reason] }));
}

/**
 * How many contacts an audience names and what the guards would leave out, with reasons. For a
 * campaign not yet created, `options` carries its overlap and cooldown settings.
 */
export async function previewAudience(
  user: SessionUser,
  audience: unknown,
  options: { campaignId?: number; allowOverlap?: boolean; cooldownDays?: number } = {},
  clock: Clock = systemClock,
): Promise<AudiencePreview> {
  const { ids, eligible, excluded } = await guardedAudience(user, audience, options, clock);
  return { count: ids.length, eligible: eligible.length, excluded: describeExcluded(excluded) };
}

/**
 * The contacts a launch would enroll now: the audience after the guards, as the preview counts
 * them. The forecast simulates these, so its sends match the "Launch to N contacts" it sits beside.
 */
export async function eligibleContactIds(
  user: SessionUser,
  audience: unknown,
  options: { campaignId?: number; allowOverlap?: boolean; cooldownDays?: number } = {},
  clock: Clock = systemClock,
): Promise<number[]> {
  return (await guardedAudience(user, audience, options, clock)).eligible;
}

async function guardedAudience(user: SessionUser, audience: unknown, options: { campaignId?: number; allowOverlap?: boolean; cooldownDays?: number }, clock: Clock) {
  requireOperator(user);
  const parsed = validate(AudienceInput, audience, "campaigns");
  const campaign = options.campaignId ? await loadCampaign(options.campaignId) : { id: 0, allowOverlap: options.allowOverlap ?? false, cooldownDays: options.cooldownDays ?? 30 };
  const ids = await audienceIds(parsed);
  return { ids, ...(await guardAudience(campaign, ids, clock.now())) };
}

export type LaunchResult = { campaignId: number; enrolled: number; threads: ThreadLaunch; excluded: AudiencePreview["excluded"]; launchedAt: string };

/**
 * Launches a campaign: the guards pick who may be enrolled, the enrollments are written in
 * batches, each due to wake now, and each gets its thread (created through the graph client, a
 * few at a time; one that fails is created by its first wake instead, and is counted in
 * `threads`). The threads run as the scheduler wakes them (lib/jobs campaign_wake), so drafting
 * proceeds through jobs, under the governor, not in this request. Launching again adds new
 * contacts of the audience (once per campaign holds).
 */
export async function launchCampaign(
  user: SessionUser,
  campaignId: number,
  audience: unknown,
  clock: Clock = systemClock,
  graphs: Parameters<typeof createCampaignThreads>[0] = graphClient(),
): Promise<LaunchResult> {
  requireOperator(user);
  const parsed = validate(AudienceInput, audience, "campaigns");
  const campaign = await loadCampaign(campaignId);
  if (campaign.status === "completed") throw new AppError("conflict:campaigns", { message: "This campaign has completed; create a new one." });
  const now = clock.now();
  const ids = await audienceIds(parsed);
  const { eligible, excluded } = await guardAudience(campaign, ids, now);
  // Running before anyone is enrolled: a launch cut off midway (a restart) leaves a running
  // campaign whose enrolled contacts go ahead (a missing thread is made by its first wake), and
  // launching again adds the rest; never a draft campaign holding enrollments nothing wakes.
  if (campaign.status === "draft") await updateCampaign(db(), campaignId, { status: "active", launchedAt: now }, ["draft"]);
  const enrolled = await insertEnrollments(db(), campaignId, eligible, now);
  const threads = await createCampaignThreads(graphs, campaignId, eligible);
  wakeJobs();
  return { campaignId, enrolled, threads, excluded: describeExcluded(excluded), launchedAt: now.toISOString() };
}

/** Pauses a running campaign: its live enrollments stop waking until it is resumed. */
export async function pauseCampaign(user: SessionUser, campaignId: number, clock: Clock = systemClock): Promise<{ paused: number }> {
  requireOperator(user);
  await loadCampaign(campaignId);
  const now = clock.now();
  if (!(await updateCampaign(db(), campaignId, { status: "paused", pausedAt: now }, ["active"]))) throw new AppError("conflict:campaigns", { message: "Only a running campaign can be paused." });
  return { paused: await pauseCampaignEnrollments(db(), campaignId, now) };
}

/** Resumes a paused campaign; enrollments it paused wake now and their threads decide what is due. */
export async function resumeCampaign(user: SessionUser, campaignId: number, clock: Clock = systemClock): Promise<{ resumed: number }> {
  requireOperator(user);
  await loadCampaign(campaignId);
  const now = clock.now();
  if (!(await updateCampaign(db(), campaignId, { status: "active", pausedAt: null }, ["paused"]))) throw new AppError("conflict:campaigns", { message: "Only a paused campaign can be resumed." });
  const resumed = await resumeCampaignEnrollments(db(), campaignId, now);
  wakeJobs();
  return { resumed };
}

async function loadEnrollment(enrollmentId: number) {
  const enrollment = await getEnrollment(db(), enrollmentId);
  if (!enrollment) throw new AppError("not_found:campaigns", { message: "That enrollment does not exist." });
  return enrollment;
}

/** Pauses one contact's enrollment until someone resumes it. */
export async function pauseEnrollment(user: SessionUser, enrollmentId: number, clock: Clock = systemClock): Promise<void> {
  requireOperator(user);
  await loadEnrollment(enrollmentId);
  const changed = await pauseEnrollments(db(), [enrollmentId], { until: null, reason: `Paused by ${user.name}.`, scope: "contact", at: clock.now() });
  if (changed === 0) throw new AppError("conflict:campaigns", { message: "Only an active enrollment can be paused." });
}

export async function resumeEnrollment(user: SessionUser, enrollmentId: number, clock: Clock = systemClock): Promise<void> {
  requireOperator(user);
  await loadEnrollment(enrollmentId);
  if ((await resumeEnrollments(db(), [enrollmentId], clock.now())) === 0) throw new AppError("conflict:campaigns", { message: "Only a paused enrollment can be resumed." });
  wakeJobs();
}

/** Takes one contact out of the campaign; its waiting touch is withdrawn from the queue. */
export async function removeEnrollment(user: SessionUser, enrollmentId: number, clock: Clock = systemClock): Promise<{ withdrawn: number[] }> {
  requireOperator(user);
  await loadEnrollment(enrollmentId);
  const { stopped, withdrawn } = await stopEnrollments(db(), [enrollmentId], { status: "removed", reason: `Removed from the campaign by ${user.name}.`, at: clock.now() });
  if (stopped === 0) throw new AppError("conflict:campaigns", { message: "This enrollment has already ended." });
  return { withdrawn };
}
