import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { auditActions, listAuditLog, type AuditRow } from "@/db/queries/audit";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { formatUsd } from "@/lib/format";
import { paging, parseParams, type RawParams } from "./params";

export const AuditLogQuery = z.object({
  action: z.string().regex(/^[a-z][a-z0-9_.]*$/, "must be an action name such as llm.budgets").max(100).optional(),
  ...paging,
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export function parseAuditLogQuery(params: RawParams): AuditLogQuery {
  return parseParams(AuditLogQuery, params, "admin");
}

/** What an audit entry changed, as the log page shows it. */
export type AuditChange = { label: string; target: string; before: string; after: string };

const onOff = (value: unknown) => (value === true ? "On" : value === false ? "Off" : "—");
const dollars = (value: unknown) => (typeof value === "number" ? formatUsd(value) : "—");

/**
 * Reads an entry's JSON detail as a before → after change. Each action writes its own detail
 * shape (lib/services/model-controls.ts); an action this page does not know shows its raw detail
 * rather than nothing. Entries written before the kill switch recorded its previous state have
 * no "before".
 */
export function describeAuditEntry(entry: { action: string; targetType: string | null; targetId: string | null; detail: Record<string, unknown> | null }): AuditChange {
  const detail = entry.detail ?? {};
  switch (entry.action) {
    case "llm.kill_switch":
      return { label: "Model kill switch", target: "every graph", before: onOff(detail.from), after: onOff(detail.enabled) };
    case "llm.budgets":
      return {
        label: detail.reset === true ? "Daily budget reset to default" : "Daily budget",
        target: typeof detail.graph === "string" ? detail.graph : "—",
        before: dollars(detail.from),
        after: `${dollars(detail.to)}${detail.reset === true ? " (default)" : ""}`,
      };
    case "playbook.edited":
      return {
        label: "Objection playbook",
        target: typeof detail.vertical === "string" ? detail.vertical : "—",
        before: typeof detail.from === "number" ? `Version ${detail.from}` : "—",
        after: `Version ${typeof detail.version === "number" ? detail.version : "?"}${Array.isArray(detail.changed) && detail.changed.length ? ` (changed: ${detail.changed.join(", ")})` : ""}`,
      };
    case "company.country_classified":
      return {
        label: "Company country classified",
        target: `company ${entry.targetId ?? "—"}${typeof detail.hq === "string" && detail.hq ? ` (HQ “${detail.hq}”)` : ""}`,
        before: typeof detail.previous === "string" ? detail.previous : "—",
        after: `${typeof detail.country === "string" ? detail.country : "no country"}${typeof detail.confidence === "number" ? `, confidence ${detail.confidence.toFixed(2)}` : ""}${typeof detail.source === "string" ? ` (${detail.source.replaceAll("_", " ")})` : ""}`,
      };
    case "plans.autonomy":
      return { label: "Plan autonomy", target: "crm_orchestrator", before: typeof detail.from === "string" ? detail.from : "—", after: typeof detail.to === "string" ? detail.to : "—" };
    default:
      return {
        label: entry.action,
        target: [entry.targetType, entry.targetId].filter(Boolean).join(" ") || "—",
        before: "—",
        after: readableDetail(detail),
      };
  }
}

export type AuditEntry = Pick<AuditRow, "id" | "at" | "action" | "actorName" | "actorEmail"> & AuditChange;

/** The audit log for admins: newest first, a page at a time, optionally one action only. */
export async function auditLogFor(user: SessionUser, query: AuditLogQuery) {
  if (!hasRole(user.role, "admin")) throw new AppError("forbidden:admin");
  const [{ rows, total }, actions] = await Promise.all([
    listAuditLog(db(), { action: query.action, page: query.page, pageSize: query.pageSize }),
    auditActions(db()),
  ]);
  const entries: AuditEntry[] = rows.map((r) => ({ id: r.id, at: r.at, action: r.action, actorName: r.actorName, actorEmail: r.actorEmail, ...describeAuditEntry(r) }));
  return { entries, total, page: query.page, pageSize: query.pageSize, actions };
}

/** An action this page does not know: its detail as "key: value" pairs, leaving out empty values and nested records. */
function readableDetail(detail: Record<string, unknown>): string {
  const pairs = Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== "" && typeof v !== "object")
    .map(([k, v]) => `${k.replace(/_/g, " ")}: ${String(v)}`);
  return pairs.length ? pairs.join(", ") : "—";
}
