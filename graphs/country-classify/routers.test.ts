import { describe, expect, it } from "vitest";
import { resolveCountry } from "@/lib/geo/resolve";
import { afterRules } from "./routers";
import type { CountryClassifyStateType } from "./state";

describe("afterRules", () => {
  const state = (hq: string) => ({ hq, resolution: resolveCountry(hq), calls: [] }) as unknown as CountryClassifyStateType;

  it("a blank HQ string skips the model; any other string, even one the rules are sure of, is asked", () => {
    expect(afterRules(state("   "))).toBe("decide_country");
    expect(afterRules(state("Austin, TX"))).toBe("classify_with_model");
    expect(afterRules(state("Remote"))).toBe("classify_with_model");
    expect(afterRules(state("Smallville"))).toBe("classify_with_model");
  });
});
