"use client";
import { Modal } from "./modal";

/** Every key the queue answers, in one place: the `?` dialog lists exactly these. */
export const SHORTCUTS: [key: string, what: string][] = [
  ["j", "Next draft"],
  ["k", "Previous draft"],
  ["x", "Select or unselect the draft"],
  ["a", "Approve (sends after the undo window)"],
  ["e", "Edit the body"],
  ["r", "Reject…"],
  ["?", "Show these shortcuts"],
  ["Esc", "Close a dialog, leave a field"],
];

/** The shortcuts, in a modal dialog (`?`). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onClose={onClose} title="Keyboard shortcuts">
      <p className="text-sm text-slate-600">They never act while you type in a field or while a dialog or message is open.</p>
      <dl className="mt-4 space-y-2 text-sm">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="flex items-center justify-between gap-4">
            <dt><kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs text-slate-700">{key}</kbd></dt>
            <dd className="text-slate-700">{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-5 flex justify-end">
        <button type="submit" autoFocus className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
          Close
        </button>
      </form>
    </Modal>
  );
}
