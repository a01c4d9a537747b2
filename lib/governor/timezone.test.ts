import { describe, expect, it } from "vitest";
import { resolveTimeZone } from "./timezone";

const SENDER = "Europe/London";

describe("the recipient's time zone", () => {
  it("a contact known only by country gets the country's main zone, not an arbitrary one of its zones", () => {
    expect(resolveTimeZone({ country: "US" }, SENDER)).toMatchObject({ zone: "America/New_York", source: "country", country: "US" });
    expect(resolveTimeZone({ country: "au" }, SENDER).zone).toBe("Australia/Sydney");
    expect(resolveTimeZone({ country: "RU" }, SENDER).zone).toBe("Europe/Moscow");
    expect(resolveTimeZone({ country: "BR" }, SENDER).zone).toBe("America/Sao_Paulo");
    expect(resolveTimeZone({ country: "JP" }, SENDER).zone).toBe("Asia/Tokyo");
  });

  it("a company HQ city inside a multi-zone country decides the zone", () => {
    expect(resolveTimeZone({ country: "US", city: "San Francisco" }, SENDER)).toMatchObject({ zone: "America/Los_Angeles", source: "city" });
    expect(resolveTimeZone({ country: "US", city: "Austin" }, SENDER).zone).toBe("America/Chicago");
    expect(resolveTimeZone({ country: "CA", city: "Vancouver" }, SENDER).zone).toBe("America/Vancouver");
  });

  it("a region decides when there is no city, written either way", () => {
    expect(resolveTimeZone({ country: "US", region: "US-CA" }, SENDER)).toMatchObject({ zone: "America/Los_Angeles", source: "region", region: "CA" });
    expect(resolveTimeZone({ country: "AU", region: "WA" }, SENDER).zone).toBe("Australia/Perth");
  });

  it("a zone the CRM already holds wins; a broken one is ignored", () => {
    expect(resolveTimeZone({ zone: "Asia/Kolkata", country: "US" }, SENDER)).toMatchObject({ zone: "Asia/Kolkata", source: "zone" });
    expect(resolveTimeZone({ zone: "Not/AZone", country: "DE" }, SENDER)).toMatchObject({ zone: "Europe/Berlin", source: "country" });
  });

  it("a country without holiday data still gets a zone, from its most populous city", () => {
    expect(resolveTimeZone({ country: "IQ" }, SENDER)).toMatchObject({ zone: "Asia/Baghdad", source: "country" });
  });

  it("a contact with no usable place falls back to the sender's zone; a city without a country is not trusted", () => {
    expect(resolveTimeZone({}, SENDER)).toMatchObject({ zone: SENDER, source: "sender", country: null });
    expect(resolveTimeZone({ country: "Germany" }, SENDER)).toMatchObject({ zone: SENDER, source: "sender", country: null });
    expect(resolveTimeZone({ city: "Paris" }, SENDER).source).toBe("sender");
    expect(() => resolveTimeZone({}, "Nowhere/Special")).toThrow(/Nowhere\/Special/);
  });
});
