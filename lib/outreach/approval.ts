import { z } from "zod";
import { REJECT_LABELS } from "@/db/schema";

/**
 * What a person answers at a draft's approval interrupt (Agent Inbox response types): accept,
 * edit, ignore (reject, with a reason and a preset label) and response — an instruction to
 * redraft ("shorter, mention the pilot"); an empty one asks for a fresh version (regenerate).
 * Shared by every graph that pauses a draft for a person, so the queue decides them all alike.
 */
export const ApprovalResponse = z.discriminatedUnion("type", [
  z.object({ type: z.literal("accept"), decidedBy: z.string().nullable().default(null) }),
  z.object({
    type: z.literal("edit"),
    args: z.object({ subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(10_000) }),
    decidedBy: z.string().nullable().default(null),
  }),
  z.object({
    type: z.literal("ignore"),
    reason: z.string().trim().max(500).default(""),
    label: z.enum(REJECT_LABELS).nullable().default(null),
    decidedBy: z.string().nullable().default(null),
  }),
  z.object({ type: z.literal("response"), args: z.string().trim().max(500).default(""), decidedBy: z.string().nullable().default(null) }),
]);
export type ApprovalResponse = z.input<typeof ApprovalResponse>;
