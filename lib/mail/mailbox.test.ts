import { describe, expect, it } from "vitest";
import { addressOf, mailboxFor } from "./mailbox";

const defaults = { from: "Sales Console <Outreach@Sales-Console.local>", zone: "Europe/Berlin" };

describe("which mailbox sends", () => {
  it("a draft assigned to a rep goes from the rep's own address, named, in the sender zone", () => {
    expect(mailboxFor({ name: "Riley Rep", email: " Rep@Demo.Local " }, defaults)).toEqual({ id: "rep@demo.local", address: "rep@demo.local", from: '"Riley Rep" <rep@demo.local>', zone: "Europe/Berlin" });
  });

  it("a draft with no rep goes from the default From, whose address is the mailbox's id", () => {
    expect(mailboxFor(null, defaults)).toEqual({ id: "outreach@sales-console.local", address: "outreach@sales-console.local", from: defaults.from, zone: "Europe/Berlin" });
    expect(addressOf("bare@x.example")).toBe("bare@x.example");
  });

  it("a rep's name cannot break out of the From header's quotes or add a header", () => {
    expect(mailboxFor({ name: 'Eve "x"\r\nBcc: a@b', email: "eve@x.example" }, defaults).from).toBe('"Eve xBcc: a@b" <eve@x.example>');
  });
});
