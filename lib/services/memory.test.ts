import { afterEach, describe, expect, it, vi } from "vitest";
import { reflectLater } from "./memory";

type Queue = NonNullable<Parameters<typeof reflectLater>[1]>;
const input = { contactId: 3, emailId: 9 };
afterEach(() => vi.restoreAllMocks());

describe("reflectLater", () => {
  it("a caller queues one reflection per email, keyed so a second request for the same email is not queued twice", async () => {
    const enqueue = vi.fn(async () => ({ id: 1, created: true }));
    await reflectLater(input, { enqueue } as unknown as Queue);
    expect(enqueue).toHaveBeenCalledWith("memory_reflect", input, { dedupeKey: "memory_reflect:9" });
  });

  it("a caller is never failed by a reflection that could not be queued; the failure is logged with the email", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(reflectLater(input, { enqueue: () => Promise.reject(new Error("db locked")) } as unknown as Queue)).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![0])).toContain("email 9 of contact 3");
  });
});
