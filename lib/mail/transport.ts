import nodemailer from "nodemailer";

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo: string | null;
};

export type MailTransport = {
  kind: "smtp" | "local";
  send(mail: OutgoingMail): Promise<void>;
};

/**
 * SMTP through nodemailer when a URL is configured; otherwise the embedded default, where
 * "delivered" means recorded in the console's own outbox and contact timeline, and nothing leaves.
 */
export function createTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) return { kind: "local", send: async () => {} };
  const smtp = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    async send(mail) {
      await smtp.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] } : {}),
      });
    },
  };
}
