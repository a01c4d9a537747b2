import { z } from "zod";
import { VERTICALS, type Vertical } from "@/db/schema/crm";
import { OBJECTION_KINDS, OBJECTION_LABELS, type ObjectionKind } from "./kinds";

export const RESPONSE_CHARS = { min: 40, max: 1_200 } as const;
export const PROOF_POINT_CHARS = { min: 10, max: 300 } as const;
export const MAX_PROOF_POINTS = 6;
export const MAX_NOTE_CHARS = 500;

/** One objection's approved answer and its proof points, as stored (one version of a vertical's playbook). */
export type PlaybookEntry = { objection: ObjectionKind; response: string; proofPoints: string[] };

/** A vertical's playbook at one version; version 0 is the shipped default (no edit stored yet). */
export type Playbook = { vertical: Vertical; version: number; entries: PlaybookEntry[]; note: string | null; createdBy: string | null; createdAt: Date | null };

const squeeze = (s: string) => s.replace(/\s+/g, " ").trim();
const label = (kind: ObjectionKind) => OBJECTION_LABELS[kind];

const entry = z
  .object({ objection: z.enum(OBJECTION_KINDS), response: z.string(), proofPoints: z.array(z.string()) })
  .transform((e, ctx) => {
    const name = label(e.objection);
    const response = squeeze(e.response);
    const proofPoints = e.proofPoints.map(squeeze).filter(Boolean);
    if (response.length < RESPONSE_CHARS.min || response.length > RESPONSE_CHARS.max) {
      ctx.addIssue({ code: "custom", path: ["response"], message: `${name}: the response must be ${RESPONSE_CHARS.min} to ${RESPONSE_CHARS.max} characters (it has ${response.length}).` });
    }
    // A template placeholder in approved text would reach a prospect verbatim.
    if (/\{\{|\}\}/.test(response) || proofPoints.some((p) => /\{\{|\}\}/.test(p))) {
      ctx.addIssue({ code: "custom", path: ["response"], message: `${name}: remove the {{…}} placeholder; playbook text is sent as written.` });
    }
    if (proofPoints.length < 1 || proofPoints.length > MAX_PROOF_POINTS) {
      ctx.addIssue({ code: "custom", path: ["proofPoints"], message: `${name}: give 1 to ${MAX_PROOF_POINTS} proof points, one per line (it has ${proofPoints.length}).` });
    }
    const bad = proofPoints.find((p) => p.length < PROOF_POINT_CHARS.min || p.length > PROOF_POINT_CHARS.max);
    if (bad !== undefined) {
      ctx.addIssue({ code: "custom", path: ["proofPoints"], message: `${name}: each proof point must be ${PROOF_POINT_CHARS.min} to ${PROOF_POINT_CHARS.max} characters ("${bad.slice(0, 40)}…" has ${bad.length}).` });
    }
    return { objection: e.objection, response, proofPoints };
  });

/**
 * A playbook edit as an admin submits it: the vertical, all nine entries (each objection exactly
 * once, whitespace squeezed), and an optional note. Every message names the objection at fault,
 * because the editor shows all nine at once.
 */
export const PlaybookEdit = z.object({
  vertical: z.enum(VERTICALS, { error: `Choose a vertical: ${VERTICALS.join(", ")}.` }),
  entries: z.array(entry).superRefine((entries, ctx) => {
    const seen = new Set(entries.map((e) => e.objection));
    const missing = OBJECTION_KINDS.filter((k) => !seen.has(k));
    if (missing.length) ctx.addIssue({ code: "custom", message: `Every objection needs an entry; missing: ${missing.map(label).join(", ")}.` });
    if (seen.size !== entries.length) ctx.addIssue({ code: "custom", message: "Each objection may have only one entry." });
  }),
  note: z
    .string()
    .max(MAX_NOTE_CHARS, `The note is too long (${MAX_NOTE_CHARS} characters at most).`)
    .optional()
    .transform((n) => (n && squeeze(n)) || null),
});
export type PlaybookEdit = z.output<typeof PlaybookEdit>;

/** The entries in the editor's order (the vocabulary's), whatever order they were stored in. */
export function inKindOrder(entries: PlaybookEntry[]): PlaybookEntry[] {
  return OBJECTION_KINDS.map((k) => entries.find((e) => e.objection === k)).filter((e): e is PlaybookEntry => e !== undefined);
}

/** What changed between two versions, per objection, for the version list. */
export function changedObjections(before: PlaybookEntry[], after: PlaybookEntry[]): ObjectionKind[] {
  return OBJECTION_KINDS.filter((k) => {
    const a = before.find((e) => e.objection === k);
    const b = after.find((e) => e.objection === k);
    return JSON.stringify(a) !== JSON.stringify(b);
  });
}
