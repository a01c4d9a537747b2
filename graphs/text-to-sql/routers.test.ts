import { describe, expect, it } from "vitest";
import { afterExecute, afterGenerate, afterRepair, afterValidate } from "./routers";
import type { Attempt, TextToSqlStateType } from "./state";

const state = (over: Partial<TextToSqlStateType>) => ({ question: "q", execute: true, calls: [], ...over }) as TextToSqlStateType;
const attempt = (kind: Attempt["kind"], sql = "SELECT 1"): Attempt => ({ sql, error: kind === "ok" ? null : "boom", kind });

describe("afterGenerate", () => {
  it("validates SQL when there is some, and goes straight to the summary when neither a model nor a report wrote any", () => {
    expect(afterGenerate(state({ sql: "SELECT 1" }))).toBe("validate_sql");
    expect(afterGenerate(state({ sql: undefined }))).toBe("summarize");
  });
});

describe("afterValidate", () => {
  it("runs gated SQL, or stops at the gate when the caller only asked to validate", () => {
    expect(afterValidate(state({ validation: { ok: true, reason: null } }))).toBe("execute_sql");
    expect(afterValidate(state({ validation: { ok: true, reason: null }, execute: false }))).toBe("summarize");
  });

  it("sends the model's rejected SQL to a repair while repairs are left, never a catalogue report's", () => {
    const rejected = { validation: { ok: false, reason: "writes" }, sqlSource: "model" as const };
    expect(afterValidate(state({ ...rejected, repairs: 0 }))).toBe("repair_sql");
    expect(afterValidate(state({ ...rejected, repairs: 2 }))).toBe("summarize");
    expect(afterValidate(state({ ...rejected, sqlSource: "catalogue" }))).toBe("summarize");
  });

  it("a run configured for no repairs stops at the first rejection", () => {
    expect(afterValidate(state({ validation: { ok: false, reason: "writes" }, sqlSource: "model", repairs: 0 }), { configurable: { maxRepairs: 0 } })).toBe("summarize");
  });
});

describe("afterExecute", () => {
  it("ends the loop on the first success, an empty result included", () => {
    expect(afterExecute(state({ attempts: [attempt("database"), attempt("ok")], sqlSource: "model" }))).toBe("summarize");
  });

  it("repairs a database error or timeout while repairs are left, then gives up", () => {
    expect(afterExecute(state({ attempts: [attempt("database")], sqlSource: "model", repairs: 1 }))).toBe("repair_sql");
    expect(afterExecute(state({ attempts: [attempt("timeout")], sqlSource: "model", repairs: 2 }))).toBe("summarize");
  });
});

describe("afterRepair", () => {
  it("validates a new query, and stops when the repair brought back the same SQL (the model may not answer)", () => {
    expect(afterRepair(state({ attempts: [attempt("database", "SELECT a")], sql: "SELECT b" }))).toBe("validate_sql");
    expect(afterRepair(state({ attempts: [attempt("database", "SELECT a")], sql: "SELECT a" }))).toBe("summarize");
  });
});
