import { describe, expect, it } from "vitest";
import { afterLoad } from "./routers";
import type { ReflectedEmail, ReflectStateType } from "./state";

const email = (): ReflectedEmail => ({ id: 1, direction: "outbound", threadId: "t", subject: "Peak season", body: "Hi", sentAt: Date.UTC(2026, 10, 21), label: null });

describe("afterLoad", () => {
  it("summarises a loaded email and ends when there is none", () => {
    expect(afterLoad({ email: email() } as ReflectStateType)).toBe("summarize_email");
    expect(afterLoad({ outcome: { status: "skipped", reason: "not_found" } } as ReflectStateType)).toBe("__end__");
  });
});
