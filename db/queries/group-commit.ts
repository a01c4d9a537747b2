import type { Client, InStatement, ResultSet } from "@libsql/client";
import type { Database } from "../client";

/**
 * Group commit for the writes on every run's path (its start, its end). Each caller's statements
 * stay one atomic unit and in order (so `changes()` still sees the statement just before it);
 * writes asked for in the same turn of the event loop share one transaction, so 16 concurrent
 * runs pay for one commit instead of 16. A caller is answered only after the commit, so a
 * process killed before it loses exactly what a kill before each caller's own commit would have.
 */

type Pending = { statements: InStatement[]; resolve: (results: ResultSet[]) => void; reject: (e: unknown) => void };

const queues = new WeakMap<Client, Pending[]>();

/** Runs `statements` as one atomic write, possibly in a transaction shared with other callers' writes. */
export function groupedWrite(database: Database, statements: InStatement[]): Promise<ResultSet[]> {
  const client = database.$client;
  return new Promise((resolve, reject) => {
    let queue = queues.get(client);
    if (!queue) {
      queue = [];
      queues.set(client, queue);
      setImmediate(() => void flush(client));
    }
    queue.push({ statements, resolve, reject });
  });
}

async function flush(client: Client): Promise<void> {
  const group = queues.get(client)!;
  queues.delete(client);
  if (group.length === 1) return settle(client, group[0]!);
  let results: ResultSet[];
  try {
    results = await client.batch(group.flatMap((p) => p.statements), "write");
  } catch {
    // One caller's failing statement rolled back everyone's: each write again on its own, so
    // only the failing one is refused (and with its own error).
    await Promise.all(group.map((p) => settle(client, p)));
    return;
  }
  let at = 0;
  for (const pending of group) {
    pending.resolve(results.slice(at, at + pending.statements.length));
    at += pending.statements.length;
  }
}

async function settle(client: Client, pending: Pending): Promise<void> {
  try {
    const { statements } = pending;
    pending.resolve(statements.length === 1 ? [await client.execute(statements[0]!)] : await client.batch(statements, "write"));
  } catch (e) {
    pending.reject(e);
  }
}
