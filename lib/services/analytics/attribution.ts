import "server-only";
import { z } from "zod";
import type { AttributionResult } from "@/graphs/touch-attribution/graph";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { graphClient } from "@/lib/langgraph/instance";
import { parseParams, type RawParams } from "../params";
import { requireOperator } from "./answers";

const positiveId = (what: string) => z.coerce.number({ error: `must be a ${what} id` }).int(`must be a whole number`).positive("must be a positive id");
export const AttributionQuery = z
  .object({ campaignId: positiveId("campaign").optional(), contactId: positiveId("contact").optional() })
  .refine((q) => (q.campaignId === undefined) !== (q.contactId === undefined), { message: "Choose a campaign or a contact (one of them).", path: ["campaignId"] });

export function parseAttributionQuery(params: RawParams): z.infer<typeof AttributionQuery> {
  return parseParams(AttributionQuery, params, "analytics");
}

export type AttributionView = AttributionResult & { runId: string | null };

/**
 * Which emails earned a campaign's or a contact's conversions: the touch_attribution graph,
 * model-weighted for the latest conversions when a model may answer, last touch otherwise.
 */
export async function attributionView(user: SessionUser, query: z.infer<typeof AttributionQuery>): Promise<AttributionView> {
  requireOperator(user);
  const input = query.campaignId !== undefined ? { campaignId: query.campaignId } : { contactId: query.contactId! };
  const { values, runId } = await graphClient().run("touch_attribution", input, { metadata: { requested_by: user.id } });
  if (!values.result) throw new AppError("internal:analytics", { message: "The attribution ended without a result." });
  return { ...values.result, runId: runId || null };
}
