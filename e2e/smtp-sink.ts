import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { startScriptedSmtp } from "../lib/mail/testing/smtp-server";
import { OFFLINE_SERVER } from "./servers";

/** Every message the offline e2e server's SMTP server accepted, one JSON object a line. */
export const SMTP_LOG = OFFLINE_SERVER.smtpLog;

export type ReceivedMail = {
  receivedAt: string;
  /** SMTP envelope: what the console actually asked the server to deliver, and to whom. */
  envelope: { from: string | null; to: string[] };
  subject: string;
  text: string;
  messageId: string | null;
};

/**
 * A real SMTP server on loopback (plain SMTP, no auth, no STARTTLS; the delivery tests' scripted
 * server, accepting everything) that appends each message it takes to `logPath`. Resolves with
 * the port it listens on.
 */
export async function startSmtpSink(logPath = SMTP_LOG): Promise<{ port: number; close: () => Promise<void> }> {
  mkdirSync(dirname(logPath), { recursive: true });
  rmSync(logPath, { force: true });
  const server = await startScriptedSmtp(() => "accept", {
    onAccept: (mail) => {
      const entry: ReceivedMail = {
        receivedAt: new Date().toISOString(),
        envelope: { from: mail.from, to: mail.to },
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      };
      appendFileSync(logPath, `${JSON.stringify(entry)}\n`);
    },
  });
  return { port: Number(new URL(server.url).port), close: server.close };
}

/** The messages received so far (read by the tests). */
export function readReceivedMail(logPath = SMTP_LOG): ReceivedMail[] {
  if (!existsSync(logPath)) return [];
  return readFileSync(logPath, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedMail);
}
