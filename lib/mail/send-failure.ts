/**
 * What a failed send means for the message, decided from the error alone:
 * - `refused`: the mail server never took the message, and may later (a 4xx reply, or no
 *   connection at all). Safe to try again: nothing can be delivered twice.
 * - `rejected`: the server refused it for good (a 5xx reply). Trying again gets the same answer.
 * - `uncertain`: the session broke without a reply after the message may have been handed over
 *   (connection reset or socket timeout mid-session). The server may have accepted it, so it is
 *   never resent automatically; a person checks the mailbox.
 *
 * Any SMTP reply is an explicit answer, even one to the final "." of DATA: RFC 5321 §4.2.5 lets
 * a server that replies with an error keep nothing. The doubt is only where no reply came.
 */
export type SendFailure = "refused" | "rejected" | "uncertain";

/** Nodemailer's error fields (see nodemailer/lib/errors), read defensively from an unknown error. */
type MailError = { code?: unknown; originalCode?: unknown; responseCode?: unknown; timeoutType?: unknown };

/** Nodemailer codes raised before a byte of the message could have left this machine. */
const BEFORE_SESSION = new Set(["EDNS", "ETLS", "EAUTH", "ENOAUTH", "ECONFIG", "EREQUIRETLS", "EPROXY", "EENVELOPE", "EMESSAGE"]);
/** Socket errors of a connection that was never made. */
const NEVER_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EADDRNOTAVAIL"]);
/** Nodemailer's timeouts while connecting, waiting for the greeting or upgrading to TLS. */
const SETUP_TIMEOUTS = new Set(["CONNECT_TIMEOUT", "GREETING_TIMEOUT", "UPGRADE_TIMEOUT"]);

export function classifySendFailure(error: unknown): SendFailure {
  if (!error || typeof error !== "object") return "uncertain";
  const e = error as MailError;
  if (typeof e.responseCode === "number" && e.responseCode >= 400) {
    // 503 is "bad sequence of commands": a session problem, not a verdict on the message.
    return e.responseCode >= 500 && e.responseCode !== 503 ? "rejected" : "refused";
  }
  if (typeof e.code === "string" && BEFORE_SESSION.has(e.code)) return "refused";
  if (typeof e.originalCode === "string" && NEVER_CONNECTED.has(e.originalCode)) return "refused";
  if (typeof e.timeoutType === "string" && SETUP_TIMEOUTS.has(e.timeoutType)) return "refused";
  return "uncertain";
}
