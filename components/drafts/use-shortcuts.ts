"use client";
import { useEffect, useRef } from "react";
import { shortcutAllowed } from "./shortcut-guard";

/** A modal (the shortcuts list, a confirmation) or a validation message holds the page. */
function pageIsWaiting(): boolean {
  return document.querySelector("dialog[open], [role=dialog][aria-modal=true], [data-blocks-shortcuts]") !== null;
}

/**
 * Binds single-key shortcuts on the window, through the guard (shortcut-guard.ts): never while
 * focus is in a field, a dialog or a menu, never while `blocked` (this component's own
 * validation message or form is open) or any modal or `[data-blocks-shortcuts]` element is
 * on the page. The bindings may change every render; the listener is added once.
 */
export function useShortcuts(bindings: Record<string, () => void>, options: { enabled?: boolean; blocked?: boolean } = {}) {
  const latest = useRef({ bindings, blocked: options.blocked ?? false });
  useEffect(() => {
    latest.current = { bindings, blocked: options.blocked ?? false };
  });
  const enabled = options.enabled ?? true;
  useEffect(() => {
    if (!enabled) return;
    function onKey(event: KeyboardEvent) {
      const action = latest.current.bindings[event.key];
      if (!action) return;
      if (!shortcutAllowed(event, { blocked: latest.current.blocked || pageIsWaiting() })) return;
      event.preventDefault();
      action();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
