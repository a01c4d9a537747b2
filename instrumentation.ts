/**
 * Runs once when the server starts: applies pending migrations and, in demo mode, seeds an empty
 * database. Tracing (when an exporter is configured) registers here too.
 */
export async function register() {
  // NEXT_RUNTIME is a build-time constant that Next inlines, so the edge bundle drops the
  // Node-only imports below; reading it through lib/env would defeat that.
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ db }, { prepareDatabase }, { env }] = await Promise.all([
    import("@/db/client"),
    import("@/db/setup"),
    import("@/lib/env"),
  ]);
  const seeded = await prepareDatabase(db(), { demo: env().DEMO_MODE });
  if (seeded) {
    console.log(
      `[db] demo data seeded: ${seeded.companies} companies, ${seeded.contacts} contacts, ${seeded.emails} emails`,
    );
  }
}
