import { SpanStatusCode, type Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-base";

export type TailSamplerOptions = {
  /** Share of routine traces kept, 0–1. */
  rate: number;
  /** A span lasting at least this long is always kept. */
  slowMs: number;
};

const TWO_POW_64 = 2n ** 64n;

/** `floor(rate × 2^64)`: a routine trace is kept when its id's low 64 bits are below this. */
export function rateBound(rate: number): bigint {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`The tail sample rate must be within 0–1, got ${rate}`);
  if (rate === 1) return TWO_POW_64;
  return BigInt(Math.floor(rate * 2 ** 64));
}

/** The low 64 bits of a 32-hex-digit trace id (its last 16 hex digits). */
export function low64(traceId: string): bigint {
  if (!/^[0-9a-f]{32}$/i.test(traceId)) throw new TypeError(`Not a trace id: ${traceId}`);
  return BigInt(`0x${traceId.slice(16)}`);
}

/** Whether a routine span of this trace is kept. Deterministic: no process decides differently. */
export function keepsRoutine(traceId: string, bound: bigint): boolean {
  return low64(traceId) < bound;
}

const durationMs = ([seconds, nanos]: ReadableSpan["duration"]) => seconds * 1e3 + nanos / 1e6;

/** Traces remembered as having failed, so the spans still open above a failure are kept too. */
const FAILED_TRACES_REMEMBERED = 1_024;

/**
 * A SpanProcessor in front of the exporter's processor that decides, when each span ends, whether
 * it is exported: every error span, every span at or over the slow threshold, and routine spans
 * of the traces whose id's low 64 bits fall under `floor(rate × 2^64)`. The decision hashes
 * nothing and draws no random number, so every process (the console, a separate graph server)
 * keeps or drops the same trace alike. A fault inside the decision keeps the span: a span is never
 * lost to an instrumentation bug.
 *
 * Parents end after their children, so once a span of a trace fails, the spans of that trace that
 * end later here (the node's run, the client call, the action) are kept as well: the failure is
 * exported with its path to the root instead of as an orphan.
 */
export class TailSampler implements SpanProcessor {
  private readonly bound: bigint;
  private readonly slowMs: number;
  private readonly failedTraces = new Set<string>();

  constructor(
    private readonly next: SpanProcessor,
    options: TailSamplerOptions,
  ) {
    this.bound = rateBound(options.rate);
    this.slowMs = options.slowMs;
  }

  /** The decision for one finished span. */
  keeps(span: ReadableSpan): boolean {
    try {
      const { traceId } = span.spanContext();
      if (span.status.code === SpanStatusCode.ERROR) {
        this.rememberFailure(traceId);
        return true;
      }
      if (this.failedTraces.has(traceId)) return true;
      if (durationMs(span.duration) >= this.slowMs) return true;
      return keepsRoutine(traceId, this.bound);
    } catch {
      return true;
    }
  }

  private rememberFailure(traceId: string): void {
    this.failedTraces.delete(traceId);
    this.failedTraces.add(traceId);
    if (this.failedTraces.size > FAILED_TRACES_REMEMBERED) this.failedTraces.delete(this.failedTraces.values().next().value!);
  }

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if (this.keeps(span)) this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
