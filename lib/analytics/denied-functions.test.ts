import { describe, expect, it } from "vitest";
import { functionVerdict } from "./sql-policy";
import { DENIED_FUNCTION_PREFIXES, DENIED_FUNCTIONS } from "@/db/read-only/denied-functions";
import { refusal } from "@/db/read-only/pool";

describe("the one function denylist", () => {
  const names = [...DENIED_FUNCTIONS.keys(), ...DENIED_FUNCTION_PREFIXES.map((prefix) => `${prefix}probe`)];

  it.each(names)("the read-only executor refuses %s() even for a caller that skipped the gate", (name) => {
    expect(refusal(`SELECT ${name}('x') FROM contacts`)).toMatch(/does not run/);
    expect(refusal(`SELECT "${name.toUpperCase()}" ('x')`)).toMatch(/does not run/);
  });

  it.each(names)("the SQL gate refuses %s() with a reason", (name) => {
    expect(functionVerdict(name)).toMatch(/not allowed/);
  });

  it("lets a name that only contains a denied one, or one inside a string, through the executor", () => {
    expect(refusal("SELECT credit_edit_count, 'readfile(x)' FROM contacts")).toBeNull();
  });
});
