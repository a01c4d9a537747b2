import { describe, expect, it } from "vitest";
import type { PreviewRow } from "./api";
import { importButtonLabel } from "./import-label";

const row = (line: number, action: PreviewRow["action"]): PreviewRow => ({ line, email: null, action, company: null, suppressed: false, problems: [], conflicts: [], values: {} });

describe("import button label", () => {
  it("an operator importing a file with no refused rows reads only the row count", () => {
    expect(importButtonLabel(3, [row(2, "create"), row(3, "merge"), row(4, "unchanged")])).toBe("Import 3 rows");
    expect(importButtonLabel(1, undefined)).toBe("Import 1 row");
  });

  it("an operator whose whole file is previewed is told how many rows will be refused", () => {
    expect(importButtonLabel(5, [row(2, "create"), row(3, "refuse"), row(4, "refuse"), row(5, "refuse"), row(6, "refuse")])).toBe("Import 5 rows (4 will be refused)");
    expect(importButtonLabel(2, [row(2, "refuse"), row(3, "refuse")])).toBe("Import 2 rows (all will be refused)");
  });

  it("an operator whose long file is previewed in part is told the refusals the preview knows of, and of which rows", () => {
    expect(importButtonLabel(1_200, [row(2, "refuse"), row(3, "create")])).toBe("Import 1,200 rows (1 of the first 2 will be refused)");
  });
});
