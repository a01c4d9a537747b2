import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { tempDatabase } from "@/db/testing";
import { createTestClock, DAY_MS } from "./clock";
import type { JobKinds } from "./jobs/kind";
import { createJobQueue } from "./jobs/queue";
import { createJobRunner } from "./jobs/runner";

let env: Awaited<ReturnType<typeof tempDatabase>>;
beforeAll(async () => {
  env = await tempDatabase("clock-jobs");
});
afterAll(() => env.cleanup());

describe("the injected clock drives the job runner", () => {
  it("a job queued three days ahead runs when the test clock has moved three days, not before", async () => {
    const clock = createTestClock("2030-03-01T09:00:00Z");
    const spec = { payload: z.object({ n: z.number() }), maxAttempts: 1, leaseMs: 10_000, backoff: { baseMs: 1_000, maxMs: 1_000 } };
    const ran: Date[] = [];
    const kinds = { wake: { ...spec, handle: async (_: { n: number }, context: { now: () => Date }) => void ran.push(context.now()) } } satisfies JobKinds;
    await createJobQueue({ database: env.database, specs: { wake: spec }, now: clock.now }).enqueue("wake", { n: 1 }, { runAt: new Date(clock.now().getTime() + 3 * DAY_MS) });
    const runner = createJobRunner({ database: env.database, kinds, now: clock.now, log: { warn: () => {}, error: () => {} } });

    clock.advance(3 * DAY_MS - 1);
    expect(await runner.tick()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await runner.tick()).toMatchObject({ claimed: 1, done: 1 });
    expect(ran.map((d) => d.toISOString())).toEqual(["2030-03-04T09:00:00.000Z"]);
  });
});
