import { afterEach, describe, expect, it, vi } from "vitest";
import { reflectInBackground } from "./memory";

type Client = Parameters<typeof reflectInBackground>[0];
const input = { contactId: 3, emailId: 9 };
afterEach(() => vi.restoreAllMocks());

describe("reflectInBackground", () => {
  it("returns before the run finishes, so a slow memory write never holds up its caller", async () => {
    let finish: (v: unknown) => void = () => {};
    const run = vi.fn(() => new Promise((resolve) => (finish = resolve)));
    let settled = false;
    const pending = reflectInBackground({ run } as unknown as Client, input).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(run).toHaveBeenCalledWith("memory_reflect", input);
    expect(settled).toBe(false);
    finish({ values: { outcome: { status: "stored", content: "x" } } });
    await pending;
    expect(settled).toBe(true);
  });

  it("a failing run, even one that throws before it starts, is logged and never rejects", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(reflectInBackground({ run: () => Promise.reject(new Error("db locked")) } as unknown as Client, input)).resolves.toBeUndefined();
    await expect(reflectInBackground({ run: () => { throw new Error("no such graph"); } } as unknown as Client, input)).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledTimes(2);
    expect(String(error.mock.calls[0]![0])).toContain("email 9 of contact 3");
  });
});
