"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/actions";
import { validate } from "@/lib/http/body";
import { audienceContactIds, convenePanel } from "@/lib/services/campaign-panel";
import { launchProgressFor } from "@/lib/services/campaign-views";
import {
  AudienceInput, createCampaign, launchCampaign, pauseCampaign, pauseEnrollment, previewAudience, removeEnrollment, resumeCampaign, resumeEnrollment,
} from "@/lib/services/campaigns";
import { forecastLaunch } from "@/lib/services/forecast";

const id = z.number().int().positive();

const PreviewInput = z.object({ audience: z.unknown(), allowOverlap: z.boolean().default(false), cooldownDays: z.number().int().min(0).max(365).default(30) });

/** How many contacts the audience names and what the enrollment guards would leave out. */
export async function previewAudienceAction(input: z.input<typeof PreviewInput>) {
  return runAction("campaigns", "operator", PreviewInput, input, async (user, { audience, allowOverlap, cooldownDays }) => ({
    preview: await previewAudience(user, audience, { allowOverlap, cooldownDays }),
  }));
}

const PanelInput = z.object({ audience: z.unknown(), campaignName: z.string().max(120).optional() });

/** Convenes the campaign panel for the audience; nothing is stored until the campaign is created. */
export async function convenePanelAction(input: z.input<typeof PanelInput>) {
  return runAction("campaigns", "operator", PanelInput, input, async (user, data) => ({ panel: await convenePanel(user, data) }));
}

const ForecastInput = z.object({ audience: z.unknown(), cadenceDays: z.array(z.number().int().min(0).max(60)).max(6), maxTouches: z.number().int().min(1).max(6) });

/** The send governor's forecast for the audience under the plan's cadence: when each touch finishes. */
export async function forecastAction(input: z.input<typeof ForecastInput>) {
  return runAction("campaigns", "operator", ForecastInput, input, async (user, { audience, cadenceDays, maxTouches }) => {
    const contactIds = await audienceContactIds(validate(AudienceInput, audience, "campaigns", "audience"));
    return { forecast: await forecastLaunch(user, { contactIds, plan: { cadenceDays, touches: maxTouches } }) };
  });
}

const LaunchInput = z.object({ campaign: z.unknown(), audience: z.unknown() });

/**
 * Creates the campaign with the reviewed plan and launches it: enrollments are written and due
 * at once; their threads start as the scheduler wakes them (launchProgressAction shows how far).
 */
export async function createAndLaunchAction(input: z.input<typeof LaunchInput>) {
  return runAction("campaigns", "operator", LaunchInput, input, async (user, { campaign, audience }) => {
    // The audience is checked before anything is written, so a bad one leaves no draft campaign behind.
    const checked = validate(AudienceInput, audience, "campaigns", "audience");
    const created = await createCampaign(user, campaign, checked);
    const launched = await launchCampaign(user, created.id, audience);
    revalidatePath("/campaigns");
    return { campaignId: created.id, enrolled: launched.enrolled, excluded: launched.excluded };
  });
}

const CampaignRef = z.object({ campaignId: id });

export async function launchProgressAction(input: z.input<typeof CampaignRef>) {
  return runAction("campaigns", "operator", CampaignRef, input, async (user, { campaignId }) => ({ progress: await launchProgressFor(user, campaignId) }));
}

const CampaignOp = z.object({ campaignId: id, op: z.enum(["pause", "resume"]) });

/** Pauses or resumes a whole campaign. */
export async function campaignStateAction(input: z.input<typeof CampaignOp>) {
  return runAction("campaigns", "operator", CampaignOp, input, async (user, { campaignId, op }) => {
    const changed = op === "pause" ? (await pauseCampaign(user, campaignId)).paused : (await resumeCampaign(user, campaignId)).resumed;
    revalidatePath(`/campaigns/${campaignId}`);
    revalidatePath("/campaigns");
    return { changed };
  });
}

const EnrollmentOp = z.object({ campaignId: id, enrollmentId: id, op: z.enum(["pause", "resume", "remove"]) });

/** Pauses, resumes or removes one contact's enrollment. */
export async function enrollmentAction(input: z.input<typeof EnrollmentOp>) {
  return runAction("campaigns", "operator", EnrollmentOp, input, async (user, { campaignId, enrollmentId, op }) => {
    if (op === "pause") await pauseEnrollment(user, enrollmentId);
    else if (op === "resume") await resumeEnrollment(user, enrollmentId);
    else await removeEnrollment(user, enrollmentId);
    revalidatePath(`/campaigns/${campaignId}`);
    return {};
  });
}

