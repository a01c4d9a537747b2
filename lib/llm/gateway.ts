import type { z } from "zod";
import type { Database } from "@/db/client";
import { insertLlmCall, readKillSwitch, sumRunTokens, type NewLlmCall } from "@/db/queries/llm";
import { addToCostTally } from "@/lib/telemetry/cost-tally";
import { featureOf } from "@/lib/telemetry/feature";
import { errorLabel, setSpanAttributes, withSpan } from "@/lib/telemetry/span";
import { responseCache } from "./cache";
import { createChatModel, estimateTokens, invokeChat, type CallParams, type ModelReply } from "./chat-model";
import type { LlmConfig, ModelStatus, ProviderConfig } from "./config";
import { parseJsonOutput } from "./json";
import { cachedKillSwitch } from "./kill-switch";
import type { AlertEvent } from "@/lib/alerts";
import { createBudgetGuard, type Reservation } from "./budget";
import { costUsd } from "./prices";
import { RunLedger } from "./run-ledger";
import {
  isModelUnavailable,
  ModelUnavailableError,
  type CallContext,
  type ChatMessage,
  type Completion,
  type CompletionOptions,
  type StructuredCompletion,
  type UnavailableReason,
} from "./types";

export type Log = (message: string, error?: unknown) => void;

export type LlmDeps = {
  config: LlmConfig;
  /** Where budget events go (80 % and 100 % of a graph's day); default: nowhere. */
  alert?: (event: AlertEvent) => void;
  /** Called only when a call needs the database, so an offline process never opens it. */
  database: () => Database;
  log?: Log;
  now?: () => number;
};

/** The model factory: every model call in the console goes through one of these. */
export type Llm = {
  status(): ModelStatus;
  complete(ctx: CallContext, messages: ChatMessage[], opts?: CompletionOptions): Promise<Completion>;
  completeJson<T>(ctx: CallContext, messages: ChatMessage[], schema: z.ZodType<T>, opts?: CompletionOptions): Promise<StructuredCompletion<T>>;
};

type Parse<T> = (text: string) => T;

const ERROR_TEXT_LIMIT = 500;

const defaultLog: Log = (message, error) => console.error(`[llm] ${message}`, ...(error === undefined ? [] : [error]));

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Refusals (kill switch, ceilings) are the gateway working as designed, not failed calls. */
const REFUSALS: readonly UnavailableReason[] = ["offline", "kill_switch", "budget_exhausted", "token_ceiling"];

function modelCallFailure(e: unknown): string | null {
  if (!isModelUnavailable(e)) return errorLabel(e);
  return REFUSALS.includes(e.reason) ? null : e.reason;
}

