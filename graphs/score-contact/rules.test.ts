import { describe, expect, it } from "vitest";
import type { CallPath } from "@/graphs/shared/provenance";
import type { ContactSignals } from "@/lib/scoring/rules";
import { decide, fallbackRoleFit, ModelRoleFit, modelRoleFit, RULES_VERSION } from "./rules";

const now = new Date(Date.UTC(2026, 11, 1));
const signals: ContactSignals = {
  contactId: 12, vertical: "fintech", title: "Head of Risk", seniority: "director", department: null, email: "a@b.example", linkedinUrl: null,
  bounced: false, doNotContact: false, unsubscribed: false,
  company: { enriched: true, employeeCount: 80, strongFacts: 2, country: "GB" },
  engagement: { outbound: 0, opened: 0, inbound: 0, positive: 0, negative: 0, lastActivityAt: null },
};
const modelPath: CallPath = { node: "judge_role_fit", path: "model", model: "m", promptVersion: "score-contact-role-fit-v9" };
const failed: CallPath = { node: "judge_role_fit", path: "fallback", fallback: "keyword_rules", why: "invalid_output", templateVersion: RULES_VERSION };

describe("the model's role fit, strictly", () => {
  it("a fit is clamped to 0–1 and needs a reason; anything else is invalid output", () => {
    expect(ModelRoleFit.parse({ fit: 1.4, reason: " Owns risk. " })).toEqual({ fit: 1, reason: "Owns risk." });
    expect(ModelRoleFit.parse({ fit: -1, reason: "No." }).fit).toBe(0);
    for (const bad of [{ fit: "high", reason: "x" }, { fit: 0.5 }, { fit: 0.5, reason: "  " }, {}]) expect(ModelRoleFit.safeParse(bad).success).toBe(false);
  });
});

describe("decide: the score and who it is labelled as", () => {
  it("with the model's fit the score is the model's, stamped with the prompt version and the model", () => {
    const d = decide(signals, now, modelRoleFit({ fit: 0.95, reason: "Risk owns this purchase." }, "m"), modelPath);
    expect(d).toMatchObject({ source: "model", model: "m", promptVersion: "score-contact-role-fit-v9", terms: { roleFit: { value: 0.95, source: "model" } }, provenance: { source: "model", path: modelPath } });
    expect(d.terms.roleFit.why).toBe("Model m: Risk owns this purchase. (0.95).");
  });

  it("when the model failed the keyword rules judge the fit and the score says rule_based_fallback, never the model's", () => {
    const d = decide(signals, now, fallbackRoleFit(signals, "model unavailable: invalid_output"), failed);
    expect(d).toMatchObject({ source: "rule_based_fallback", model: null, promptVersion: RULES_VERSION, terms: { roleFit: { value: 0.9, source: "rule_based_fallback" } }, provenance: { source: "rule_based_fallback", path: failed } });
    expect(d.provenance.reason).toMatch(/^Scored by rules \(model unavailable: invalid_output\)\. Tier /);
    expect(d.terms.roleFit.why).toContain("Model not used: model unavailable: invalid_output.");
  });

  it("without a title no model is asked: the rules' score, labelled rules, with no call path", () => {
    const d = decide({ ...signals, title: null }, now, undefined, undefined);
    expect(d).toMatchObject({ source: "rules", model: null, promptVersion: RULES_VERSION, terms: { roleFit: { value: null, weight: 0 } } });
    expect(d.provenance).not.toHaveProperty("path");
  });
});
