import "server-only";
import type { z } from "zod";
import { db } from "@/db/client";
import { contactIdsMatching } from "@/db/queries/contacts";
import { MAX_PANEL_CONTACTS, type AgreedPlan, type AudienceProfile, type LensArgument } from "@/graphs/campaign-panel/graph";
import type { Provenance } from "@/graphs/shared/provenance";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { validate } from "@/lib/http/body";
import { graphClient } from "@/lib/langgraph/instance";
import { AudienceInput, MAX_AUDIENCE } from "@/lib/services/campaigns";

function requireOperator(user: SessionUser): void {
  if (!hasRole(user.role, "operator")) throw new AppError("forbidden:campaigns", { message: "Only operators and admins can plan and run campaigns." });
}

/** The contact ids an audience names: the selection as given, or every contact the filters match (up to the campaign maximum). */
export async function audienceContactIds(audience: z.output<typeof AudienceInput>): Promise<number[]> {
  if ("contactIds" in audience) return [...new Set(audience.contactIds)];
  return contactIdsMatching(db(), audience.filters, MAX_AUDIENCE);
}

/** Every k-th id, so a sample of a large audience keeps its spread (ids follow import order, not any one vertical). */
export function evenSample(ids: readonly number[], most: number): number[] {
  if (ids.length <= most) return [...ids];
  const step = ids.length / most;
  return Array.from({ length: most }, (_, i) => ids[Math.floor(i * step)]!);
}

/** What the create flow shows of the panel: each lens's case, the agreed plan and where it came from. */
export type PanelResult = {
  lenses: LensArgument[];
  agreed: AgreedPlan;
  provenance: Provenance;
  promptVersion: string;
  profile: AudienceProfile;
  /** When the audience was larger than the panel reads: how many it read of how many. */
  sampled: { read: number; of: number } | null;
  runId: string | null;
};

/**
 * Convenes the campaign_panel for an audience (operators and admins). The panel only proposes:
 * nothing is stored or sent here; the operator edits its plan and it is stored with the campaign
 * at creation.
 */
export async function convenePanel(user: SessionUser, input: { audience: unknown; campaignName?: string }): Promise<PanelResult> {
  requireOperator(user);
  const audience = validate(AudienceInput, input.audience, "campaigns", "audience");
  const ids = await audienceContactIds(audience);
  if (ids.length === 0) throw new AppError("unprocessable:campaigns", { message: "The audience has no contacts: widen the filters or pick contacts.", field: "audience" });
  const contactIds = evenSample(ids, MAX_PANEL_CONTACTS);
  const name = input.campaignName?.trim().slice(0, 120);
  const { values, runId } = await graphClient().run("campaign_panel", { contactIds, ...(name ? { campaignName: name } : {}) }, { metadata: { requested_by: user.id } });
  if (values.outcome !== "agreed" || !values.agreed || !values.profile || !values.provenance) {
    throw new AppError("unprocessable:campaigns", { message: "None of the audience's contacts exist any more.", field: "audience" });
  }
  return {
    lenses: values.lenses,
    agreed: values.agreed,
    provenance: values.provenance,
    promptVersion: values.promptVersion ?? "",
    profile: values.profile,
    sampled: ids.length > contactIds.length ? { read: contactIds.length, of: ids.length } : null,
    runId,
  };
}
