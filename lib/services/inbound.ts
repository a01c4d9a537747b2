import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import { z } from "zod";
import { db } from "@/db/client";
import {
  findContactBySender, findConversationByMessageIds, findEmailByMessageId, getEmailWithOutcome, insertDeadLetter, recordInbound,
  type ConversationMatch, type InboundJob, type InboundRecord,
} from "@/db/queries/inbound";
import { emailHash, normalizeEmail } from "@/db/queries/suppression";
import type { InboundLabel, Polarity } from "@/graphs/inbound-classify/state";
import { cancelWaitingJob } from "@/db/queries/jobs";
import { applyInboundToCampaigns } from "@/lib/campaigns/inbound-hook";
import { contactScoreDedupeKey, INBOUND_CAMPAIGNS_GRACE_MS, INBOUND_CAMPAIGNS_KEY_PREFIX, JOB_SPECS, MEMORY_DEDUPE_PREFIX } from "@/lib/jobs/catalog";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { graphClient } from "@/lib/langgraph/instance";
import { bearerVerifier } from "@/lib/http/auth";
import { readBody, validate } from "@/lib/http/body";

/** Largest inbound message accepted, raw or JSON. */
export const MAX_INBOUND_BYTES = 1024 * 1024;
/** Most of a message's text handed to the classifier and kept as a memory. */
const MAX_CLASSIFY_CHARS = 50_000;
const MAX_MEMORY_CHARS = 2_000;
const INBOUND_DOMAIN = "inbound.sales-console.local";

/**
 * Checks `Authorization: Bearer <INBOUND_TOKEN>` (SHA-256 digests, constant time). No token
 * configured: inbound mail is switched off (503), so an unset variable never means "open".
 */
export function authorizeInbound(authorization: string | null, token: string | undefined = env().INBOUND_TOKEN): void {
  if (!token) throw new AppError("unavailable:api", { message: "inbound mail is not configured" });
  if (!bearerVerifier([token])(authorization)) throw new AppError("unauthorized:api", { message: "A valid inbound mail token is required." });
}

/** Reads the request body, refusing more than 1 MB (413) before or while reading. */
export function readInboundBody(request: Request): Promise<Buffer> {
  return readBody(request, "api", MAX_INBOUND_BYTES);
}

