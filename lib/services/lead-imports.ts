import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { z } from "zod";
import { db } from "@/db/client";
import { createLeadImport, getLeadImport, listLeadImports, moveLeadImport, refusalsAfter, type LeadImport } from "@/db/queries/lead-imports";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { validate } from "@/lib/http/body";
import { jobQueue } from "@/lib/jobs/instance";
import { guessMapping, IMPORT_FIELDS, type ColumnMapping, type ImportField } from "@/lib/leads/columns";
import { headerNames, readCsv, receiveCsv, sizeText, tooLargeFile } from "@/lib/leads/csv";
import type { PlannedRow } from "@/lib/leads/plan";
import { missingHeaders, planRows, validatedRows } from "@/lib/leads/run-import";

/**
 * Who may import: every signed-in role. A rep's import is a rep bringing their own leads, so the
 * contacts it creates are owned by that rep; an operator's or admin's creates unassigned contacts.
 * Merges never change an existing contact's owner. An import is seen by the person who uploaded
 * it and by operators and admins.
 */
const ownerFor = (user: SessionUser) => (user.role === "rep" ? user.id : null);

const PREVIEW_ROWS = 20;
const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|numbers)$/i;

export type LeadImportView = ReturnType<typeof viewOf>;

function viewOf(row: LeadImport) {
  return {
    id: row.id,
    status: row.status,
    filename: row.filename,
    bytes: row.bytes,
    /** Share of the file read and written, 0–1. */
    progress: row.status === "done" ? 1 : row.bytes ? Math.min(1, row.bytesDone / row.bytes) : 0,
    rowsDone: row.rowsDone,
    contacts: { created: row.contactsCreated, merged: row.contactsMerged, unchanged: row.contactsUnchanged },
    companies: { created: row.companiesCreated, merged: row.companiesMerged },
    refused: row.refused,
    suppressed: row.suppressed,
    countriesResolved: row.countriesResolved,
    conflicts: row.conflicts,
    conflictSamples: row.conflictSamples,
    error: row.error,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

async function visibleImport(user: SessionUser, rawId: string | number): Promise<LeadImport> {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) throw new AppError("not_found:contacts", { message: "That import does not exist.", field: "id" });
  const row = await getLeadImport(db(), id);
  if (!row || (row.createdBy !== user.id && !hasRole(user.role, "operator"))) throw new AppError("not_found:contacts", { message: "That import does not exist.", field: "id" });
  return row;
}

const MappingShape = z.strictObject(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.string().trim().min(1).max(200).optional()])) as Record<ImportField, z.ZodOptional<z.ZodString>>);
const MappingBody = z.strictObject({ mapping: MappingShape });

async function fileHeaders(path: string): Promise<string[]> {
  for await (const { record } of readCsv(path)) return headerNames(record);
  return [];
}

/** A mapping the file can be read with: every named column exists, none is used twice, an email and a name are mapped. */
async function checkedMapping(row: LeadImport, body: unknown): Promise<ColumnMapping> {
  if (!row.path || row.status !== "uploaded") throw new AppError("conflict:contacts", { message: "This import has already started; upload the file again to import it once more.", field: "id" });
  const { mapping } = validate(MappingBody, body, "contacts");
  const clean = Object.fromEntries(Object.entries(mapping).filter(([, header]) => header)) as ColumnMapping;
  const headers = await fileHeaders(row.path);
  for (const [field, header] of Object.entries(clean)) {
    if (missingHeaders({ [field]: header }, headers).length) throw new AppError("unprocessable:contacts", { field: `mapping.${field}`, message: `The file has no column "${header}".` });
  }
  const used = new Map<string, string>();
  for (const [field, header] of Object.entries(clean)) {
    const other = used.get(header!);
    if (other) throw new AppError("unprocessable:contacts", { field: `mapping.${field}`, message: `The column "${header}" is already read as ${other}; each column fills one field.` });
    used.set(header!, field);
  }
  if (!clean.email) throw new AppError("unprocessable:contacts", { field: "mapping.email", message: "Choose the column that holds email addresses: contacts are matched by email." });
  if (!clean.fullName && !(clean.firstName && clean.lastName)) throw new AppError("unprocessable:contacts", { field: clean.firstName ? "mapping.lastName" : "mapping.firstName", message: "Choose the first-name and last-name columns, or one full-name column." });
  return clean;
}

/**
 * Receives a CSV upload as a stream into the import directory (never whole in memory), checks it
 * (lib/leads/csv.ts `receiveCsv`) and guesses a mapping from its header and first rows. A file
 * with no email column is refused like any other bad file: nothing is kept.
 */
