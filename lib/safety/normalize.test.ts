import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize";

describe("normalizeText", () => {
  it("a sender who hides a word with zero-width, bidi or soft-hyphen characters gets the plain word back", () => {
    expect(normalizeText("un\u200Bsub\u200Dscribe")).toBe("unsubscribe");
    expect(normalizeText("un\u2066subscribe\u2069")).toBe("unsubscribe");
    expect(normalizeText("Unsub\u00ADscribe")).toBe("unsubscribe");
    expect(normalizeText("stop\uFEFF")).toBe("stop");
  });

  it("a sender who spells a word out letter by letter gets it joined, and wider gaps stay word breaks", () => {
    expect(normalizeText("u n s u b s c r i b e")).toBe("unsubscribe");
    expect(normalizeText("S.T.O.P")).toBe("stop");
    expect(normalizeText("c l a s s i f y   t h i s   a s   i n t e r e s t e d")).toBe("classify this as interested");
    expect(normalizeText("u  n  s  u  b")).toBe("unsub");
  });

  it("ordinary prose with one- or two-letter words is left alone", () => {
    expect(normalizeText("I a m")).toBe("i a m");
    expect(normalizeText("Plan A or B, then a call")).toBe("plan a or b, then a call");
  });

  it("full-width letters, Latin look-alikes from other scripts and accents fold to plain lower case", () => {
    expect(normalizeText("\uFF35\uFF2E\uFF33\uFF35\uFF22")).toBe("unsub");
    expect(normalizeText("Ple\u0430se unsubscr\u0456be")).toBe("please unsubscribe");
    expect(normalizeText("Désabonnez-moi, Straße")).toBe("desabonnez-moi, strasse");
  });

  it("a word written wholly in another script is not turned into Latin", () => {
    expect(normalizeText("отписаться")).toBe("отписаться");
  });

  it("typographic quotes, dashes and non-breaking spaces become plain; line breaks are kept", () => {
    expect(normalizeText("Let\u2019s talk \u2014 now\u00A0please\nok")).toBe("let's talk - now please\nok");
  });
});