/** The address in "Name <a@b.c>" or "a@b.c"; null when there is none. */
export function addressOf(value: string): string | null {
  const bracketed = /<([^<>\s@]+@[^<>\s@]+)>/.exec(value)?.[1];
  const candidate = (bracketed ?? value).trim();
  return /^[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+$/.test(candidate) ? candidate : null;
}

/** Message-IDs in header form (`<id@host>`), in order; bare ids are bracketed. */
export function messageIds(value: string | readonly string[] | null | undefined): string[] {
  if (!value) return [];
  const text = typeof value === "string" ? value : value.join(" ");
  const bracketed = text.match(/<[^<>\s]+>/g);
  if (bracketed) return bracketed;
  return text.split(/[\s,]+/).filter(Boolean).map((id) => `<${id}>`);
}

/** The JSON form a mail gateway may post instead of raw RFC 822. Unknown fields are refused. */
export const InboundJson = z
  .object({
    from: z.string().trim().max(500).refine((v) => addressOf(v) !== null, "must be an email address"),
    to: z.string().max(2_000).nullish(),
    subject: z.string().max(2_000),
    text: z.string().max(MAX_INBOUND_BYTES),
    messageId: z.string().trim().min(3).max(998).nullish(),
    inReplyTo: z.string().trim().max(998).nullish(),
    references: z.union([z.string().max(50_000), z.array(z.string().max(998)).max(200)]).nullish(),
  })
  .strict();
export type InboundJson = z.infer<typeof InboundJson>;

/** One inbound message, whichever form it came in. */
type InboundMail = {
  from: string;
  subject: string;
  text: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Message-IDs quoted inside the body, e.g. the original headers a bounce report carries. */
  embedded: string[];
  /** The headers that say a machine wrote it (CLASSIFIER_HEADERS), for the classifier. */
  headers: Record<string, string>;
};

/** Headers the classifier reads: RFC 3834's Auto-Submitted and vendors' auto-reply marks, and a delivery report's Content-Type. */
const CLASSIFIER_HEADERS = new Set(["auto-submitted", "x-autoreply", "x-autorespond", "x-auto-response", "precedence", "content-type"]);

export type MatchedBy = "in_reply_to" | "references" | "embedded_headers" | "sender";
export type InboundEffect = "replied" | "unsubscribed" | "bounced" | "suppressed";

/** What the webhook answers. `duplicate`: this Message-ID was already recorded; nothing changed. */
export type InboundResult = {
  contactId: number;
  emailId: number;
  threadId: string;
  matchedBy: MatchedBy | null;
  label: string;
  polarity: Polarity;
  confidence: number | null;
  /** "model", "rule_guard" (a guard replaced the model's label) or "rule_based_fallback"; null for a duplicate. */
  source: string | null;
  /** An out-of-office's return day (YYYY-MM-DD), for outreach to wait until; null when none was read (not stored). */
  returnDate: string | null;
  effects: InboundEffect[];
  duplicate: boolean;
};

const REAL_REPLIES: ReadonlySet<InboundLabel> = new Set(["interested", "not_interested", "info_request", "meeting_scheduled", "partnership"]);

/**
 * What a label changes on the contact: an unsubscribe or a bounce sets its flag and suppresses the
 * address; a person's reply sets `replied` (automated outreach stops); auto-replies and spam change nothing.
 */
export function inboundEffects(label: InboundLabel): {
  flags: InboundRecord["flags"];
  suppress: "unsubscribe" | "bounce" | null;
  parentMark: "replied" | "bounced" | null;
  effects: InboundEffect[];
} {
  if (label === "unsubscribe") return { flags: { unsubscribed: true }, suppress: "unsubscribe", parentMark: null, effects: ["unsubscribed", "suppressed"] };
  if (label === "bounced") return { flags: { bounced: true }, suppress: "bounce", parentMark: "bounced", effects: ["bounced", "suppressed"] };
  if (REAL_REPLIES.has(label)) return { flags: { replied: true }, suppress: null, parentMark: "replied", effects: ["replied"] };
  return { flags: {}, suppress: null, parentMark: null, effects: [] };
}

/** Keeps the message as a dead letter, then refuses it with a 422 that says why and where it went. */
async function deadLetter(raw: Buffer, contentType: string | null, reason: string, field?: string): Promise<never> {
  const id = await insertDeadLetter(db(), { reason, contentType, raw: raw.toString("utf8") });
  console.warn(`[inbound] dead letter #${id}: ${reason}`);
  throw new AppError("unprocessable:api", { field, message: `${reason} The message was kept as dead letter #${id}.` });
}

const EMBEDDED_MESSAGE_ID = /^Message-ID:\s*(<[^<>\s]+>)/gim;

async function parseRfc822(raw: Buffer, contentType: string | null): Promise<InboundMail> {
  let parsed;
  try {
    parsed = await simpleParser(raw);
  } catch (e) {
    return deadLetter(raw, contentType, `The message could not be parsed as RFC 822 mail (${e instanceof Error ? e.message : String(e)}).`);
  }
  const from = parsed.from?.value.find((a) => a.address)?.address;
  if (!from || !addressOf(from)) return deadLetter(raw, contentType, "The message could not be parsed: it has no sender (From) address.", "from");
  const messageId = messageIds(parsed.messageId)[0] ?? null;
  const embedded = [...raw.toString("utf8").matchAll(EMBEDDED_MESSAGE_ID)].map((m) => m[1]!).filter((id) => id !== messageId);
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    if (CLASSIFIER_HEADERS.has(key) && !(key in headers)) headers[key] = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim().slice(0, 1_000);
  }
  return {
    from,
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    messageId,
    inReplyTo: messageIds(parsed.inReplyTo)[0] ?? null,
    references: messageIds(parsed.references),
    embedded,
    headers,
  };
}

