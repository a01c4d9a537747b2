import "server-only";
import { z } from "zod";
import { invalidInput, type Surface } from "@/lib/errors";

/** Search params as Next hands them to pages, or a URLSearchParams from a route handler. */
export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(params: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    // An empty form field means "no filter", not "filter by the empty string".
    if (first !== undefined && first !== "") out[key] = first;
  }
  return out;
}

/** Parses query parameters with a zod schema; a bad one is a 400 naming the parameter. */
export function parseParams<T extends z.ZodType>(schema: T, params: RawParams, surface: Surface): z.infer<T> {
  const result = schema.safeParse(toRecord(params));
  if (result.success) return result.data;
  throw invalidInput(result.error.issues, `bad_request:${surface}`);
}

const wholeNumber = "must be a whole number";

/** Paging fields shared by every list: 1-based page, at most 100 rows a page. */
export const paging = {
  page: z.coerce.number(wholeNumber).int(wholeNumber).min(1, "must be 1 or more").max(1_000_000, "must be at most 1,000,000").default(1),
  pageSize: z.coerce.number(wholeNumber).int(wholeNumber).min(1, "must be 1 or more").max(100, "must be at most 100").default(25),
};

/** Zero-width characters, bidi controls, the soft hyphen and the BOM: text made only of these looks empty. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The text a person would see: invisible characters removed, then trimmed. */
export function visiblePart(text: string): string {
  return text.replace(INVISIBLE, "").trim();
}

/**
 * Free text that must say something: trimmed, at least `min` visible characters (a subject of
 * one U+200B is empty), at most `max` characters. The value keeps its characters as typed.
 */
export function visibleText({ min = 1, max, empty, tooLong, missing = empty }: { min?: number; max: number; empty: string; tooLong: string; missing?: string }) {
  return z.string({ error: missing }).trim().max(max, tooLong).refine((text) => visiblePart(text).length >= min, empty);
}

/** A free-text search box: trimmed, at most 100 characters. */
export const searchText = z.string().trim().max(100, "must be at most 100 characters").optional();
