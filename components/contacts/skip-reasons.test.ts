import { describe, expect, it } from "vitest";
import { skipReasonText } from "./skip-reasons";

describe("skipReasonText", () => {
  it("a rep whose bounced contact was skipped as suppressed is told it bounced, not only that it is on a list", () => {
    expect(skipReasonText("suppressed", "bounce")).toBe("Mail to this address bounced, so it is on the suppression list.");
    expect(skipReasonText("suppressed", "unsubscribe")).toBe("The contact unsubscribed, so the address is on the suppression list.");
    expect(skipReasonText("suppressed", "manual")).toBe("Someone put this address on the suppression list by hand.");
  });

  it("a rep is told the gate's own words when the cause of a suppression is not known", () => {
    expect(skipReasonText("suppressed")).toBe("The address is on the suppression list.");
    expect(skipReasonText("suppressed", "something_new")).toBe("The address is on the suppression list.");
    expect(skipReasonText("bounced")).toBe("Mail to this address bounced.");
  });

  it("a rep reads every other reason as a sentence, an unknown one included", () => {
    expect(skipReasonText("too_soon")).toBe("They were emailed less than 3 days ago.");
    expect(skipReasonText("no draft")).toBe("No draft.");
    expect(skipReasonText("quota_reached")).toBe("Quota reached.");
  });
});
