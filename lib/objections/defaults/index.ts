import type { Vertical } from "@/db/schema/crm";
import type { PlaybookEntry } from "../playbook";
import { FINTECH } from "./fintech";
import { HEALTHCARE } from "./healthcare";
import { LOGISTICS } from "./logistics";
import { MANUFACTURING } from "./manufacturing";
import { RETAIL } from "./retail";
import { SAAS } from "./saas";

/**
 * The shipped playbooks (version 0 of each vertical): what the coach grounds in until an admin
 * saves an edit. Written for this console's demo company; admins replace them with their own.
 */
export const DEFAULT_PLAYBOOKS: Record<Vertical, PlaybookEntry[]> = {
  saas: SAAS,
  fintech: FINTECH,
  healthcare: HEALTHCARE,
  manufacturing: MANUFACTURING,
  logistics: LOGISTICS,
  retail: RETAIL,
};
