import { count, desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog, users } from "../schema";

export type AuditFilter = { action?: string; page: number; pageSize: number };

/** One page of the audit log, newest first, with who did it (a deleted user reads as null). */
export async function listAuditLog(database: Database, filter: AuditFilter) {
  const where = filter.action ? eq(auditLog.action, filter.action) : undefined;
  const [rows, [totals]] = await Promise.all([
    database
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        detail: auditLog.detail,
        actorName: users.name,
        actorEmail: users.email,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      // Two changes in the same millisecond keep the order they were written in.
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    database.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

export type AuditRow = Awaited<ReturnType<typeof listAuditLog>>["rows"][number];

/** Every action the log holds, for the filter: actions nobody has taken yet are not offered. */
export async function auditActions(database: Database): Promise<string[]> {
  const rows = await database.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
