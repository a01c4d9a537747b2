import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
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
 * A real SMTP server on loopback (plain SMTP, no auth, no STARTTLS) that parses each message and
 * appends it to `logPath`. Resolves with the port it listens on.
 */
export async function startSmtpSink(logPath = SMTP_LOG): Promise<{ port: number; close: () => Promise<void> }> {
  mkdirSync(dirname(logPath), { recursive: true });
  rmSync(logPath, { force: true });
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const entry: ReceivedMail = {
            receivedAt: new Date().toISOString(),
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            messageId: mail.messageId ?? null,
          };
          appendFileSync(logPath, `${JSON.stringify(entry)}\n`);
          callback();
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The messages received so far (read by the tests). */
export function readReceivedMail(logPath = SMTP_LOG): ReceivedMail[] {
  if (!existsSync(logPath)) return [];
  return readFileSync(logPath, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedMail);
}
