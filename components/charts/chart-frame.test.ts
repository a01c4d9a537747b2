import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SparkLine } from "./spark-line";

describe("a chart's screen-reader table", () => {
  it("a reader of a page of sparklines gets each chart's numbers from a table clipped by a wrapper, since a table ignores sr-only's 1px width and widened the page", () => {
    const label = `Touches sent per day, ${"Q".repeat(80)}`;
    const html = renderToStaticMarkup(createElement(SparkLine, { label, data: [{ key: "7 Dec", value: 3 }] }));
    expect(html).toMatch(/^<figure [^>]*class="relative w-full"/);
    expect(html).toMatch(/<div class="sr-only"><table><caption>Touches sent per day, Q{80}<\/caption>/);
    expect(html).not.toMatch(/<table [^>]*sr-only/);
  });
});
