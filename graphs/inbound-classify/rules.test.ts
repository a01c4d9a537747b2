import { describe, expect, it } from "vitest";
import { keywordClassify, NO_MATCH_CONFIDENCE, POLARITY, polarityOf, replyText } from "./rules";
import { LABELS } from "./state";

const classify = (body: string, subject = "Re: An idea for Pinelogic", from = "laura@pinelogic.example") =>
  keywordClassify({ subject, body, from }, "no model configured");

describe("the keyword classifier", () => {
  it.each([
    ["Please unsubscribe me.", "unsubscribe"],
    ["Remove me from this list", "unsubscribe"],
    ["I'd like to opt out of these emails", "unsubscribe"],
    ["Your message was undeliverable.", "bounced"],
    ["I am out of the office until Monday.", "auto_reply"],
    ["This is an automatic reply.", "auto_reply"],
    ["Booked a slot on your calendar for Thursday.", "meeting_scheduled"],
    ["Can you share pricing and a case study?", "info_request"],
    ["I'd like more information first.", "info_request"],
    ["We are not interested, thanks.", "not_interested"],
    ["No thanks.", "not_interested"],
    ["We partner with agencies like yours.", "partnership"],
    ["Sounds good, let\u2019s talk next week.", "interested"],
    ["I'm interested.", "interested"],
  ] as const)("a contact writing %j is labelled %s", (body, label) => {
    const verdict = classify(body);
    expect(verdict.label).toBe(label);
    expect(verdict.provenance.source).toBe("rule_based_fallback");
    expect(verdict.provenance.evidence[0]).toMatch(/^body: "/);
  });

  it("a mail server's bounce is recognised from the sender or the subject alone", () => {
    expect(classify("Final-Recipient: rfc822; laura@x.example", "Failure", "MAILER-DAEMON@mx.example").label).toBe("bounced");
    expect(classify("", "Delivery Status Notification (Failure)").label).toBe("bounced");
  });

  it("a stop request wins over everything else in the same message", () => {
    expect(classify("Sounds good, but please remove me from your list.").label).toBe("unsubscribe");
    expect(classify("Not interested. Unsubscribe.").label).toBe("unsubscribe");
  });

  it("\"not interested\" is never read as interested", () => {
    expect(classify("Honestly we are not interested in this.").label).toBe("not_interested");
  });

  it("our own quoted email cannot decide the label of a reply", () => {
    const body = "Thanks, will read it later.\n\nOn Mon, 3 Nov 2026 at 10:00, Riley Rep <rep@demo.local> wrote:\n> Sounds good? Let's talk next week.\n> Pricing attached.";
    expect(classify(body).label).toBe("info_request");
    expect(classify(body).provenance.confidence).toBe(NO_MATCH_CONFIDENCE);
    expect(classify("> sounds good\nNo thanks.").label).toBe("not_interested");
  });

  it("a message no rule matches is a low-confidence info_request for a person to read", () => {
    const verdict = classify("Thanks for the note.");
    expect(verdict).toMatchObject({ label: "info_request", provenance: { confidence: NO_MATCH_CONFIDENCE, source: "rule_based_fallback", evidence: [] } });
    expect(verdict.provenance.reason).toContain("no model configured");
  });

  it("keeps the text the contact wrote above an Outlook-style quote", () => {
    expect(replyText("Booked.\n\n-----Original Message-----\nFrom: rep\nUnsubscribe")).toBe("Booked.");
    expect(replyText("Yes\nFrom: Riley Rep\nSent: Monday\nLet's talk")).toBe("Yes");
  });
});

describe("label polarity", () => {
  it("maps every label: buying signals positive, stop signals negative, the rest neutral", () => {
    expect(Object.keys(POLARITY).sort()).toEqual([...LABELS].sort());
    expect(LABELS.filter((l) => POLARITY[l] === "positive").sort()).toEqual(["interested", "meeting_scheduled", "partnership"]);
    expect(LABELS.filter((l) => POLARITY[l] === "negative").sort()).toEqual(["bounced", "not_interested", "spam", "unsubscribe"]);
    expect(LABELS.filter((l) => POLARITY[l] === "neutral").sort()).toEqual(["auto_reply", "info_request"]);
  });

  it("an unknown or missing label is neutral (no signal)", () => {
    expect(polarityOf("maybe")).toBe("neutral");
    expect(polarityOf(null)).toBe("neutral");
    expect(polarityOf("toString")).toBe("neutral");
  });
});
