import { randomBytes } from "node:crypto";
import { SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { keepsRoutine, low64, rateBound, TailSampler } from "./tail-sampler";

type FakeSpan = { traceId: string; error?: boolean; ms?: number };

function span({ traceId, error = false, ms = 5 }: FakeSpan): ReadableSpan {
  return {
    spanContext: () => ({ traceId, spanId: randomBytes(8).toString("hex"), traceFlags: 1 }),
    status: { code: error ? SpanStatusCode.ERROR : SpanStatusCode.UNSET },
    duration: [Math.floor(ms / 1000), (ms % 1000) * 1e6],
  } as unknown as ReadableSpan;
}

/** A sampler in front of a recording processor: what reached the exporter side. */
function sampler(rate: number, slowMs = 2_000) {
  const exported: ReadableSpan[] = [];
  const next: SpanProcessor = {
    onStart: () => undefined,
    onEnd: (s) => void exported.push(s),
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
  return { processor: new TailSampler(next, { rate, slowMs }), exported };
}

const randomTraceId = () => randomBytes(16).toString("hex");
// Low 64 bits all zero / all one: kept by any rate above 0 / dropped by any rate below 1.
const LOWEST = "ffffffffffffffff0000000000000000";
const HIGHEST = "0000000000000000ffffffffffffffff";

describe("the tail sampler", () => {
  it("an operator who keeps no routine traces still gets every error span and every slow span", () => {
    const { processor, exported } = sampler(0, 2_000);
    processor.onEnd(span({ traceId: HIGHEST, error: true }));
    processor.onEnd(span({ traceId: HIGHEST.replace("0", "1"), ms: 2_000 }));
    processor.onEnd(span({ traceId: HIGHEST.replace("0", "2"), ms: 1_999 }));
    processor.onEnd(span({ traceId: LOWEST, ms: 1 }));
    expect(exported).toHaveLength(2);
    expect(exported[0]!.status.code).toBe(SpanStatusCode.ERROR);
    expect(exported[1]!.duration).toEqual([2, 0]);
  });

  it("two processes given the same trace id make the same decision for it", () => {
    const a = sampler(0.1).processor;
    const b = sampler(0.1).processor;
    for (let i = 0; i < 2_000; i++) {
      const traceId = randomTraceId();
      expect(a.keeps(span({ traceId }))).toBe(b.keeps(span({ traceId })));
    }
  });

  it.each([0.1, 0.3])("an operator who sets the rate to %s keeps that share of 10,000 random traces, within ±2 points", (rate) => {
    const { processor, exported } = sampler(rate);
    for (let i = 0; i < 10_000; i++) processor.onEnd(span({ traceId: randomTraceId() }));
    expect(Math.abs(exported.length / 10_000 - rate)).toBeLessThanOrEqual(0.02);
  });

  it("decides by the trace id's low 64 bits against floor(rate × 2^64)", () => {
    expect(rateBound(0)).toBe(0n);
    expect(rateBound(1)).toBe(2n ** 64n);
    expect(rateBound(0.5)).toBe(2n ** 63n);
    expect(low64("0123456789abcdef00000000000000ff")).toBe(255n);
    expect(keepsRoutine(LOWEST, rateBound(1e-9))).toBe(true);
    expect(keepsRoutine(HIGHEST, rateBound(0.999999))).toBe(false);
    expect(keepsRoutine(HIGHEST, rateBound(1))).toBe(true);
    expect(() => rateBound(1.5)).toThrow(RangeError);
  });

  it("a span whose check throws is kept rather than lost", () => {
    const { processor, exported } = sampler(0);
    const broken = {
      ...span({ traceId: HIGHEST }),
      spanContext: () => {
        throw new Error("broken span context");
      },
    } as unknown as ReadableSpan;
    const malformed = span({ traceId: "not-a-trace-id" });
    processor.onEnd(broken);
    processor.onEnd(malformed);
    expect(exported).toEqual([broken, malformed]);
  });

  it("after an error, the spans of that trace still to end (its parents) are kept, so the error is never an orphan", () => {
    const { processor, exported } = sampler(0);
    processor.onEnd(span({ traceId: HIGHEST, error: true }));
    processor.onEnd(span({ traceId: HIGHEST }));
    processor.onEnd(span({ traceId: HIGHEST.replace("f", "e") }));
    expect(exported).toHaveLength(2);
  });

  it("passes starts, flushes and shutdowns through to the exporter's processor", async () => {
    const calls: string[] = [];
    const next: SpanProcessor = {
      onStart: () => void calls.push("start"),
      onEnd: () => void calls.push("end"),
      forceFlush: async () => void calls.push("flush"),
      shutdown: async () => void calls.push("shutdown"),
    };
    const processor = new TailSampler(next, { rate: 1, slowMs: 2_000 });
    processor.onStart({} as never, {} as never);
    processor.onEnd(span({ traceId: HIGHEST }));
    await processor.forceFlush();
    await processor.shutdown();
    expect(calls).toEqual(["start", "end", "flush", "shutdown"]);
  });
});
