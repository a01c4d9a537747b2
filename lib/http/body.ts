import type { z } from "zod";
import { AppError, invalidInput, type Surface } from "@/lib/errors";

/** Largest request body the runtime reads. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request body of at most 1 MB, refusing a larger one (413) before or while reading. */
export async function readBody(request: Request, surface: Surface, limit = MAX_BODY_BYTES): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw tooLarge(surface, limit);
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(surface, limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Deepest JSON nesting any body may have: far past any real payload, far short of a stack overflow. */
export const MAX_JSON_DEPTH = 64;

/**
 * How deeply a JSON text nests arrays and objects, counted without parsing (brackets inside
 * strings do not count). A 50,000-deep body parses, but the first recursive walk over it
 * (`JSON.stringify`, a decoder) overflows the stack, so depth is checked before anything reads it.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** Reads a JSON body of at most 1 MB; an empty body reads as `{}`. */
export async function readJson(request: Request, surface: Surface): Promise<unknown> {
  return parseJson((await readBody(request, surface)).toString("utf8"), surface);
}

/** Parses a JSON body already read within the limit, as `readJson` does; an empty body reads as `{}`. */
export function parseJson(body: string, surface: Surface): unknown {
  const text = body.trim();
  if (!text) return {};
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new AppError(`unprocessable:${surface}`, { field: "body", message: `The request body nests deeper than ${MAX_JSON_DEPTH} levels.` });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(`unprocessable:${surface}`, { field: "body", message: "The request body is not valid JSON." });
  }
}

/** The 413 for a body over `limit`, for a caller that reads the body itself. */
export function tooLarge(surface: Surface, limit = MAX_BODY_BYTES) {
  return new AppError(`payload_too_large:${surface}`, { field: "body", message: `The request body is over ${limit / 1024 / 1024} MB.` });
}

/** Validates with zod; the first problem becomes a 422 naming its field path (`input.subject`). */
export function validate<T extends z.ZodType>(schema: T, value: unknown, surface: Surface, prefix?: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidInput(result.error.issues, `unprocessable:${surface}`, { prefix });
}
