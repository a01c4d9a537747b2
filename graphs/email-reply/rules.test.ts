import { describe, expect, it } from "vitest";
import type { OutreachContext } from "@/db/queries/outreach";
import { resolveConfig } from "./config";
import { replyBrief, replySkipReason } from "./rules";

const limits = resolveConfig();
const MAX_INBOUND_CHARS = limits.maxInboundChars;

const allowed = { allowed: true } as const;
const inbound = (over: Partial<{ contactId: number; direction: "inbound" | "outbound"; label: string | null }> = {}) => ({ contactId: 7, direction: "inbound" as const, label: "interested", ...over });

describe("replySkipReason", () => {
  it("a contact's own inbound message that needs an answer is drafted", () => {
    expect(replySkipReason({ contactId: 7, email: inbound(), gate: allowed })).toBeNull();
    expect(replySkipReason({ contactId: 7, email: inbound({ label: null }), gate: allowed })).toBeNull();
  });

  it("a caller cannot draft against another contact's message, a missing one, or our own outbound email", () => {
    expect(replySkipReason({ contactId: 8, email: inbound(), gate: allowed })).toBe("not_found");
    expect(replySkipReason({ contactId: 7, email: null, gate: null })).toBe("not_found");
    expect(replySkipReason({ contactId: 7, email: inbound({ direction: "outbound" }), gate: allowed })).toBe("not_inbound");
  });

  it("the safety gate refuses before the label is considered", () => {
    expect(replySkipReason({ contactId: 7, email: inbound(), gate: { allowed: false, reason: "suppressed" } })).toBe("suppressed");
    expect(replySkipReason({ contactId: 7, email: inbound({ label: "auto_reply" }), gate: { allowed: false, reason: "unsubscribed" } })).toBe("unsubscribed");
  });

  it("nobody answers an auto-reply, spam, a bounce or an unsubscribe", () => {
    for (const label of ["auto_reply", "spam", "bounced", "unsubscribe"]) {
      expect(replySkipReason({ contactId: 7, email: inbound({ label }), gate: allowed })).toBe("no_reply_needed");
    }
  });
});

describe("replyBrief", () => {
  const context = {
    contact: { firstName: "Laura", lastName: "Costa", title: "COO", seniority: "c_level", department: "Operations" },
    company: { name: "Pinelogic", vertical: "retail", size: "51-200", hqCity: "Dublin" },
    facts: [{ id: 1, fact: "Opened 29 stores", source: "news", confidence: 0.9 }],
    campaign: { id: 3, name: "Peak season", angle: "Be ready", tone: "warm" },
    ownerName: "Riley Rep",
  } as unknown as OutreachContext;

  it("answers the contact's message with the facts, first-party memories and the owner as sender", () => {
    const brief = replyBrief(context, { subject: "Re: Peak season", body: "x".repeat(MAX_INBOUND_CHARS + 10) }, [{ source: "human_note", content: "Prefers mornings" }], limits);
    expect(brief).toMatchObject({
      action: "reply",
      senderName: "Riley Rep",
      campaign: { name: "Peak season", angle: "Be ready", tone: "warm" },
      memories: [{ source: "human_note", content: "Prefers mornings" }],
      roles: ["researcher", "composer"],
    });
    expect(brief.inbound!.body).toHaveLength(MAX_INBOUND_CHARS);
    expect(brief.campaign).not.toHaveProperty("id");
  });
});
