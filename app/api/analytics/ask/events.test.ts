import { afterEach, describe, expect, it, vi } from "vitest";
import type { AskEvent } from "@/lib/services/analytics";
import { ndjson } from "./events";

afterEach(() => vi.restoreAllMocks());

describe("the NDJSON event stream", () => {
  it("sends one line per event, and an error line (never the raw text) when the events fail", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    async function* events(): AsyncGenerator<AskEvent> {
      yield { type: "started", runId: "r1" };
      throw new Error("SQLITE_IOERR at /secret/path");
    }
    const text = await new Response(ndjson(events())).text();
    const lines = text.trim().split("\n").map((l) => JSON.parse(l) as { type: string; error?: { code: string; message: string } });
    expect(lines[0]).toEqual({ type: "started", runId: "r1" });
    expect(lines[1]).toMatchObject({ type: "error", error: { code: "internal:analytics" } });
    expect(text).not.toContain("secret");
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("stops the events when the reader goes away, without logging a fault", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    let stopped = false;
    async function* events(): AsyncGenerator<AskEvent> {
      try {
        yield { type: "started", runId: "r2" };
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          yield { type: "step", node: "generate_sql", status: "running", ms: null, error: null };
        }
      } finally {
        stopped = true;
      }
    }
    const reader = ndjson(events()).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"started"');
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(true);
    expect(log).not.toHaveBeenCalled();
  });
});
