import { rm } from "node:fs/promises";
import type { Database } from "@/db/client";
import { contactIdsByEmail, getLeadImport, lookupLeads, moveLeadImport, writeLeadBatch, type BatchProgress, type LeadImport } from "@/db/queries/lead-imports";
import type { ConflictSample } from "@/db/schema";
import { RESOLVER_VERSION } from "@/lib/geo/resolve";
import { scoreContactsOffline } from "@/lib/scoring/bulk";
import type { ColumnMapping, ImportField } from "./columns";
import { headerNames, readCsv } from "./csv";
import { planBatch, type BatchPlan, type PlannedRow } from "./plan";
import { cellReader, duplicateProblem, validateRow, type RowResult } from "./validate";

/** Rows per batch: big enough that a batch's lookups and writes are a few statements, small enough to keep memory flat. */
export const IMPORT_BATCH_ROWS = 1_000;
/** Conflicts kept for the report (all are counted). */
const CONFLICT_SAMPLES = 50;

/** An import that cannot go on whatever is retried (its file or mapping is gone or wrong). */
export class ImportFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFailure";
  }
}

/** The columns a mapping names that the file lacks (none when it fits). */
export function missingHeaders(mapping: ColumnMapping, headers: readonly string[]): string[] {
  return Object.values(mapping).filter((header): header is string => typeof header === "string" && !headers.includes(header));
}

/**
 * Reads a CSV as a stream of validated rows: each row read by the mapping, then an address seen
 * earlier in the file (on a row that was valid) refused as a duplicate of that line.
 */
export async function* validatedRows(path: string, mapping: ColumnMapping): AsyncGenerator<PlannedRow & { bytes: number }> {
  let read: ((cells: readonly string[], field: ImportField) => string) | null = null;
  const seen = new Map<string, number>();
  for await (const { record, info } of readCsv(path)) {
    if (!read) {
      const headers = headerNames(record);
      const missing = missingHeaders(mapping, headers);
      if (missing.length) throw new ImportFailure(`The file has no column named ${missing.map((m) => `"${m}"`).join(", ")}, which the mapping reads.`);
      read = cellReader(new Map(headers.map((h, i) => [h, i])), mapping);
      continue;
    }
    const cells = record;
    let result: RowResult = validateRow((field) => read!(cells, field));
    if (result.ok) {
      const email = result.lead.contact.email;
      const first = seen.get(email);
      if (first === undefined) seen.set(email, info.lines);
      else result = { ok: false, email, problems: [duplicateProblem(first)] };
    }
    yield { line: info.lines, cells, result, bytes: info.bytes };
  }
}

/** What the database holds for a batch's rows, then the batch's plan. */
export async function planRows(database: Database, rows: readonly PlannedRow[]): Promise<BatchPlan> {
  const valid = rows.flatMap((r) => (r.result.ok ? [r.result.lead] : []));
  const lookups = await lookupLeads(database, [...new Set(valid.map((l) => l.contact.email))], [...new Set(valid.map((l) => l.company.domain))]);
  return planBatch(rows, lookups);
}

function countsOf(plan: BatchPlan): BatchProgress["counts"] {
  const by = (action: string) => plan.outcomes.filter((o) => o.action === action).length;
  return {
    contactsCreated: by("create"),
    contactsMerged: by("merge"),
    contactsUnchanged: by("unchanged"),
    companiesCreated: plan.newCompanies.length,
    companiesMerged: plan.companyPatches.length,
    refused: by("refuse"),
    suppressed: plan.outcomes.filter((o) => o.suppressed).length,
    countriesResolved: plan.countryDecisions.length,
    conflicts: plan.outcomes.reduce((n, o) => n + o.conflicts.length, 0),
  };
}

export type ImportRunDeps = {
  database: Database;
  /** Aborted when the job's lease is lost: the import stops between batches and resumes elsewhere. */
  signal?: AbortSignal;
  now?: () => Date;
  batchRows?: number;
  /** Told after each batch is written (the row as it now stands is in the database). */
  onBatch?: (rowsDone: number, bytesDone: number) => void;
};

/**
 * Runs one uploaded import to the end: streams the file, validates, plans and writes it in
 * batches (each batch and the import's counters in one transaction), scores each batch's new and
 * merged contacts with the rules (lib/scoring/bulk.ts), then removes the file.
 * Resumable: a run that stopped part-way starts after the rows its counters already describe
 * (the rows before are read again only to know which addresses the file has already used).
 */
export async function runLeadImport(deps: ImportRunDeps, importId: number): Promise<LeadImport> {
  const { database } = deps;
  const now = deps.now ?? (() => new Date());
  const row = await getLeadImport(database, importId);
  if (!row) throw new ImportFailure(`Import ${importId} does not exist.`);
  if (row.status === "done") return row;
  if (!row.path || !row.mapping) throw new ImportFailure("The import has no file or no mapping to read it with.");
  await moveLeadImport(database, importId, ["queued", "running"], "running", { startedAt: row.startedAt ?? now() });
  const batchRows = deps.batchRows ?? IMPORT_BATCH_ROWS;
  const samples: ConflictSample[] = [...row.conflictSamples];
  let index = 0;
  let bytes = row.bytesDone;
  let batch: PlannedRow[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const plan = await planRows(database, batch);
    for (const outcome of plan.outcomes) {
      for (const conflict of outcome.conflicts) if (samples.length < CONFLICT_SAMPLES) samples.push({ line: outcome.line, email: outcome.email ?? "", ...conflict });
    }
    await writeLeadBatch(database, plan, { importId, rowsDone: index, bytesDone: bytes, counts: countsOf(plan), conflictSamples: samples }, { ownerId: row.ownerId, actorId: row.createdBy, resolverVersion: RESOLVER_VERSION });
    // The batch's new and merged contacts get a rules score now, so the list shows their tiers when
    // the import is done. After the write, not in its batch: a job that dies between the two
    // leaves those contacts unscored until the next bulk score, never half-imported.
    const changed = plan.outcomes.flatMap((o) => ((o.action === "create" || o.action === "merge") && o.email ? [o.email] : []));
    if (changed.length) await scoreContactsOffline(database, await contactIdsByEmail(database, changed), { clock: { now } });
    deps.onBatch?.(index, bytes);
    batch = [];
    // libSQL frees finished statements only when the event loop turns (db/seed/bulk.ts).
    await new Promise((resolve) => setImmediate(resolve));
    deps.signal?.throwIfAborted();
  };
  try {
    for await (const planned of validatedRows(row.path, row.mapping)) {
      index++;
      if (index <= row.rowsDone) continue;
      batch.push(planned);
      bytes = planned.bytes;
      if (batch.length >= batchRows) await flush();
    }
  } catch (e) {
    if (e instanceof Error && e.name === "AbortError") throw e;
    if (e instanceof ImportFailure) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new ImportFailure("The uploaded file is no longer on disk; upload it again.");
    throw e;
  }
  await flush();
  await moveLeadImport(database, importId, ["running"], "done", { finishedAt: now(), path: null });
  await rm(row.path, { force: true });
  return (await getLeadImport(database, importId))!;
}

/** Marks an import failed with a reason a person reads, and removes its file. */
export async function failLeadImport(database: Database, importId: number, message: string, now: Date = new Date()): Promise<void> {
  const row = await getLeadImport(database, importId);
  await moveLeadImport(database, importId, ["uploaded", "queued", "running"], "failed", { error: message, finishedAt: now, path: null });
  if (row?.path) await rm(row.path, { force: true });
}
