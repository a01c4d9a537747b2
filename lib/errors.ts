/**
 * One error vocabulary for the whole console. A code reads `type:surface`
 * (`not_found:draft`, `forbidden:admin`); the type decides the HTTP status, the code decides
 * what a person is told. Unknown failures are logged in full and shown as a generic message.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limit: 429,
  internal: 500,
  unavailable: 503,
  timeout: 504,
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;
export type Surface =
  | "api"
  | "auth"
  | "admin"
  | "analytics"
  | "assistants"
  | "campaigns"
  | "companies"
  | "contacts"
  | "database"
  | "drafts"
  | "inbound"
  | "plans"
  | "runs"
  | "runtime"
  | "threads";
export type ErrorCode = `${ErrorType}:${Surface}`;

const MESSAGES: Partial<Record<ErrorCode | ErrorType, string>> = {
  bad_request: "The request is not valid.",
  unauthorized: "You need to sign in first.",
  forbidden: "You do not have access to this.",
  not_found: "We could not find that.",
  conflict: "Someone else changed this first. Reload and try again.",
  payload_too_large: "The request is too large.",
  unprocessable: "The request could not be processed.",
  rate_limit: "Too many requests. Wait a moment and try again.",
  internal: "Something went wrong on our side.",
  unavailable: "The service is unavailable right now.",
  timeout: "That took too long and was stopped.",
  "unauthorized:auth": "Wrong email or password.",
  "forbidden:admin": "Only admins can open this.",
  "forbidden:analytics": "Only operators and admins can open analytics.",
  "not_found:contacts": "That contact does not exist.",
  "not_found:companies": "That company does not exist.",
  "internal:database": "Something went wrong while reading or writing data.",
};

/** The parts of a zod issue this module reads (zod stays out of the error vocabulary's imports). */
type ZodIssueLike = { code: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[]; values?: readonly unknown[] };

/**
 * The one translation from a failed zod parse to an AppError naming the field at fault (a dotted
 * path, prefixed when the value sat under one, e.g. `input.subject`). `named` messages read
 * `Invalid "field": …` for API callers; plain ones keep the schema's own sentence for a form.
 * A problem with the whole value is named `root` (default `body`).
 */
export function invalidInput(
  issues: readonly ZodIssueLike[],
  code: ErrorCode,
  options: { prefix?: string; named?: boolean; root?: string } = {},
): AppError {
  const issue = issues[0]!;
  const path = [...(options.prefix ? [options.prefix] : []), ...issue.path.map(String)];
  if (issue.code === "unrecognized_keys" && issue.keys?.length) {
    const field = [...path, issue.keys[0]].join(".");
    const more = issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more)` : "";
    return new AppError(code, { field, message: `Unknown field "${field}"${more}.` });
  }
  // A problem with the whole value (not an object, say) names the value itself.
  const field = path.join(".") || (options.root ?? "body");
  const named = options.named ?? true;
  // zod's default enum sentence (`Invalid option: expected one of "A"|"B"`) is not for people: list
  // the choices. A schema's own message (`{ error: "Choose a vertical…" }`) is kept as written.
  const choices = issue.code === "invalid_value" && issue.message.startsWith("Invalid option") ? issue.values : undefined;
  if (choices?.length && choices.every((v) => typeof v === "string")) {
    const name = String(issue.path.at(-1) ?? field).replace(/_/g, " ");
    return new AppError(code, { field, message: `${name.charAt(0).toUpperCase()}${name.slice(1)} must be one of ${choices.join(", ")}.` });
  }
  return new AppError(code, { field, message: named && field ? `Invalid "${field}": ${issue.message}` : issue.message });
}

export class AppError extends Error {
  readonly type: ErrorType;
  readonly surface: Surface;
  /** The input field at fault, as a dotted path, when there is one. */
  readonly field?: string;

  constructor(code: ErrorCode, options: { message?: string; field?: string; cause?: unknown } = {}) {
    const [type, surface] = code.split(":") as [ErrorType, Surface];
    super(options.message ?? MESSAGES[code] ?? MESSAGES[type] ?? "Something went wrong.", {
      cause: options.cause,
    });
    this.name = "AppError";
    this.type = type;
    this.surface = surface;
    this.field = options.field;
  }

  get code(): ErrorCode {
    return `${this.type}:${this.surface}`;
  }

  get status(): number {
    return ERROR_STATUS[this.type];
  }

  toJSON() {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Maps any thrown value to a JSON error response; unknown errors are logged, never echoed. */
export function errorResponse(e: unknown, surface: Surface = "api"): Response {
  const error = isAppError(e) ? e : new AppError(`internal:${surface}`, { cause: e });
  if (!isAppError(e)) console.error(`[${error.code}]`, e);
  return Response.json({ error: error.toJSON() }, { status: error.status });
}

/** The user-facing message for any thrown value. */
export function userMessage(e: unknown): string {
  return isAppError(e) ? e.message : (MESSAGES.internal as string);
}

/** A graph task's error as text: LangGraph reports it as `{message, name}`, an Error, or a string. */
export function taskErrorText(error: unknown): string {
  if (typeof error === "string") return error;
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") return error.message;
  return "The step failed.";
}
