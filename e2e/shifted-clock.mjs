/**
 * Test-only: preloaded (`node --import`) into the campaign e2e server's `next start` by
 * e2e/web-server.ts, and never part of the console's own code or build. It moves the whole
 * process's wall clock — `Date.now()` and `new Date()` — forward by the milliseconds written in
 * the file named by E2E_CLOCK_FILE, so a spec can advance days without sleeping while every
 * reader of time (the job runner, the campaign graph, the send governor, sessions) agrees.
 * Timers (setTimeout) keep real time. The file is re-read at most every 100 ms.
 */
import { readFileSync } from "node:fs";

const file = process.env.E2E_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  let offset = 0;
  let readAt = -Infinity;
  const shifted = () => {
    const real = realNow();
    if (real - readAt > 100) {
      readAt = real;
      try {
        offset = Number(readFileSync(file, "utf8").trim()) || 0;
      } catch (e) {
        // No file yet means no offset; anything else is a broken test setup and must be loud.
        if (e?.code !== "ENOENT") throw e;
        offset = 0;
      }
    }
    return real + offset;
  };
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [shifted()] : args, newTarget),
    apply: () => new RealDate(shifted()).toString(),
    get: (target, prop, receiver) => (prop === "now" ? shifted : Reflect.get(target, prop, receiver)),
  });
}
