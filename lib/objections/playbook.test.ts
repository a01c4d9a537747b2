import { describe, expect, it } from "vitest";
import { VERTICALS } from "@/db/schema/crm";
import { DEFAULT_PLAYBOOKS } from "./defaults";
import { OBJECTION_KINDS } from "./kinds";
import { changedObjections, PlaybookEdit, type PlaybookEntry } from "./playbook";

const saas = DEFAULT_PLAYBOOKS.saas;
const edit = (entries: unknown[], extra: Record<string, unknown> = {}) => PlaybookEdit.safeParse({ vertical: "saas", entries, ...extra });
const messages = (entries: unknown[]) => {
  const result = edit(entries);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};
const replace = (kind: string, change: Partial<PlaybookEntry>) => saas.map((e) => (e.objection === kind ? { ...e, ...change } : e));

describe("the shipped playbooks", () => {
  it.each(VERTICALS)("the %s playbook passes the editor's own validation, with all nine objections once each", (vertical) => {
    const result = PlaybookEdit.safeParse({ vertical, entries: DEFAULT_PLAYBOOKS[vertical] });
    expect(result.success).toBe(true);
    expect(DEFAULT_PLAYBOOKS[vertical].map((e) => e.objection)).toEqual([...OBJECTION_KINDS]);
  });

  it("each vertical's answers are its own, not one text copied six times", () => {
    const security = new Set(VERTICALS.map((v) => DEFAULT_PLAYBOOKS[v].find((e) => e.objection === "security_compliance")!.response));
    expect(security.size).toBe(VERTICALS.length);
  });
});

describe("an admin's playbook edit", () => {
  it("is accepted with whitespace squeezed, blank proof-point lines dropped and an empty note read as none", () => {
    const result = edit(replace("price", { response: `  ${saas[0]!.response}\n\n  More.  `, proofPoints: ["", "  Pricing is per seat.  ", " "] }), { note: "  " });
    expect(result.success).toBe(true);
    expect(result.data!.entries[0]).toEqual({ objection: "price", response: `${saas[0]!.response} More.`, proofPoints: ["Pricing is per seat."] });
    expect(result.data!.note).toBeNull();
  });

  it("is refused naming the objection when a response is too short, a proof point is missing, or a placeholder is left in", () => {
    expect(messages(replace("timing", { response: "Later." }))).toEqual(["Timing: the response must be 40 to 1200 characters (it has 6)."]);
    expect(messages(replace("no_budget", { proofPoints: [] }))).toEqual(["No budget: give 1 to 6 proof points, one per line (it has 0)."]);
    expect(messages(replace("price", { response: `${saas[0]!.response} Hi {{first_name}}.` }))).toEqual(["Price: remove the {{…}} placeholder; playbook text is sent as written."]);
    expect(messages(replace("consult_others", { proofPoints: ["short"] }))[0]).toMatch(/^Need to consult others: each proof point must be 10 to 300 characters/);
  });

  it("is refused when an objection is missing, repeated or unknown, and when the vertical is not one the CRM has", () => {
    expect(messages(saas.slice(1))).toEqual(["Every objection needs an entry; missing: Price."]);
    expect(messages([...saas, saas[0]])).toEqual(["Each objection may have only one entry."]);
    expect(edit(saas.map((e, i) => (i === 0 ? { ...e, objection: "weather" } : e))).success).toBe(false);
    const wrongVertical = PlaybookEdit.safeParse({ vertical: "mining", entries: saas });
    expect(wrongVertical.success ? null : wrongVertical.error.issues[0]!.message).toBe("Choose a vertical: saas, fintech, healthcare, manufacturing, logistics, retail.");
  });
});

describe("changedObjections", () => {
  it("names exactly the objections whose text differs between two versions", () => {
    expect(changedObjections(saas, saas)).toEqual([]);
    expect(changedObjections(saas, replace("timing", { response: "Something else entirely, long enough to pass." }))).toEqual(["timing"]);
  });
});
