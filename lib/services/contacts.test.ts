import { describe, expect, it } from "vitest";
import { outreachVerdict } from "./contacts";

const clean = { doNotContact: false, bounced: false, unsubscribed: false, replied: false };

describe("outreachVerdict, what the contact page offers", () => {
  it("a rep is offered outreach for a contact the gate would let through", () => {
    expect(outreachVerdict(clean, null)).toEqual({ allowed: true });
  });

  it("a rep is told a bounced contact bounced, though its address is also on the suppression list", () => {
    expect(outreachVerdict({ ...clean, bounced: true }, "bounce")).toEqual({
      allowed: false,
      reason: "suppressed",
      message: "Mail to this address bounced, so it is on the suppression list.",
    });
  });

  it("a rep gets no outreach for a suppressed, do-not-contact, unsubscribed or replied contact, each with its reason", () => {
    expect(outreachVerdict(clean, "manual")).toMatchObject({ allowed: false, message: "Someone put this address on the suppression list by hand." });
    expect(outreachVerdict({ ...clean, doNotContact: true }, null)).toMatchObject({ allowed: false, reason: "do_not_contact", message: "The contact is marked do-not-contact." });
    expect(outreachVerdict({ ...clean, unsubscribed: true }, null)).toMatchObject({ allowed: false, reason: "unsubscribed" });
    expect(outreachVerdict({ ...clean, replied: true }, null)).toMatchObject({ allowed: false, reason: "replied" });
  });
});
