"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/actions";
import { GAP_DAYS, TOUCHES } from "@/lib/governor/cadence";
import { convenePanel } from "@/lib/services/campaign-panel";
import { launchProgressFor } from "@/lib/services/campaign-views";
import {
  AudienceInput, CooldownDays, CreateCampaignInput, createCampaign, eligibleContactIds, launchCampaign, pauseCampaign, pauseEnrollment, previewAudience, removeEnrollment, resumeCampaign, resumeEnrollment,
} from "@/lib/services/campaigns";
import { forecastLaunch } from "@/lib/services/forecast";

const id = z.number().int().positive();

// The actions parse the audience and campaign themselves (the services check again) so a refusal
// comes back as the schema's own sentence for the form, not the API's `Invalid "field": …`.
const PreviewInput = z.object({ audience: AudienceInput, allowOverlap: z.boolean().default(false), cooldownDays: CooldownDays.default(30) });

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

const GAP_MESSAGE = `Each gap between touches is ${GAP_DAYS.min} to ${GAP_DAYS.max} whole days.`;
const TOUCHES_MESSAGE = `A campaign has ${TOUCHES.min} to ${TOUCHES.max} touches.`;
const ForecastInput = z.object({
  audience: AudienceInput,
  allowOverlap: z.boolean().default(false),
  cooldownDays: CooldownDays.default(30),
  cadenceDays: z.array(z.number({ error: GAP_MESSAGE }).int({ error: GAP_MESSAGE }).min(GAP_DAYS.min, { error: GAP_MESSAGE }).max(GAP_DAYS.max, { error: GAP_MESSAGE })).max(TOUCHES.max, { error: TOUCHES_MESSAGE }),
  maxTouches: z.number({ error: TOUCHES_MESSAGE }).int({ error: TOUCHES_MESSAGE }).min(TOUCHES.min, { error: TOUCHES_MESSAGE }).max(TOUCHES.max, { error: TOUCHES_MESSAGE }),
});

/**
 * The send governor's forecast under the plan's cadence: when each touch finishes. It simulates
 * the contacts the launch would enroll (the audience after the guards, with the form's overlap
 * and cooldown settings), not everyone the audience names.
 */
export async function forecastAction(input: z.input<typeof ForecastInput>) {
  return runAction("campaigns", "operator", ForecastInput, input, async (user, { audience, allowOverlap, cooldownDays, cadenceDays, maxTouches }) => {
    const contactIds = await eligibleContactIds(user, audience, { allowOverlap, cooldownDays });
    return { forecast: await forecastLaunch(user, { contactIds, plan: { cadenceDays, touches: maxTouches } }) };
  });
}

const LaunchInput = z.object({ campaign: CreateCampaignInput, audience: AudienceInput });

/**
 * Creates the campaign with the reviewed plan and launches it: enrollments are written and due
 * at once; their threads start as the scheduler wakes them (launchProgressAction shows how far).
 */
export async function createAndLaunchAction(input: z.input<typeof LaunchInput>) {
  return runAction("campaigns", "operator", LaunchInput, input, async (user, { campaign, audience }) => {
    // The audience and campaign are parsed before anything is written, so a bad one leaves no draft campaign behind.
    const created = await createCampaign(user, campaign, audience);
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

