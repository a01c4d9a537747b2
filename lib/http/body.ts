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

/** Reads a JSON body of at most 1 MB; an empty body reads as `{}`. */
export async function readJson(request: Request, surface: Surface): Promise<unknown> {
  const text = (await readBody(request, surface)).toString("utf8").trim();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(`unprocessable:${surface}`, { field: "body", message: "The request body is not valid JSON." });
  }
}

function tooLarge(surface: Surface, limit: number) {
  return new AppError(`payload_too_large:${surface}`, { field: "body", message: `The request body is over ${limit / 1024 / 1024} MB.` });
}

/** Validates with zod; the first problem becomes a 422 naming its field path (`input.subject`). */
export function validate<T extends z.ZodType>(schema: T, value: unknown, surface: Surface, prefix?: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const error = invalidInput(result.error.issues, `unprocessable:${surface}`, { prefix });
  // A whole-body problem still names what was at fault.
  if (!error.field) throw new AppError(error.code, { field: "body", message: `Invalid "body": ${error.message}` });
  throw error;
}