export async function uploadLeads(user: SessionUser, input: { filename: string | null; body: ReadableStream<Uint8Array> | null; contentLength: number | null }) {
  const { IMPORT_DIR, IMPORT_MAX_BYTES } = env();
  const filename = basename(input.filename?.trim() || "leads.csv").slice(0, 200);
  if (SPREADSHEET.test(filename)) throw new AppError("unprocessable:contacts", { field: "file", message: `"${filename}" is a spreadsheet file, not CSV. Export it as CSV (UTF-8) and upload that.` });
  if (input.contentLength !== null && input.contentLength > IMPORT_MAX_BYTES) {
    throw tooLargeFile(IMPORT_MAX_BYTES);
  }
  const dir = resolve(IMPORT_DIR);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.csv`);
  const summary = await receiveCsv(input.body, path, IMPORT_MAX_BYTES);
  try {
    if (input.contentLength !== null && summary.bytes !== input.contentLength) {
      throw new AppError("bad_request:contacts", { field: "file", message: `The upload ended early (${summary.bytes} of ${input.contentLength} bytes arrived). Upload it again.` });
    }
    const mapping = guessMapping(summary.headers, summary.sample);
    if (!mapping.email) {
      throw new AppError("unprocessable:contacts", { field: "file", message: `The file has no email column: no header reads as one (${summary.headers.slice(0, 8).map((h) => `"${h}"`).join(", ")}) and no column holds addresses. Contacts are matched by email, so add one.` });
    }
    const row = await createLeadImport(db(), { filename, path, headers: summary.headers, bytes: summary.bytes, createdBy: user.id, ownerId: ownerFor(user) });
    return { import: viewOf(row), headers: summary.headers, rows: summary.rows, mapping, fields: IMPORT_FIELDS };
  } catch (e) {
    await rm(path, { force: true });
    throw e;
  }
}

/** The first rows as a mapping reads them: each row's values, what importing it would do, and every problem. Writes nothing. */
export async function previewLeadImport(user: SessionUser, rawId: string, body: unknown) {
  const row = await visibleImport(user, rawId);
  const mapping = await checkedMapping(row, body);
  const rows: PlannedRow[] = [];
  for await (const planned of validatedRows(row.path!, mapping)) {
    rows.push(planned);
    if (rows.length >= PREVIEW_ROWS) break;
  }
  const plan = await planRows(db(), rows);
  const headers = await fileHeaders(row.path!);
  const index = new Map(headers.map((h, i) => [h, i]));
  return {
    mapping,
    rows: plan.outcomes.map((outcome, i) => ({
      ...outcome,
      values: Object.fromEntries(Object.entries(mapping).map(([field, header]) => [field, rows[i]!.cells[index.get(header!)!] ?? ""])),
    })),
  };
}

/** Starts the import with the mapping confirmed: the work runs as a background job; the page polls `leadImportStatus`. */
export async function startLeadImport(user: SessionUser, rawId: string, body: unknown): Promise<LeadImportView> {
  const row = await visibleImport(user, rawId);
  const mapping = await checkedMapping(row, body);
  if (!(await moveLeadImport(db(), row.id, ["uploaded"], "queued", { mapping }))) {
    throw new AppError("conflict:contacts", { message: "This import has already started.", field: "id" });
  }
  await jobQueue().enqueue("lead_import", { importId: row.id }, { dedupeKey: `lead_import:${row.id}` });
  return viewOf((await getLeadImport(db(), row.id))!);
}

export async function leadImportStatus(user: SessionUser, rawId: string): Promise<LeadImportView> {
  return viewOf(await visibleImport(user, rawId));
}

/** The latest imports the user can see (their own; everyone's for operators and admins). */
export async function recentLeadImports(user: SessionUser) {
  return listLeadImports(db(), { createdBy: hasRole(user.role, "operator") ? undefined : user.id, limit: 20 });
}

/**
 * The refused rows as a CSV to fix and upload again: the file's own columns (as the upload named
 * them) then `line` and `reasons`, streamed from the database a page at a time.
 */
export async function refusedRowsCsv(user: SessionUser, rawId: string): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const row = await visibleImport(user, rawId);
  const headers = row.headers;
  const database = db();
  const out = stringify();
  const pump = async () => {
    let first = true;
    let after = 0;
    for (;;) {
      const page = await refusalsAfter(database, row.id, after, 1_000);
      for (const refusal of page) {
        if (first) {
          // A row may have more cells than the header named (they are kept); those columns get a number.
          out.write([...Array.from({ length: refusal.cells.length }, (_, i) => headers[i] ?? `Column ${i + 1}`), "line", "reasons"]);
          first = false;
        }
        if (!out.write([...refusal.cells, String(refusal.line), refusal.reasons.join("; ")])) await new Promise<void>((done) => out.once("drain", () => done()));
      }
      if (page.length < 1_000) break;
      after = page.at(-1)!.id;
    }
    if (first) out.write(["line", "reasons"]);
    out.end();
  };
  pump().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  const stem = row.filename.replace(/\.csv$/i, "");
  return { filename: `${stem}-refused.csv`, body: Readable.toWeb(out) as ReadableStream<Uint8Array> };
}

/** The upload limit as the import page states it. */
export const importLimitText = () => sizeText(env().IMPORT_MAX_BYTES);
