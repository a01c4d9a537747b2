import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { newOwner, ownerIsGone, retireOwner } from "./leases";

const owner = (pid: number) => `${hostname()}:${pid}:0badc0de`;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe("whether a run's owner is provably gone", () => {
  it("a live process on this host is not; an unknown host's is never provably gone; no owner is", () => {
    const mine = newOwner();
    cleanups.push(() => retireOwner(mine));
    expect(ownerIsGone(mine)).toBe(false);
    expect(ownerIsGone(`elsewhere.example:${process.pid}:0badc0de`)).toBe(false);
    expect(ownerIsGone(null)).toBe(true);
    // This process, but an owner it did not create in this life (a previous process with the same pid).
    expect(ownerIsGone(owner(process.pid))).toBe(true);
  });

  it("a process that exited is gone", async () => {
    const child = spawn("true");
    await new Promise((resolve) => child.on("exit", resolve));
    expect(ownerIsGone(owner(child.pid!))).toBe(true);
  });

  it.runIf(process.platform === "linux")("a process killed but not yet reaped by its parent (a zombie) is gone, though it still answers signal 0", async () => {
    // sh starts a short child, then becomes a sleep that never reaps it: the child stays a zombie.
    const parent = spawn("sh", ["-c", "sleep 0 & exec sleep 5"]);
    cleanups.push(() => parent.kill("SIGKILL"));
    let zombie = 0;
    await expect
      .poll(() => {
        const children = readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, "utf8").trim();
        zombie = Number(children.split(/\s+/)[0] ?? 0);
        return zombie > 0 && readFileSync(`/proc/${zombie}/stat`, "utf8").includes(") Z ");
      }, { timeout: 3_000 })
      .toBe(true);
    expect(() => process.kill(zombie, 0)).not.toThrow();
    expect(ownerIsGone(owner(zombie))).toBe(true);
    expect(ownerIsGone(owner(parent.pid!))).toBe(false);
  });
});
