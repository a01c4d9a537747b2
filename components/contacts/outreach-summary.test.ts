import { describe, expect, it } from "vitest";
import { failuresByMessage, namesText } from "./outreach-summary";

describe("a batch's failures as a rep reads them", () => {
  it("one line per message, naming whom it hit", () => {
    const unreachable = "The console could not be reached. Check your connection and try again.";
    const failed = [
      { name: "Ann", message: unreachable },
      { name: "Bo", message: "That contact does not exist." },
      { name: "Cy", message: unreachable },
      { name: "Di", message: unreachable },
      { name: "Ed", message: unreachable },
    ];
    expect(failuresByMessage(failed)).toEqual([
      { message: unreachable, names: ["Ann", "Cy", "Di", "Ed"] },
      { message: "That contact does not exist.", names: ["Bo"] },
    ]);
  });

  it("names read as a sentence, and a long list says how many more", () => {
    expect(namesText(["Ann"])).toBe("Ann");
    expect(namesText(["Ann", "Bo"])).toBe("Ann and Bo");
    expect(namesText(["Ann", "Bo", "Cy"])).toBe("Ann, Bo and Cy");
    expect(namesText(["Ann", "Bo", "Cy", "Di", "Ed"])).toBe("Ann, Bo, Cy and 2 more");
  });
});