export function createLlm(deps: LlmDeps): Llm {
  const { config } = deps;
  const log = deps.log ?? defaultLog;
  const now = deps.now ?? Date.now;
  const ledger = new RunLedger();
  const killSwitch = cachedKillSwitch(() => readKillSwitch(deps.database()), now, log);
  const cache = responseCache(deps.database, log);
  const budget = createBudgetGuard({ database: deps.database, defaultLimitUsd: config.dailyBudgetUsd ?? Number.POSITIVE_INFINITY, alert: deps.alert ?? (() => {}), now });

  /** Writes the call's one row. A telemetry fault must not turn a paid answer into a failure, so it is logged. */
  async function record(row: NewLlmCall): Promise<boolean> {
    try {
      await insertLlmCall(deps.database(), row);
      return true;
    } catch (e) {
      log(`could not record an llm_calls row for ${row.graph}/${row.node}`, e);
      return false;
    }
  }

  /**
   * One span per model call, active while it runs (its HTTP request nests under it), with the call's
   * shape and cost. Offline there is no call and no span.
   */
  function call<T>(ctx: CallContext, messages: ChatMessage[], opts: CompletionOptions, parse: Parse<T>) {
    const model = config.provider?.model;
    if (!model) return callModel(ctx, messages, opts, parse);
    const shape = {
      graph: ctx.graph,
      node: ctx.node,
      model,
      promptVersion: ctx.promptVersion,
      feature: featureOf(ctx.feature),
      vertical: ctx.vertical ?? null,
      runId: ctx.runId ?? null,
      threadId: ctx.threadId ?? null,
    };
    return withSpan(
      `chat ${model}`,
      shape,
      async (span) => {
        const result = await callModel(ctx, messages, opts, parse);
        const { tokensIn, tokensOut, costUsd: cost, cacheHit, latencyMs } = result;
        setSpanAttributes(span, { cacheHit, inputTokens: tokensIn, outputTokens: tokensOut, totalTokens: tokensIn + tokensOut, costUsd: cost, llmLatencyMs: latencyMs, llmCalls: 1 });
        // The run's totals count spend: a cache hit is a call that cost nothing.
        addToCostTally(cacheHit ? { inputTokens: 0, outputTokens: 0, costUsd: 0 } : { inputTokens: tokensIn, outputTokens: tokensOut, costUsd: cost });
        return result;
      },
      { failure: modelCallFailure },
    );
  }

  async function callModel<T>(ctx: CallContext, messages: ChatMessage[], opts: CompletionOptions, parse: Parse<T>) {
    const started = now();
    const provider = config.provider;
    if (!provider) throw new ModelUnavailableError("offline", "no model is configured");
    const params: CallParams = { maxTokens: opts.maxTokens ?? config.defaultMaxTokens, temperature: opts.temperature ?? null };
    const base = {
      graph: ctx.graph,
      node: ctx.node,
      feature: featureOf(ctx.feature),
      vertical: ctx.vertical ?? null,
      model: provider.model,
      promptVersion: ctx.promptVersion,
      threadId: ctx.threadId ?? null,
      runId: ctx.runId ?? null,
      traceId: ctx.traceId ?? null,
    } satisfies Partial<NewLlmCall>;
    const elapsed = () => Math.max(0, Math.round(now() - started));
    // Spend this process must keep counting against the run because its row could not be written.
    let unrecorded = 0;

    async function fail(status: "refused" | "error", reason: UnavailableReason, detail: string, extra: Partial<NewLlmCall> = {}, cause?: unknown): Promise<never> {
      const row = { ...base, ...extra, status, error: `${reason}: ${detail}`.slice(0, ERROR_TEXT_LIMIT), latencyMs: elapsed() };
      if (!(await record(row))) unrecorded = (row.tokensIn ?? 0) + (row.tokensOut ?? 0);
      throw new ModelUnavailableError(reason, detail, cause);
    }

    if (config.killSwitch) await fail("refused", "kill_switch", "LLM_KILL_SWITCH is on");
    if (await killSwitch.isOn()) await fail("refused", "kill_switch", "an admin switched model calls off");

    // Reserve before awaiting the recorded sum, so concurrent calls of one run see each other.
    const reservation = estimateTokens(messages.map((m) => m.content).join("\n")) + params.maxTokens;
    const runId = ctx.runId ?? null;
    const ticket = runId ? ledger.reserve(runId, reservation) : 0;
    try {
      const spent = runId ? (await spentBy(runId)) + ledger.upTo(runId, ticket) : reservation;
      if (spent > config.maxTokensPerRun) {
        await fail("refused", "token_ceiling", `this call needs up to ${reservation} tokens; the run would reach ${spent} of ${config.maxTokensPerRun}`);
      }
      // The graph's daily budget: reserve this call's worst case now, settle to its real cost after.
      const worstCase = costUsd(provider.model, estimateTokens(messages.map((m) => m.content).join("\n")), params.maxTokens);
      let hold: Reservation | null = null;
      if (worstCase > 0) {
        try {
          hold = await budget.reserve(ctx.graph, worstCase);
        } catch (e) {
          if (isModelUnavailable(e)) await fail("refused", e.reason, e.message.replace(/^Model unavailable \([a-z_]+\): /, ""));
          throw e;
        }
      }
      let answered: Awaited<ReturnType<typeof answer<T>>>;
      try {
        answered = await answer(provider, messages, params, parse, fail, opts.cache !== false);
      } catch (e) {
        if (hold) await budget.settle(hold, 0).catch((err: unknown) => log("could not release a budget reservation", err));
        throw e;
      }
      if (hold) await budget.settle(hold, answered.costUsd).catch((err: unknown) => log("could not settle a budget reservation", err));
      const { tokensIn, tokensOut, cacheHit } = answered;
      const latencyMs = elapsed();
      const recorded = await record({ ...base, tokensIn, tokensOut, costUsd: answered.costUsd, cacheHit, status: "ok", latencyMs });
      if (!recorded && !cacheHit) unrecorded = tokensIn + tokensOut;
      return { ...answered, latencyMs };
    } finally {
      if (runId) ledger.settle(runId, ticket, unrecorded);
    }
  }

  async function spentBy(runId: string): Promise<number> {
    try {
      return await sumRunTokens(deps.database(), runId);
    } catch (e) {
      // The in-process ledger still bounds a runaway loop in this process; refusing every call
      // because telemetry is unreadable would be worse.
      log(`could not sum the tokens of run ${runId}; checking the ceiling on this process's tally only`, e);
      return 0;
    }
  }

  type Answered<T> = Omit<StructuredCompletion<T>, "latencyMs">;
  type Fail = (status: "refused" | "error", reason: UnavailableReason, detail: string, extra?: Partial<NewLlmCall>, cause?: unknown) => Promise<never>;

  async function answer<T>(provider: ProviderConfig, messages: ChatMessage[], params: CallParams, parse: Parse<T>, fail: Fail, fromCache: boolean): Promise<Answered<T>> {
    const key = cache.key(provider.model, messages, params);
    const hit = fromCache ? await cache.get(key) : null;
    if (hit) {
      try {
        const value = parse(hit.response);
        await cache.bump(key);
        return { text: hit.response, value, model: provider.model, tokensIn: hit.tokensIn, tokensOut: hit.tokensOut, costUsd: 0, cacheHit: true };
      } catch (e) {
        // A cached answer the caller's schema now rejects (the schema changed): ask the model again.
        log(`cached response ${key.slice(0, 12)} no longer parses; calling the model`, e);
      }
    }

    const reply = await send(provider, messages, params, fail);
    const cost = costUsd(provider.model, reply.tokensIn, reply.tokensOut);
    const spend = { tokensIn: reply.tokensIn, tokensOut: reply.tokensOut, costUsd: cost };
    let value: T;
    try {
      value = parse(reply.text);
    } catch (e) {
      return fail("error", "invalid_output", messageOf(e), spend, e);
    }
    // Only output that parsed is cached, so a bad answer is never replayed.
    await cache.put({ key, model: provider.model, response: reply.text, tokensIn: reply.tokensIn, tokensOut: reply.tokensOut });
    return { text: reply.text, value, model: provider.model, ...spend, cacheHit: false };
  }

  async function send(provider: ProviderConfig, messages: ChatMessage[], params: CallParams, fail: Fail): Promise<ModelReply> {
    const signal = AbortSignal.timeout(config.timeoutMs);
    try {
      return await invokeChat(createChatModel(provider, params), messages, signal);
    } catch (e) {
      if (signal.aborted) return fail("error", "timeout", `no answer within ${config.timeoutMs} ms`, {}, e);
      return fail("error", "provider_error", messageOf(e), {}, e);
    }
  }

  return {
    status: () => ({
      mode: config.provider ? "online" : "offline",
      provider: config.provider?.kind ?? null,
      model: config.provider?.model ?? null,
      killSwitch: config.killSwitch || killSwitch.lastKnown(),
    }),
    async complete(ctx, messages, opts = {}) {
      const { text, model, tokensIn, tokensOut, costUsd, latencyMs, cacheHit } = await call(ctx, messages, opts, (t) => t);
      return { text, model, tokensIn, tokensOut, costUsd, latencyMs, cacheHit };
    },
    completeJson: (ctx, messages, schema, opts = {}) => call(ctx, messages, opts, (text) => parseJsonOutput(text, schema)),
  };
}