async function parseJsonMail(raw: Buffer, contentType: string | null): Promise<InboundMail> {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch {
    return deadLetter(raw, contentType, "The request body is not valid JSON.", "body");
  }
  let mail: InboundJson;
  try {
    mail = validate(InboundJson, value, "api");
  } catch (e) {
    const field = e instanceof AppError ? e.field : undefined;
    return deadLetter(raw, contentType, e instanceof AppError ? e.message : "The message is not valid.", field);
  }
  return {
    from: addressOf(mail.from)!,
    subject: mail.subject,
    text: mail.text,
    messageId: messageIds(mail.messageId)[0] ?? null,
    inReplyTo: messageIds(mail.inReplyTo)[0] ?? null,
    references: messageIds(mail.references),
    embedded: [],
    headers: {},
  };
}

async function parseMail(raw: Buffer, contentType: string | null): Promise<InboundMail> {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) return parseJsonMail(raw, contentType);
  if (type === "" || type === "message/rfc822" || type === "text/plain") return parseRfc822(raw, contentType);
  return deadLetter(raw, contentType, `Unsupported content type "${type}": send message/rfc822, text/plain or application/json.`, "content-type");
}

/** Our conversation this message belongs to: by In-Reply-To, then References (newest first), then quoted headers, then the sender. */
async function matchConversation(mail: InboundMail): Promise<(ConversationMatch & { matchedBy: MatchedBy }) | null> {
  const tiers: [MatchedBy, string[]][] = [
    ["in_reply_to", mail.inReplyTo ? [mail.inReplyTo] : []],
    ["references", [...mail.references].reverse()],
    ["embedded_headers", mail.embedded],
  ];
  const byId = await findConversationByMessageIds(db(), tiers.flatMap(([, ids]) => ids));
  if (byId) return { ...byId, matchedBy: tiers.find(([, ids]) => ids.includes(byId.messageId))![0] };
  const bySender = await findContactBySender(db(), mail.from);
  return bySender ? { ...bySender, matchedBy: "sender" } : null;
}

/**
 * The work an inbound message leaves for later, written with it: its reflection into memory, a
 * rescore of its contact (its outcome, stats and flags changed), and its campaign effects, which
 * the request applies itself unless it dies first.
 */
export function followUpJobs(contactId: number, label: string, returnDate: string | null, at: Date): InboundJob[] {
  return [
    { kind: "memory_reflect", payload: { contactId }, runAt: at, maxAttempts: JOB_SPECS.memory_reflect.maxAttempts, dedupeKey: MEMORY_DEDUPE_PREFIX },
    { kind: "contact_score", payload: { contactId, because: `inbound ${label}` }, runAt: at, maxAttempts: JOB_SPECS.contact_score.maxAttempts, dedupeKey: contactScoreDedupeKey(contactId) },
    {
      kind: "inbound_campaigns",
      payload: { contactId, label, returnDate, at: at.getTime() },
      runAt: new Date(at.getTime() + INBOUND_CAMPAIGNS_GRACE_MS),
      maxAttempts: JOB_SPECS.inbound_campaigns.maxAttempts,
      dedupeKey: INBOUND_CAMPAIGNS_KEY_PREFIX,
    },
  ];
}

async function duplicateResult(emailId: number): Promise<InboundResult> {
  const stored = (await getEmailWithOutcome(db(), emailId))!;
  return {
    contactId: stored.contactId,
    emailId,
    threadId: stored.threadId,
    matchedBy: null,
    label: stored.label ?? "unclassified",
    polarity: stored.polarity ?? "neutral",
    confidence: stored.confidence,
    source: null,
    returnDate: null,
    effects: [],
    duplicate: true,
  };
}

