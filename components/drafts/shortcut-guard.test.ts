import { describe, expect, it } from "vitest";
import { OWN_KEYS_SELECTOR, shortcutAllowed, type ShortcutTarget } from "./shortcut-guard";

const press = (target: ShortcutTarget | null, over: Partial<Parameters<typeof shortcutAllowed>[0]> = {}) => ({
  key: "a",
  metaKey: false,
  ctrlKey: false,
  altKey: false,
  defaultPrevented: false,
  target,
  ...over,
});
const open = { blocked: false };
/** An element that sits inside a container matching `inside` (a selector list), or inside nothing. */
const element = (tagName: string, extra: Partial<ShortcutTarget> = {}, inside: string | null = null): ShortcutTarget => ({
  tagName,
  closest: (selector: string) => (inside && selector.split(",").map((s) => s.trim()).includes(inside) ? { tagName: "DIALOG" } : null),
  ...extra,
});

describe("the shortcut guard", () => {
  it("a rep typing into the reject reason, the body or a select never triggers a shortcut", () => {
    expect(shortcutAllowed(press(element("INPUT", { type: "text" })), open)).toBe(false);
    expect(shortcutAllowed(press(element("INPUT")), open)).toBe(false);
    expect(shortcutAllowed(press(element("INPUT", { type: "search" })), open)).toBe(false);
    expect(shortcutAllowed(press(element("textarea")), open)).toBe(false);
    expect(shortcutAllowed(press(element("SELECT")), open)).toBe(false);
    expect(shortcutAllowed(press(element("DIV", { isContentEditable: true })), open)).toBe(false);
  });

  it("a rep whose focus is on the page, a button or a row's checkbox gets the shortcut", () => {
    expect(shortcutAllowed(press(element("BODY")), open)).toBe(true);
    expect(shortcutAllowed(press(element("BUTTON")), open)).toBe(true);
    expect(shortcutAllowed(press(element("INPUT", { type: "checkbox" })), open)).toBe(true);
    expect(shortcutAllowed(press(null), open)).toBe(true);
  });

  it("a key pressed inside a dialog or a menu belongs to it, not to the queue", () => {
    for (const inside of ["dialog", "[role=dialog]", "[role=alertdialog]", "[role=menu]", "[role=listbox]"]) {
      expect(OWN_KEYS_SELECTOR).toContain(inside);
      expect(shortcutAllowed(press(element("BUTTON", {}, inside)), open)).toBe(false);
    }
  });

  it("while a validation message or a modal is open no shortcut runs, wherever the focus fell", () => {
    expect(shortcutAllowed(press(element("BODY")), { blocked: true })).toBe(false);
    expect(shortcutAllowed(press(element("BUTTON")), { blocked: true })).toBe(false);
  });

  it("a key with a modifier, or one a field already handled, is not a shortcut", () => {
    expect(shortcutAllowed(press(element("BODY"), { metaKey: true }), open)).toBe(false);
    expect(shortcutAllowed(press(element("BODY"), { ctrlKey: true }), open)).toBe(false);
    expect(shortcutAllowed(press(element("BODY"), { altKey: true }), open)).toBe(false);
    expect(shortcutAllowed(press(element("BODY"), { defaultPrevented: true }), open)).toBe(false);
  });
});
