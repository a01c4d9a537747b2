import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import { callTrail, type Provenance } from "@/graphs/shared/provenance";
import type { ComposedScore, ContactSignals, RoleFit } from "@/lib/scoring/rules";

export const inputSchema = z
  .object({
    contactId: z.number().int().positive(),
  })
  .strict();
export type ScoreContactInput = z.input<typeof inputSchema>;

/** The stored score as the run returns it: the composed score, its provenance and version, the model if it judged. */
export type ContactScoreDecision = Omit<ComposedScore, "reason" | "evidence" | "confidence"> & {
  provenance: Provenance & { source: ComposedScore["source"] };
  /** The role-fit prompt's version when the model judged, else the rules' version. */
  promptVersion: string;
  model: string | null;
};

export const ScoreContactState = Annotation.Root({
  contactId: Annotation<number>,
  /** Null: no such contact; the run stores nothing. */
  signals: Annotation<ContactSignals | null | undefined>,
  roleFit: Annotation<(RoleFit & { model: string | null }) | undefined>,
  decision: Annotation<ContactScoreDecision | undefined>,
  stored: Annotation<boolean | undefined>,
  /** The role-fit call's path (graphs/shared/provenance.ts). */
  calls: callTrail(),
});
export type ScoreContactStateType = typeof ScoreContactState.State;
export type ScoreContactOutput = ScoreContactStateType;
