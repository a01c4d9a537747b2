import { describe, expect, it } from "vitest";

describe("session cookies", () => {
  it("are Secure wherever the console is served from anything but loopback", async () => {
    const { secureCookiesFor } = await import("./server");
    expect(secureCookiesFor(undefined)).toBe(false);
    expect(secureCookiesFor("http://localhost:3000")).toBe(false);
    expect(secureCookiesFor("http://127.0.0.1:3100")).toBe(false);
    expect(secureCookiesFor("https://localhost:3000")).toBe(true);
    expect(secureCookiesFor("https://sales.example.com")).toBe(true);
    expect(secureCookiesFor("http://sales.internal:3000")).toBe(true);
  });
});
