import { z } from "zod";
import type { Provenance } from "@/db/schema";

/** Who takes part in writing a draft: researcher (company facts), composer (writes), reviewer (revises). */
export const ROLES = ["researcher", "composer", "reviewer"] as const;
export type Role = (typeof ROLES)[number];
export const TONES = ["warm", "direct", "formal", "casual", "consultative"] as const;

/**
 * Everything a draft may be written from; nothing else reaches a prompt or a template. Shared by
 * every graph that drafts outreach (compose, orchestrator, reply, campaigns).
 */
export const ComposeBrief = z.object({
  action: z.enum(["initial", "followup", "reply"]),
  contact: z.object({
    firstName: z.string().min(1),
    lastName: z.string(),
    title: z.string().nullable(),
    seniority: z.string().nullable(),
    department: z.string().nullable(),
  }),
  /** `vertical` is the schema's token ("saas"); prose shows it through lib/format's `tokenInSentence` ("SaaS"). */
  company: z.object({ name: z.string().min(1), vertical: z.string(), size: z.string().nullable(), hqCity: z.string().nullable() }),
  facts: z.array(z.object({ id: z.number(), fact: z.string(), source: z.string(), confidence: z.number() })).max(8),
  campaign: z.object({ name: z.string(), angle: z.string().nullable(), tone: z.enum(TONES) }).nullable(),
  /** Only memories the trust tiers allow (lib/safety/trust.ts). */
  memories: z.array(z.object({ source: z.string(), content: z.string() })).max(10),
  /** The contact's message being answered: untrusted, fenced in prompts. */
  inbound: z.object({ subject: z.string(), body: z.string() }).nullable(),
  previousSubject: z.string().nullable(),
  senderName: z.string().min(1),
  roles: z.array(z.enum(ROLES)),
  /**
   * A campaign touch's place in its sequence (touch 2 of 5), so it builds on the earlier ones, and
   * the plan's angle for this touch: a note to the writer ("open on reported growth"), given to a
   * model as an instruction and never written into the email (the campaign's angle is the
   * prospect-facing wording).
   */
  touch: z.object({ number: z.number().int().min(1), of: z.number().int().min(1), angle: z.string().nullish() }).nullish(),
  /**
   * A person's request to redraft (Agent Inbox "respond"): their instruction ("shorter, mention
   * the pilot"), or null to regenerate, and the version it replaces. Only a model can follow it;
   * the offline templates ignore it.
   */
  instruction: z
    .object({ text: z.string().max(500).nullable(), previous: z.object({ subject: z.string(), body: z.string() }) })
    .nullish(),
});
export type ComposeBrief = z.infer<typeof ComposeBrief>;

/** An email written from a brief, by a model or a template. */
export type OutreachDraft<P extends Provenance = Provenance> = {
  subject: string;
  body: string;
  /** The model that wrote it, or "offline template". */
  model: string;
  provenance: P;
  /** Refinement passes applied (at most two). */
  refinements: number;
};
