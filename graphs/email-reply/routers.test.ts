import { describe, expect, it } from "vitest";
import { afterLoad } from "./routers";
import type { ReplyStateType } from "./state";

describe("afterLoad", () => {
  it("composes only when a brief was built and nothing skipped the run", () => {
    const brief = {} as ReplyStateType["brief"];
    expect(afterLoad({ brief } as ReplyStateType)).toBe("compose_reply");
    expect(afterLoad({ outcome: { status: "skipped", reason: "not_found" } } as ReplyStateType)).toBe("__end__");
  });
});
