import type { PreviewRow } from "./api";

const rowsOf = (n: number) => `${n.toLocaleString("en")} row${n === 1 ? "" : "s"}`;

/**
 * The import button's words: every row is sent, but those the preview already refuses are said up
 * front. The preview reads only the first rows of a long file, so then it says which rows it knows.
 */
export function importButtonLabel(total: number, preview: PreviewRow[] | undefined): string {
  const base = `Import ${rowsOf(total)}`;
  const refused = preview?.filter((r) => r.action === "refuse").length ?? 0;
  if (!preview || refused === 0) return base;
  if (preview.length >= total) return `${base} (${refused === total ? "all" : refused.toLocaleString("en")} will be refused)`;
  return `${base} (${refused.toLocaleString("en")} of the first ${preview.length.toLocaleString("en")} will be refused)`;
}
