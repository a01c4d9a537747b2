import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * What the server does with one message once its data has arrived: take it, refuse it with an
 * SMTP reply, or hold the session open without ever answering (a server that hangs after DATA).
 * `atRcpt` refuses at RCPT TO instead, before any data is sent.
 */
export type SmtpAnswer = "accept" | "stall" | { code: number; message: string; atRcpt?: boolean };

export type ReceivedMessage = { from: string | null; to: string[]; subject: string; text: string; messageId: string | null };

/**
 * A real SMTP server on loopback for delivery tests, scripted per message: `answer(n)` decides
 * the n-th message (0-based). Plain SMTP, no auth. `accepted` lists what it took, in order.
 */
export async function startScriptedSmtp(
  answer: (n: number) => SmtpAnswer = () => "accept",
  options: {
    onAccept?: (message: ReceivedMessage) => void;
    /**
     * A slow server: a message it takes is kept (listed in `accepted`) as soon as its data has
     * arrived, as a real server commits it before replying, and the 250 comes this much later —
     * so a sender that dies in between has delivered without ever hearing so.
     */
    replyDelayMs?: number;
  } = {},
) {
  const accepted: ReceivedMessage[] = [];
  let seen = 0;
  let stalled = 0;
  const answerFor = new WeakMap<object, SmtpAnswer>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // A stalled session would otherwise hold close() for 30 s.
    closeTimeout: 100,
    onRcptTo(address, session, callback) {
      const decided = answer(seen++);
      answerFor.set(session, decided);
      if (typeof decided === "object" && decided.atRcpt) return callback(Object.assign(new Error(decided.message), { responseCode: decided.code }));
      callback();
    },
    onData(stream, session, callback) {
      const decided = answerFor.get(session) ?? "accept";
      simpleParser(stream)
        .then((mail) => {
          if (decided === "stall") return void stalled++;
          if (typeof decided === "object") return callback(Object.assign(new Error(decided.message), { responseCode: decided.code }));
          const message: ReceivedMessage = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            messageId: mail.messageId ?? null,
          };
          accepted.push(message);
          options.onAccept?.(message);
          if (options.replyDelayMs) setTimeout(() => callback(), options.replyDelayMs);
          else callback();
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    /** How many messages reached RCPT TO. */
    attempts: () => seen,
    /** How many messages arrived whole and were left without an answer. */
    stalled: () => stalled,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
