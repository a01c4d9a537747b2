import type { Database } from "@/db/client";
import { applyInboundToCampaigns } from "@/lib/campaigns/inbound-hook";
import type { JobSpecs } from "../catalog";
import type { JobHandler } from "../kind";

/**
 * Applies an inbound email's campaign effects when the request that received it died before it
 * could (its job was queued with the email). Idempotent: a stopped enrollment is no longer live,
 * and a pause sets the same end again.
 */
export function applyInboundCampaigns(deps: { database: Database }): JobHandler<JobSpecs["inbound_campaigns"]["payload"]> {
  return async (input) => {
    await applyInboundToCampaigns(deps.database, { contactId: input.contactId, label: input.label, returnDate: input.returnDate, at: new Date(input.at) });
  };
}
