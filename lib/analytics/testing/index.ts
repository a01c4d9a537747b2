import { closeReadOnly } from "@/db/read-only/pool";
import { seedDatabase, todayUtc } from "@/db/seed/seed";
import { tempDatabase } from "@/db/testing";

/**
 * A migrated temp database with a small deterministic seed whose history ends today, so reports
 * over "the last 30 days" have rows. Cleanup also stops its read-only query processes.
 */
export async function seededAnalyticsDatabase(label: string) {
  const temp = await tempDatabase(label);
  await seedDatabase(temp.database, { companies: 40, contacts: 400, emails: 4_000, anchor: todayUtc() });
  return {
    ...temp,
    cleanup: () => {
      closeReadOnly(temp.url);
      temp.cleanup();
    },
  };
}
