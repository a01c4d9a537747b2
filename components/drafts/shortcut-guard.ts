/**
 * When a keyboard shortcut may act. Pure (no DOM globals), so the rule is unit-tested as it is:
 * a key typed into a field is text; a key pressed in a dialog or a menu belongs to it; and while
 * the page waits on the person (a validation message is open, a modal is up) letters are never
 * commands. The issue this answers: a rejection's empty reason showed "Say why…", focus fell to
 * the page, and the reason typed next ran as shortcuts — `a` approved and sent the draft.
 */

/** The parts of a keyboard event's target the guard reads (an Element has them all). */
export type ShortcutTarget = {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
};

export type ShortcutEvent = {
  key: string;
  metaKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target: ShortcutTarget | null | EventTarget;
};

/** Inputs that take no text: a key pressed on them is not typing (j/k still move after ticking a row). */
const TEXTLESS_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/** Containers whose keys are their own. */
export const OWN_KEYS_SELECTOR = "dialog, [role=dialog], [role=alertdialog], [role=menu], [role=menubar], [role=listbox], [role=combobox]";

/** True when the focus is somewhere a key is text. */
export function isTextEntry(target: ShortcutTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  return tag === "INPUT" && !TEXTLESS_INPUTS.has((target.type ?? "text").toLowerCase());
}

/**
 * Whether this key press may run a shortcut. `blocked`: the page is waiting on the person (a
 * validation message or a modal is open), so no shortcut runs whatever has the focus.
 */
export function shortcutAllowed(event: ShortcutEvent, context: { blocked: boolean }): boolean {
  if (context.blocked || event.defaultPrevented) return false;
  if (event.metaKey || event.ctrlKey || event.altKey) return false;
  const target = (event.target ?? null) as ShortcutTarget | null;
  if (isTextEntry(target)) return false;
  return !target?.closest?.(OWN_KEYS_SELECTOR);
}
