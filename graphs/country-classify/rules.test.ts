import { describe, expect, it } from "vitest";
import type { CallPath } from "@/graphs/shared/provenance";
import { resolveCountry } from "@/lib/geo/resolve";
import { ModelCountry, reconcile, RULES_VERSION } from "./rules";

const modelPath: CallPath = { node: "classify_with_model", path: "model", model: "m", promptVersion: "country-classify-v9" };
const refused: CallPath = { node: "classify_with_model", path: "fallback", fallback: "offline_resolver", why: "kill_switch", templateVersion: RULES_VERSION };
/** `path` null: no model call was made. */
const decide = (hq: string, answer: { country: string | null; confidence: number; reasons?: string[] } | undefined, path: CallPath | null = modelPath) =>
  reconcile(hq, resolveCountry(hq), answer && { reasons: [], ...answer, model: "m" }, path ?? undefined);

describe("the model's answer, strictly", () => {
  it("a real code in any case is accepted (UK read as GB), confidence is clamped, and only two reasons are kept", () => {
    expect(ModelCountry.parse({ country: " de ", confidence: 1.7, reasons: ["a", " ", "b", "c"] })).toEqual({ country: "DE", confidence: 1, reasons: ["a", "b"] });
    expect(ModelCountry.parse({ country: "UK", confidence: -2 })).toEqual({ country: "GB", confidence: 0, reasons: [] });
    expect(ModelCountry.parse({ country: null, confidence: 0.4, reasons: [] })).toEqual({ country: null, confidence: 0.4, reasons: [] });
  });

  it.each([[{ country: "XX", confidence: 0.9 }], [{ country: "USA", confidence: 0.9 }], [{ country: "Germany", confidence: 0.9 }], [{ confidence: 0.9 }], [{ country: "DE" }], [{ country: "DE", confidence: "high" }]])(
    "an answer like %j is invalid output", (answer) => {
      expect(ModelCountry.safeParse(answer).success).toBe(false);
    });
});

describe("reconcile: which answer stands", () => {
  it("the model's answer stands where the rules agree or are not sure, with its own confidence and version", () => {
    expect(decide("München", { country: "DE", confidence: 0.93, reasons: ["Munich is in Germany."] })).toMatchObject({
      country: "DE", confidence: 0.93, reasons: ["Munich is in Germany."], model: "m", promptVersion: "country-classify-v9",
      provenance: { source: "model", confidence: 0.93, path: modelPath },
    });
    // The rules do not know this town; the model's answer is taken.
    expect(decide("Smallville", { country: "US", confidence: 0.7 })).toMatchObject({ country: "US", provenance: { source: "model" } });
    // "Cambridge" is ambiguous to the rules (null, 0.5): not sure, so the model may name one.
    expect(decide("Cambridge", { country: "GB", confidence: 0.55 })).toMatchObject({ country: "GB", provenance: { source: "model" } });
  });

  it("a sure rule outranks a model that disagrees: a US state code, a country named, and a non-place", () => {
    const state = decide("Paris, TX", { country: "FR", confidence: 0.8, reasons: ["Paris is in France."] });
    expect(state).toMatchObject({ country: "US", confidence: 0.95, model: null, promptVersion: RULES_VERSION, provenance: { source: "rules", path: modelPath } });
    expect(state.reasons[1]).toBe("The model said FR; the offline rules are sure and outrank it.");
    expect(state.provenance.evidence).toContain("model: FR (0.8)");
    expect(decide("Austin, TX", { country: null, confidence: 0.9 })).toMatchObject({ country: "US", provenance: { source: "rules" } });
    expect(decide("Remote (global)", { country: "US", confidence: 0.6 })).toMatchObject({ country: null, provenance: { source: "rules" } });
  });

  it("without a model answer the rules answer, labelled rule_based_fallback with why; without a model call, labelled rules", () => {
    expect(decide("Berlin, Germany", undefined, refused)).toMatchObject({
      country: "DE", confidence: 0.98, model: null, promptVersion: RULES_VERSION, provenance: { source: "rule_based_fallback", path: refused },
    });
    expect(decide("Berlin, Germany", undefined, refused).reasons[0]).toMatch(/^Offline resolver \(model unavailable: kill_switch\): /);
    const blank = decide("  ", undefined, null);
    expect(blank).toMatchObject({ country: null, provenance: { source: "rules" }, promptVersion: RULES_VERSION });
    expect(blank.provenance).not.toHaveProperty("path");
  });

  it("a decision keeps the contract: at most two reasons and at most six lines of evidence", () => {
    const state = decide("San Francisco, California, United States", { country: "US", confidence: 0.99, reasons: ["one", "two"] });
    expect(state.reasons.length).toBeLessThanOrEqual(2);
    expect(state.provenance.evidence.length).toBeLessThanOrEqual(6);
    expect(state.provenance.evidence[0]).toBe('hq: "San Francisco, California, United States"');
  });
});
