import { describe, expect, it } from "vitest";
import { runTarget } from "./run-link";

describe("the run a draft's provenance points to", () => {
  it("a rep reading a campaign touch that records only its run id is sent to that run's page", () => {
    expect(runTarget({ runUrl: null, runId: "0193ab-run" })).toEqual({ href: "/runs/0193ab-run", external: false, runId: "0193ab-run" });
  });

  it("a rep reading a console draft follows its stored run page or LangSmith trace", () => {
    expect(runTarget({ runUrl: "/runs/r1", runId: "r1" })).toEqual({ href: "/runs/r1", external: false, runId: "r1" });
    expect(runTarget({ runUrl: "https://smith.langchain.com/r/abc", runId: "r1" })?.external).toBe(true);
  });

  it("a rep reading a draft no run wrote is told there is none", () => {
    expect(runTarget({ runUrl: null, runId: null })).toBeNull();
  });
});
