import type { Database } from "@/db/client";
import { failLeadImport, ImportFailure, runLeadImport } from "@/lib/leads/run-import";
import type { JobSpecs } from "../catalog";
import { PermanentJobError, type JobHandler } from "../kind";

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
