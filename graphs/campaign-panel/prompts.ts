import type { ChatMessage } from "@/lib/llm/types";
import { fenceUntrusted } from "@/lib/safety/fence";
import type { AudienceProfile, Lens, LensArgument } from "./state";

/** Bump on any change to the prompts below; it is stamped on every argument and plan a model made. */
export const PROMPT_VERSION = "campaign-panel-v1-2026-12";

const LIMITS = `Limits every proposal must keep: angle at most 200 characters; tone one of warm, direct, formal, casual, consultative; cadenceDays one gap in days (0-60) before each touch, the first usually 0; maxTouches 1-6; perTouchAngles one short line per touch; stopCriteria one sentence.`;

const ROLE: Record<Lens, string> = {
  strategist: `You are the strategist on a campaign design panel. From the audience below, argue the sequence's angle and the arc of its touches: what to lead with, what each later touch adds. Ground every point in the audience's shared themes and their example facts; never invent a fact.`,
  skeptic: `You are the skeptic on a campaign design panel. Challenge what the strategist proposed: is the shared signal wide enough to carry the angle, are there too many touches or too little space between them for these readers, when must the sequence stop? Propose the cadence, touch budget and stop criteria you would accept, and a broader angle only if the strategist's is too narrow.`,
  brand_voice: `You are the brand-voice lens on a campaign design panel. Decide the tone that suits these readers' field and seniority, and the house rules each touch must keep (claims only from facts, no false urgency). Propose the tone; comment on the other lenses' proposals only where voice is at stake.`,
};

const AUDIENCE_NOTE = "The audience summary comes from the CRM; its example facts were collected from the web.";

function audienceBlock(profile: AudienceProfile, campaignName: string | undefined, themesShown: number): string {
  const summary = { ...profile, themes: profile.themes.slice(0, themesShown) };
  return [campaignName ? `Campaign: ${campaignName}` : null, AUDIENCE_NOTE, fenceUntrusted("audience summary", JSON.stringify(summary, null, 1))].filter(Boolean).join("\n\n");
}

function earlierBlock(earlier: readonly LensArgument[]): string {
  if (!earlier.length) return "You speak first.";
  return fenceUntrusted("what the panel said so far", JSON.stringify(earlier.map((l) => ({ lens: l.lens, argument: l.argument, proposals: l.proposals }))));
}

export function lensMessages(lens: Lens, profile: AudienceProfile, campaignName: string | undefined, earlier: readonly LensArgument[], themesShown: number): ChatMessage[] {
  return [
    {
      role: "system",
      content: `${ROLE[lens]}\n\n${LIMITS}\n\nReturn STRICT JSON, no prose: {"argument": "3-5 sentences", "proposals": {only the fields you propose}, "confidence": number between 0 and 1}`,
    },
    { role: "user", content: `${audienceBlock(profile, campaignName, themesShown)}\n\n${earlierBlock(earlier)}` },
  ];
}

export function agreeMessages(profile: AudienceProfile, campaignName: string | undefined, lenses: readonly LensArgument[], themesShown: number): ChatMessage[] {
  return [
    {
      role: "system",
      content: `You chair a campaign design panel. The strategist, the skeptic and the brand-voice lens have argued; agree one plan that answers the skeptic's objections and keeps the brand voice's tone. The plan only seeds a sequence whose every email a person approves.\n\n${LIMITS}\n\nReturn STRICT JSON, no prose: {"angle": "...", "tone": "...", "cadenceDays": [..], "maxTouches": n, "perTouchAngles": [one per touch], "stopCriteria": "...", "confidence": number between 0 and 1, "reason": "one sentence: what each lens won"}`,
    },
    { role: "user", content: `${audienceBlock(profile, campaignName, themesShown)}\n\n${earlierBlock(lenses)}` },
  ];
}
