import type { ColumnMapping } from "@/lib/leads/columns";
import type { LeadImportView } from "@/lib/services/lead-imports";

/** What the upload answers (app/api/lead-imports/upload). */
export type Uploaded = { import: LeadImportView; headers: string[]; rows: number; mapping: ColumnMapping };

export type PreviewRow = {
  line: number;
  email: string | null;
  action: "create" | "merge" | "unchanged" | "refuse";
  company: "create" | "merge" | "unchanged" | null;
  suppressed: boolean;
  problems: string[];
  conflicts: { field: string; kept: string; offered: string }[];
  values: Record<string, string>;
};

/** A failed call's message, as the API words it (`{error: {message, field}}`). */
export class ApiProblem extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

async function answer<T>(response: Response, fallback: string): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiProblem(body?.error?.message ?? fallback, body?.error?.field);
  return body as T;
}

export async function uploadFile(file: File): Promise<Uploaded> {
  const response = await fetch(`/api/lead-imports/upload?filename=${encodeURIComponent(file.name)}`, { method: "POST", body: file, headers: { "content-type": "text/csv" } });
  return answer(response, "The file could not be uploaded.");
}

const postJson = (url: string, body: unknown) => fetch(url, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

export async function previewImport(id: number, mapping: ColumnMapping): Promise<{ rows: PreviewRow[] }> {
  return answer(await postJson(`/api/lead-imports/${id}/preview`, { mapping }), "The preview could not be made.");
}

export async function startImport(id: number, mapping: ColumnMapping): Promise<LeadImportView> {
  return answer(await postJson(`/api/lead-imports/${id}/start`, { mapping }), "The import could not be started.");
}

export async function importStatus(id: number): Promise<LeadImportView> {
  return answer(await fetch(`/api/lead-imports/${id}`), "The import's progress could not be read.");
}
