import { describe, expect, it } from "vitest";
import { LABELS } from "@/graphs/inbound-classify/state";
import { addressOf, authorizeInbound, inboundEffects, InboundJson, messageIds } from "./inbound";

const TOKEN = "inbound-token-0123456789abcdef";

describe("authorizeInbound", () => {
  it("a gateway with the right bearer token is let in", () => {
    expect(() => authorizeInbound(`Bearer ${TOKEN}`, TOKEN)).not.toThrow();
  });

  it("a caller with a wrong, missing or malformed token gets 401", () => {
    for (const header of [`Bearer ${TOKEN}x`, null, TOKEN, "Basic abc"]) {
      expect(() => authorizeInbound(header, TOKEN)).toThrow(expect.objectContaining({ status: 401 }));
    }
  });

  it("with no token configured, every caller gets 503: inbound mail is not configured", () => {
    expect(() => authorizeInbound(`Bearer ${TOKEN}`, undefined)).toThrow(expect.objectContaining({ status: 503, message: "inbound mail is not configured" }));
  });
});

describe("inboundEffects", () => {
  it("an unsubscribe sets the flag and suppresses the address", () => {
    expect(inboundEffects("unsubscribe")).toEqual({ flags: { unsubscribed: true }, suppress: "unsubscribe", parentMark: null, effects: ["unsubscribed", "suppressed"] });
  });

  it("a bounce sets bounced, suppresses the address and marks the message it answers", () => {
    expect(inboundEffects("bounced")).toEqual({ flags: { bounced: true }, suppress: "bounce", parentMark: "bounced", effects: ["bounced", "suppressed"] });
  });

  it("a person's reply, whatever it says, sets replied; auto-replies and spam change nothing", () => {
    const replied = LABELS.filter((l) => inboundEffects(l).flags.replied);
    expect(replied.sort()).toEqual(["info_request", "interested", "meeting_scheduled", "not_interested", "partnership"]);
    expect(inboundEffects("auto_reply")).toEqual({ flags: {}, suppress: null, parentMark: null, effects: [] });
    expect(inboundEffects("spam").effects).toEqual([]);
  });
});

describe("message headers", () => {
  it("reads addresses with or without a display name", () => {
    expect(addressOf("Laura Costa <Laura@Pinelogic.example>")).toBe("Laura@Pinelogic.example");
    expect(addressOf(" laura@pinelogic.example ")).toBe("laura@pinelogic.example");
    expect(addressOf("Laura Costa")).toBeNull();
  });

  it("reads Message-IDs in order and brackets bare ones", () => {
    expect(messageIds("<a@x> <b@y>")).toEqual(["<a@x>", "<b@y>"]);
    expect(messageIds(["<a@x>", "<b@y>"])).toEqual(["<a@x>", "<b@y>"]);
    expect(messageIds("a@x")).toEqual(["<a@x>"]);
    expect(messageIds(undefined)).toEqual([]);
  });

  it("the JSON form refuses an unknown field and a sender that is not an address", () => {
    expect(InboundJson.safeParse({ from: "a@b.co", subject: "s", text: "t", html: "<p>" }).success).toBe(false);
    expect(InboundJson.safeParse({ from: "nobody", subject: "s", text: "t" }).success).toBe(false);
    expect(InboundJson.safeParse({ from: "A <a@b.co>", subject: "s", text: "t", references: ["<x@y>"], inReplyTo: null }).success).toBe(true);
  });
});