/**
 * Receives one inbound message: parses it, matches it to a contact's conversation, classifies it
 * (inbound_classify), records it with its outcome and effects in one batch, and queues a
 * memory_reflect job. Anything that cannot be parsed, validated or matched is kept
 * as a dead letter and refused with 422; nothing is dropped silently.
 */
export async function receiveInbound(request: { contentType: string | null; raw: Buffer }): Promise<InboundResult> {
  const { raw, contentType } = request;
  const mail = await parseMail(raw, contentType);
  if (mail.messageId) {
    const existing = await findEmailByMessageId(db(), mail.messageId);
    if (existing?.direction === "inbound") return duplicateResult(existing.id);
    if (existing) return deadLetter(raw, contentType, `The Message-ID ${mail.messageId} is one of our own outbound messages (a loop or a misrouted copy).`, "messageId");
  }
  const match = await matchConversation(mail);
  if (!match) return deadLetter(raw, contentType, `No contact matches the sender ${normalizeEmail(mail.from)} or the message's In-Reply-To/References.`, "from");

  const receivedAt = new Date();
  const client = graphClient();
  const classified = await client.run("inbound_classify", {
    subject: mail.subject.slice(0, 1_000),
    body: mail.text.slice(0, MAX_CLASSIFY_CHARS),
    from: mail.from,
    headers: mail.headers,
    receivedAt: receivedAt.toISOString(),
  });
  const classification = classified.values.classification;
  if (!classification) throw new AppError("internal:api", { message: "inbound_classify returned no label." });

  const { label, polarity, provenance } = classification;
  const effect = inboundEffects(label);
  const messageId = mail.messageId ?? `<inbound-${randomUUID()}@${INBOUND_DOMAIN}>`;
  const threadId = match.threadId ?? `inbound-${match.contactId}-${createHash("sha256").update(messageId).digest("hex").slice(0, 12)}`;
  const hashes = new Set([emailHash(match.contactEmail), ...(label === "unsubscribe" ? [emailHash(mail.from)] : [])]);
  let emailId: number;
  try {
    emailId = await recordInbound(db(), {
      contactId: match.contactId,
      campaignId: match.campaignId,
      threadId,
      messageId,
      inReplyTo: mail.inReplyTo,
      subject: mail.subject,
      body: mail.text,
      receivedAt,
      outcome: { label, polarity, confidence: provenance.confidence },
      memory: mail.text.trim().slice(0, MAX_MEMORY_CHARS) || `(empty message) ${mail.subject}`,
      flags: effect.flags,
      suppress: effect.suppress ? { hashes: [...hashes], reason: effect.suppress } : null,
      parent: effect.parentMark && match.parentEmailId ? { emailId: match.parentEmailId, mark: effect.parentMark } : null,
      // Queued with the message, so a receiver that dies right after storing it loses none of them.
      jobs: followUpJobs(match.contactId, label, classification.returnDate ?? null, receivedAt),
    });
  } catch (e) {
    // The same message delivered twice at once: the unique Message-ID let one write through.
    const winner = await findEmailByMessageId(db(), messageId);
    if (winner?.direction === "inbound") return duplicateResult(winner.id);
    throw e;
  }
  // The campaign effects at once (the reply's sender sees them in the answer); their job, queued
  // with the message for a receiver that died before this line, is then withdrawn.
  await applyInboundToCampaigns(db(), { contactId: match.contactId, label, returnDate: classification.returnDate ?? null, at: receivedAt });
  await cancelWaitingJob(db(), `${INBOUND_CAMPAIGNS_KEY_PREFIX}${emailId}`);
  return {
    contactId: match.contactId,
    emailId,
    threadId,
    matchedBy: match.matchedBy,
    label,
    polarity,
    confidence: provenance.confidence,
    source: provenance.source,
    returnDate: classification.returnDate ?? null,
    effects: effect.effects,
    duplicate: false,
  };
}
