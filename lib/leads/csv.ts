import { createReadStream, createWriteStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { CsvError, parse, type Options, type Parser } from "csv-parse";
import { AppError } from "@/lib/errors";

/** Largest one cell may be: a real lead list's cells are short; a runaway quote is not. */
const MAX_RECORD_BYTES = 64 * 1024;

const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * The delimiter of a CSV, read from its header line: the candidate found most often outside
 * quotes, comma when none is. Spreadsheets in much of Europe write semicolons; tab-separated
 * exports exist too. (csv-parse's own discovery misreads a quoted field that holds a comma.)
 */
export function sniffDelimiter(start: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of start) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * The parser every reading of an upload uses, so the upload's check and the import read the file
 * the same way: the sniffed delimiter, a UTF-8 BOM dropped, blank lines and rows of empty cells
 * (",,,," as spreadsheets export their unused rows) skipped, rows shorter or longer than the header
 * kept (missing cells read as empty, extra ones are ignored).
 */
export const csvOptions = (delimiter: string): Options => ({
  bom: true,
  delimiter,
  relax_column_count: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
  max_record_size: MAX_RECORD_BYTES,
  info: true,
});

const SNIFF_BYTES = 64 * 1024;

export type CsvRecord = { record: string[]; info: { lines: number; bytes: number } };

/** The rows of a CSV file as a stream (header first), with each row's line and the bytes read so far. */
export async function* readCsv(path: string): AsyncGenerator<CsvRecord> {
  const file = await open(path);
  let start: string;
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    start = buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await file.close();
  }
  yield* createReadStream(path).pipe(parse(csvOptions(sniffDelimiter(start))));
}

/** Column names as the mapping uses them: trimmed, a blank one called "Column N". */
export const headerNames = (record: readonly string[]) => record.map((h, i) => h.trim() || `Column ${i + 1}`);

export type UploadSummary = { bytes: number; headers: string[]; sample: string[][]; rows: number };

const SAMPLE_ROWS = 20;

/** "100 MB", "64 KB": a size limit as a person reads it. */
export const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} KB`);

/** The 413 for an upload over the import limit. */
export const tooLargeFile = (limit: number) =>
  new AppError("payload_too_large:contacts", { field: "file", message: `The file is over ${sizeText(limit)}, the most one import takes (IMPORT_MAX_BYTES). Split it and import the parts.` });
const fileProblem = (message: string) => new AppError("unprocessable:contacts", { field: "file", message });

/**
 * Streams an upload to `target`, checking it as it goes: no larger than `limit` (413), text in
 * UTF-8 (a UTF-16 file or stray bytes are named, with where), no NUL bytes (a spreadsheet's binary
 * format, not CSV), parseable as CSV all the way through, a header row with distinct names and at
 * least one row under it. Nothing of a refused upload stays on disk. Memory stays at one chunk
 * plus the first rows kept for the preview, whatever the size.
 */
export async function receiveCsv(body: ReadableStream<Uint8Array> | null, target: string, limit: number): Promise<UploadSummary> {
  const out = createWriteStream(target, { flags: "wx" });
  let parser: Parser | null = null;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let headers: string[] | null = null;
  const sample: string[][] = [];
  let rows = 0;
  let parseError: unknown = null;
  let parsed: Promise<void> = Promise.resolve();
  const startParser = (first: Uint8Array) => {
    const created = parse(csvOptions(sniffDelimiter(Buffer.from(first).toString("utf8"))));
    created.on("data", ({ record }: CsvRecord) => {
      if (!headers) headers = record;
      else {
        rows++;
        if (sample.length < SAMPLE_ROWS) sample.push(record);
      }
    });
    created.on("error", (e) => (parseError ??= e));
    parsed = new Promise<void>((resolve) => created.on("end", resolve).on("error", () => resolve()));
    return created;
  };
  let bytes = 0;
  const reader = body?.getReader();
  try {
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
      if (chunk.done) break;
      const value = chunk.value;
      if (bytes === 0 && value.length >= 2 && ((value[0] === 0xff && value[1] === 0xfe) || (value[0] === 0xfe && value[1] === 0xff))) {
        throw fileProblem("The file is UTF-16 text. Save it as “CSV UTF-8” and upload it again.");
      }
      const nul = value.indexOf(0);
      if (nul >= 0) throw fileProblem(`The file is not a CSV: it holds binary data (a zero byte at byte ${bytes + nul + 1}), as a spreadsheet's .xlsx does. Export it as CSV and upload that.`);
      bytes += value.length;
      if (bytes > limit) {
        await reader?.cancel();
        throw tooLargeFile(limit);
      }
      try {
        decoder.decode(value, { stream: true });
      } catch {
        throw fileProblem(`The file is not UTF-8 text (an invalid byte sequence before byte ${bytes}); it may be Windows-1252 or Latin-1. Save it as “CSV UTF-8” and upload it again.`);
      }
      if (!out.write(value)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      parser ??= startParser(value);
      const active = parser;
      // A parse error destroys the parser, which then never drains: wait for whichever comes first.
      if (!parseError && !active.write(value) && !active.destroyed) await new Promise<void>((resolve) => active.once("drain", () => resolve()).once("close", () => resolve()));
      if (parseError) break;
    }
    out.end();
    await finished(out);
    parser?.end();
    await parsed;
    if (bytes === 0) throw fileProblem("The file is empty.");
    try {
      decoder.decode();
    } catch {
      throw fileProblem("The file is not UTF-8 text (it ends in the middle of a character). Save it as “CSV UTF-8” and upload it again.");
    }
    if (parseError) throw fileProblem(`The file is not a valid CSV: ${parseError instanceof CsvError ? csvErrorText(parseError) : String(parseError)}`);
    const header: string[] = headers ?? [];
    if (!header.some((h) => h.trim())) throw fileProblem("The file has no header row: its first line should name the columns (email, first name, company…).");
    const named = headerNames(header);
    const seen = new Map<string, number>();
    for (const [i, name] of named.entries()) {
      const first = seen.get(name.toLowerCase());
      if (first !== undefined) throw fileProblem(`The header "${name}" names two columns (${first + 1} and ${i + 1}); give each column its own name.`);
      seen.set(name.toLowerCase(), i);
    }
    if (rows === 0) throw fileProblem("The file has a header row but no rows under it.");
    return { bytes, headers: named, sample, rows };
  } catch (e) {
    out.destroy();
    parser?.destroy();
    // The file is opened asynchronously: a refusal on the first chunk can come before the open,
    // which then still creates the file. Removing it only after the stream closed leaves nothing.
    if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()));
    await rm(target, { force: true });
    await drain(reader, limit - bytes);
    throw e;
  }
}

/**
 * Reads and drops what is left of a refused upload (at most `allowance` bytes, then gives up):
 * answering while the client is still sending resets its connection, and it sees ECONNRESET
 * instead of the refusal.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, allowance: number): Promise<void> {
  if (!reader) return;
  try {
    for (let left = allowance; left > 0; ) {
      const { done, value } = await reader.read();
      if (done) return;
      left -= value.length;
    }
    await reader.cancel();
  } catch {
    // The client went away; there is nothing left to read.
  }
}

/** A parser error as the person who exported the file can act on it, not the parser's own words. */
export function csvErrorText(error: CsvError): string {
  const line = (error as CsvError & { lines?: number }).lines;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a cell opens a quote (\") that is never closed, so the rest of the file reads as one cell. Look for a stray \" typed inside a cell (write it as \"\" or remove it) and export again.";
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return `${line ? `on line ${line}, ` : ""}a quoted cell has more text after its closing quote. Put the whole cell in quotes and write a quote inside it as \"\".`;
    case "CSV_MAX_RECORD_SIZE":
      return `${line ? `line ${line} is` : "a row is"} longer than a row can be; a quote left open may have joined many rows into one.`;
    default:
      return error.message;
  }
}
