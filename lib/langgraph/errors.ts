import type { BudgetClass } from "@/graphs/spec";
import { AppError, type ErrorType } from "@/lib/errors";

/** A graph run that outlived its timeout budget; the runtime was told to cancel it. */
export class GraphTimeoutError extends AppError {
  constructor(readonly assistantId: string, readonly budget: BudgetClass, readonly timeoutMs: number) {
    super("timeout:runs", { message: `Graph "${assistantId}" did not finish within its ${budget} budget (${timeoutMs / 1000} s).` });
    this.name = "GraphTimeoutError";
  }
}

/** A graph run that ended in an error inside the graph. */
export class GraphRunError extends AppError {
  constructor(readonly assistantId: string, readonly errorName: string, detail: string) {
    super("internal:runs", { message: `Graph "${assistantId}" failed: ${detail}` });
    this.name = "GraphRunError";
  }
}

const STATUS_TYPES: Record<number, ErrorType> = {
  400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 409: "conflict",
  413: "payload_too_large", 422: "unprocessable", 429: "rate_limit", 503: "unavailable", 504: "timeout",
};

/** Maps the SDK's `HTTP <status>: <body>` errors onto the console's vocabulary, keeping the runtime's message and field. */
export function fromHttpError(e: unknown): AppError | null {
  const status = typeof e === "object" && e !== null && "status" in e ? Number((e as { status: unknown }).status) : NaN;
  if (!Number.isFinite(status)) return null;
  const text = e instanceof Error ? e.message.replace(/^HTTP \d+:\s*/, "") : "";
  let message = text;
  let field: string | undefined;
  try {
    const body = JSON.parse(text) as { error?: { message?: string; field?: string }; detail?: string; message?: string };
    message = body.error?.message ?? body.detail ?? body.message ?? text;
    field = body.error?.field;
  } catch {
    // Not JSON: keep the raw text.
  }
  return new AppError(`${STATUS_TYPES[status] ?? "internal"}:runs`, { message: message || `The graph runtime answered ${status}.`, field, cause: e });
}
