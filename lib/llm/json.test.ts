import { describe, expect, it } from "vitest";
import { z } from "zod";
import { extractJson, parseJsonOutput } from "./json";

describe("extractJson", () => {
  it("a model that answers bare JSON is read as is", () => {
    expect(extractJson(' {"a": 1} ')).toEqual({ a: 1 });
  });

  it("a model that wraps its JSON in a ```json fence is read from inside the fence", () => {
    expect(extractJson('Here you go:\n```json\n{"label": "spam"}\n```\nThanks')).toEqual({ label: "spam" });
  });

  it("a model that adds a sentence around its JSON object is read from the braces", () => {
    expect(extractJson('Sure! {"country": "DE"} Hope that helps.')).toEqual({ country: "DE" });
  });

  it("a model that answers prose only is rejected", () => {
    expect(() => extractJson("I cannot help with that.")).toThrow(/no JSON/);
  });
});

describe("parseJsonOutput", () => {
  const Label = z.object({ label: z.enum(["spam", "interested"]) });

  it("a model's JSON that fits the schema comes back typed", () => {
    expect(parseJsonOutput('{"label":"interested"}', Label)).toEqual({ label: "interested" });
  });

  it("a model's JSON that misses the schema is rejected naming the field", () => {
    expect(() => parseJsonOutput('{"label":"maybe"}', Label)).toThrow(/label/);
  });
});
