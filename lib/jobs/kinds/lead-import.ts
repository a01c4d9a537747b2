import type { Database } from "@/db/client";
import { staleUploads } from "@/db/queries/lead-imports";
import { failLeadImport, ImportFailure, runLeadImport } from "@/lib/leads/run-import";
import type { JobSpecs } from "../catalog";
import { PermanentJobError, type JobHandler } from "../kind";
import type { PeriodicTask } from "../runner";

/** An upload whose import was never started is dropped (file removed, import failed) after this long. */
export const UPLOAD_KEPT_MS = 24 * 60 * 60_000;

/** Drops uploads nobody started, so abandoned files do not pile up in IMPORT_DIR. */
export function staleUploadSweep(deps: { database: Database }, everyMs = 60 * 60_000): PeriodicTask {
  return {
    name: "stale lead uploads",
    everyMs,
    async run(now) {
      const ids = await staleUploads(deps.database, new Date(now.getTime() - UPLOAD_KEPT_MS));
      for (const id of ids) await failLeadImport(deps.database, id, "The upload was not imported within 24 hours, so its file was removed. Upload it again to import it.", now);
      return ids.length;
    },
  };
}

/**
 * Runs one lead import to the end. An import that cannot go on (its file or a mapped column is
 * gone) is marked failed with the reason and dead-lettered at once; any other error is retried,
 * resuming after the last batch written, and the last attempt's failure is shown on the import.
 */
export function importLeads(deps: { database: Database }): JobHandler<JobSpecs["lead_import"]["payload"]> {
  return async ({ importId }, context) => {
    try {
      await runLeadImport({ database: deps.database, signal: context.signal, now: context.now }, importId);
    } catch (e) {
      if (context.signal.aborted) throw e;
      if (e instanceof ImportFailure) {
        await failLeadImport(deps.database, importId, e.message, context.now());
        throw new PermanentJobError(e.message, { cause: e });
      }
      if (context.attempt >= context.maxAttempts) {
        await failLeadImport(deps.database, importId, `The import stopped after ${context.attempt} attempts; the rows counted so far were written. (${e instanceof Error ? e.message : String(e)})`, context.now());
      }
      throw e;
    }
  };
}
