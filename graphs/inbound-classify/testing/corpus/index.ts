import { FIRST_HELD_OUT } from "./first-held-out";
import { BOUNCES, AUTO_REPLIES } from "./mail-system";
import { INJECTIONS } from "./injections";
import { OPT_OUTS } from "./opt-outs";
import { REPLIES } from "./replies";
import { CONTACT, RECEIVED_AT, type CorpusMessage } from "./types";

export { CONTACT, RECEIVED_AT, type CorpusMessage } from "./types";
export { HELD_OUT } from "./held-out";

/**
 * The held-in corpus of labelled inbound messages the classifier is measured on (unit test,
 * model-stub test, `npm run eval:inbound`). Held-in: the rules were written with it in view, so its
 * figures say the rules do what they claim, not how they do on mail nobody has read yet.
 */
export const CORPUS: readonly CorpusMessage[] = [...OPT_OUTS, ...BOUNCES, ...AUTO_REPLIES, ...INJECTIONS, ...REPLIES, ...FIRST_HELD_OUT];

/** A corpus message as the classifier's input. */
export const asInput = (m: CorpusMessage) => ({
  subject: m.subject,
  body: m.body,
  from: m.from ?? CONTACT,
  receivedAt: RECEIVED_AT,
  ...(m.headers ? { headers: m.headers } : {}),
});
