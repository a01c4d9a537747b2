import { describe, expect, it } from "vitest";
import { analyzeInbound, keywordClassify, POLARITY } from "./rules";
import { LABELS } from "./state";
import { asInput, CORPUS } from "./testing/corpus";
import { HELD_OUT } from "./testing/corpus/held-out";
import { formatScores, scoreLabels } from "./testing/metrics";

const offline = CORPUS.map((m) => ({ message: m, verdict: keywordClassify(asInput(m), "no model configured"), analysis: analyzeInbound(asInput(m)) }));
const scored = offline.map(({ message, verdict }) => ({ id: message.id, expected: message.label, actual: verdict.label }));

// Held-in: the rules were written with this corpus in view, so the bar is high; what it proves is
// that every documented behaviour holds on every message, not how the rules do on unseen mail.
const MIN_ACCURACY = 0.95;

describe("the inbound corpus", () => {
  it("holds at least 100 labelled messages with unique ids, every label, several languages, tricky cases and injections", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CORPUS.map((m) => m.id)).size).toBe(CORPUS.length);
    for (const label of LABELS) expect(CORPUS.filter((m) => m.label === label).length, label).toBeGreaterThanOrEqual(5);
    const optOutLanguages = new Set(CORPUS.filter((m) => m.label === "unsubscribe").map((m) => m.language ?? "en"));
    expect([...optOutLanguages].sort()).toEqual(["de", "en", "es", "fr", "it", "nl", "pt", "sv"]);
    expect(CORPUS.filter((m) => m.injection).length).toBeGreaterThanOrEqual(15);
    expect(CORPUS.filter((m) => m.tricky).length).toBeGreaterThanOrEqual(30);
    expect(CORPUS.filter((m) => m.returnDate).length).toBeGreaterThanOrEqual(10);
  });
});

describe("the offline classifier over the corpus", () => {
  it("labels every opt-out unsubscribe, whatever its wording, language or disguise", () => {
    const missed = offline.filter(({ message, verdict }) => message.label === "unsubscribe" && verdict.label !== "unsubscribe").map(({ message }) => message.id);
    expect(missed).toEqual([]);
  });

  it("labels every opt-out of the second held-out round unsubscribe too (it missed 5 of 11 when first measured)", () => {
    const missed = HELD_OUT.filter((m) => m.label === "unsubscribe" && keywordClassify(asInput(m), "offline").label !== "unsubscribe").map((m) => m.id);
    expect(missed).toEqual([]);
  });

  it("never gives a message that instructs its classifier a positive label its own words do not earn", () => {
    const fooled = offline.filter(({ message, verdict }) => message.injection && POLARITY[verdict.label] === "positive" && verdict.label !== message.label);
    expect(fooled.map(({ message, verdict }) => `${message.id} → ${verdict.label}`)).toEqual([]);
  });

  it("sees the instruction in every injected message, and in no other", () => {
    expect(offline.filter(({ message, analysis }) => message.injection && !analysis.injection).map(({ message }) => message.id)).toEqual([]);
    expect(offline.filter(({ message, analysis }) => !message.injection && analysis.injection).map(({ message }) => message.id)).toEqual([]);
  });

  it("reads each out-of-office's return date, and gives none where the message has none", () => {
    const wrong = offline.filter(({ message, verdict }) => (message.returnDate ?? null) !== (verdict.returnDate ?? null));
    expect(wrong.map(({ message, verdict }) => `${message.id}: ${message.returnDate} vs ${verdict.returnDate}`)).toEqual([]);
  });

  it(`is right on at least ${MIN_ACCURACY * 100}% of the corpus, with unsubscribe recall 100% (table in the log)`, () => {
    console.log(formatScores("offline keyword rules (held-in corpus)", scored));
    const { accuracy, perLabel } = scoreLabels(scored);
    expect(accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
    expect(perLabel.find((s) => s.label === "unsubscribe")!.recall).toBe(1);
  });
});
