"use client";
import Link from "next/link";
import { formatNumber } from "@/lib/format";

type Props = {
  page: number;
  pageSize: number;
  total: number;
  /** Client-side paging; or give `links` (plain hrefs, so a server component can render this). */
  onChange?: (page: number) => void;
  links?: { previous: string; next: string };
  busy?: boolean;
};

const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50";
const disabled = "pointer-events-none opacity-40";
const disabledButton = "disabled:pointer-events-none disabled:opacity-40";

export function Pagination({ page, pageSize, total, onChange, links, busy }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const control = (target: number, label: "Previous" | "Next", enabled: boolean) =>
    links ? (
      <Link href={label === "Previous" ? links.previous : links.next} className={`${button} ${enabled ? "" : disabled}`} aria-disabled={!enabled} tabIndex={enabled ? undefined : -1}>
        {label}
      </Link>
    ) : (
      <button type="button" className={`${button} ${disabledButton}`} disabled={!enabled || busy} onClick={() => onChange?.(target)}>
        {label}
      </button>
    );
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-4 text-sm text-slate-600">
      <p data-testid="page-summary">
        {total === 0 ? "No results" : `Showing ${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)}`}
      </p>
      <div className="flex items-center gap-2">
        {control(page - 1, "Previous", page > 1)}
        <span>
          Page {formatNumber(page)} of {formatNumber(pages)}
        </span>
        {control(page + 1, "Next", page < pages)}
      </div>
    </nav>
  );
}
