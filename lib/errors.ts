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
