import { db } from "@/db/client";
import { readCrmState } from "@/db/queries/crm-state";
import { systemClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { CrmOrchestratorStateType } from "../state";

/** Reads the subject's CRM state: the only facts the plan is reasoned from. */
export async function loadCrmState(state: CrmOrchestratorStateType): Promise<Partial<CrmOrchestratorStateType>> {
  const crm = await readCrmState(db(), { companyId: state.companyId, contactId: state.contactId }, systemClock.now());
  if (!crm) throw new AppError("not_found:plans", { message: "That contact or account does not exist." });
  return { crm };
}
