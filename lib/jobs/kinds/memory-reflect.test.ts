import { describe, expect, it, vi } from "vitest";
import { reflectOnEmail } from "./memory-reflect";

type Client = Parameters<typeof reflectOnEmail>[0];
const input = { contactId: 3, emailId: 9 };
const context = {} as Parameters<ReturnType<typeof reflectOnEmail>>[1];

describe("the memory_reflect job", () => {
  it("runs memory_reflect for the email it names", async () => {
    const run = vi.fn(async () => ({ values: { outcome: { status: "stored" } } }));
    await reflectOnEmail({ run } as unknown as Client)(input, context);
    expect(run).toHaveBeenCalledWith("memory_reflect", input, undefined);
  });

  it("runs it under the run that enqueued the job, so the run page nests it there", async () => {
    const run = vi.fn(async () => ({ values: { outcome: { status: "stored" } } }));
    await reflectOnEmail({ run } as unknown as Client)(input, { ...context, parentRunId: "run-approval-1" });
    expect(run).toHaveBeenCalledWith("memory_reflect", input, { parentRunId: "run-approval-1" });
  });

  it("a failed run fails the attempt, so the runner retries it", async () => {
    const handler = reflectOnEmail({ run: () => Promise.reject(new Error("model timed out")) } as unknown as Client);
    await expect(handler(input, context)).rejects.toThrow("model timed out");
  });

  it("a run that finds nothing worth remembering is a result: logged with the email and its reason, not retried", async () => {
    const log = { warn: vi.fn() };
    const run = async () => ({ values: { outcome: { status: "skipped", reason: "empty message" } } });
    await expect(reflectOnEmail({ run } as unknown as Client, log)(input, context)).resolves.toBeUndefined();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining("email 9 of contact 3: empty message"));
  });
});
