import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";

/** How long a run stays its process's without a renewal, and how often the process renews. */
export type LeaseTiming = { leaseMs: number; renewMs: number };

export const DEFAULT_LEASE: LeaseTiming = { leaseMs: 30_000, renewMs: 10_000 };

// Owners alive in this process, across every runtime it created (tests open several on one file).
const holder = globalThis as unknown as { __runtimeOwners?: Set<string> };
const liveHere = (holder.__runtimeOwners ??= new Set<string>());

/**
 * A new owner id for one runtime: `host:pid:random`. The host and pid let a process on the same
 * machine tell at once that an owner is gone (its pid no longer exists, or it is its own pid but
 * an earlier instance), instead of waiting out the lease.
 */
export function newOwner(): string {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  liveHere.add(owner);
  return owner;
}

export function retireOwner(owner: string): void {
  liveHere.delete(owner);
}

/**
 * True only when the owner is provably gone: it ran on this host and its process no longer
 * exists (or it is this process, which did not create it in this life). An owner elsewhere, or
 * a pid now used by another process, is not provably gone: its lease decides.
 */
export function ownerIsGone(owner: string | null): boolean {
  if (owner === null) return true;
  const match = /^(.*):(\d+):[0-9a-f]+$/.exec(owner);
  if (!match || match[1] !== hostname()) return false;
  const pid = Number(match[2]);
  if (pid === process.pid) return !liveHere.has(owner);
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
  return isZombie(pid);
}

/**
 * Linux: a process killed (kill -9) but not yet reaped by its parent still answers signal 0, as
 * a zombie; it will never renew a lease. Elsewhere (no /proc) the lease decides.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (command) state …": the command may hold spaces and parentheses, the state follows the last ")".
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state === "Z" || state === "X";
  } catch {
    return false;
  }
}
