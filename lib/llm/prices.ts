/**
 * The one price table for model calls, in USD per 1M tokens. Prices come from each provider's
 * public price page (the seeds carry none), so they are versioned: bump PRICES_AS_OF with any
 * change, and old llm_calls rows keep the cost they were recorded with.
 */
export const PRICES_AS_OF = "2026-11-21";

type Price = { inputPerM: number; outputPerM: number };

const PRICES: Readonly<Record<string, Price>> = Object.freeze({
  // DeepSeek list prices (cache-miss input; the provider's own prefix-cache discount is not modelled).
  "deepseek-chat": { inputPerM: 0.27, outputPerM: 1.1 },
  "deepseek-reasoner": { inputPerM: 0.55, outputPerM: 2.19 },
  "gpt-4o-mini": { inputPerM: 0.15, outputPerM: 0.6 },
  "gpt-4o": { inputPerM: 2.5, outputPerM: 10 },
  "gpt-4.1-mini": { inputPerM: 0.4, outputPerM: 1.6 },
});

export type ModelPrice = Price & {
  /** False for local or unknown models: their cost is recorded as 0, which is not the same as free. */
  priced: boolean;
};

/** The price of a model; an unknown (typically local) model costs 0 and is marked unpriced. */
export function priceFor(model: string): ModelPrice {
  const price = PRICES[model];
  return price ? { ...price, priced: true } : { inputPerM: 0, outputPerM: 0, priced: false };
}

/** What a call cost in USD. Not rounded: a small call costs fractions of a micro-dollar, and rows are summed. */
export function costUsd(model: string, tokensIn: number, tokensOut: number): number {
  const { inputPerM, outputPerM } = priceFor(model);
  return (tokensIn * inputPerM + tokensOut * outputPerM) / 1_000_000;
}
