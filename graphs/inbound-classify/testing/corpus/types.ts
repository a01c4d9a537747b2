import type { InboundLabel } from "../../state";

/** One labelled inbound message. `label` is what a careful person would file it as. */
export type CorpusMessage = {
  id: string;
  subject: string;
  body: string;
  /** Default: the contact, "Laura Costa <laura@pinelogic.example>". */
  from?: string;
  headers?: Record<string, string>;
  label: InboundLabel;
  /** Why it has this label, and what makes it hard. */
  notes: string;
  /** Built to catch a classifier out (disguised text, mixed signals, a policy call). */
  tricky?: boolean;
  /** The message holds an instruction to its classifier; `label` is what its own words earn. */
  injection?: boolean;
  /** For an out-of-office that says when its writer is back (YYYY-MM-DD, read against RECEIVED_AT). */
  returnDate?: string;
  language?: "de" | "fr" | "es" | "it" | "nl" | "pt" | "sv";
};

/** Every message arrived on Friday 18 December 2026 (return dates without a year are read from it). */
export const RECEIVED_AT = "2026-12-18T09:00:00Z";
export const CONTACT = "Laura Costa <laura@pinelogic.example>";
export const SUBJECT = "Re: An idea for Pinelogic";
