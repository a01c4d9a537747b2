import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs on embedded defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/sales.db");
    expect(env.DEMO_MODE).toBe(true);
    expect(env.AUTH_SECRET).toBeUndefined();
  });

  it("turns demo mode off by default for a remote database", () => {
    expect(parseEnv({ DATABASE_URL: "libsql://crm.example.turso.io" }).DEMO_MODE).toBe(false);
  });

  it("lets DEMO_MODE be set either way", () => {
    expect(parseEnv({ DEMO_MODE: "false" }).DEMO_MODE).toBe(false);
    expect(parseEnv({ DATABASE_URL: "libsql://x.example", DEMO_MODE: "true" }).DEMO_MODE).toBe(true);
  });

  it("names the variable at fault", () => {
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ DEMO_MODE: "maybe" })).toThrow(/DEMO_MODE/);
    expect(() => parseEnv({ APP_URL: "not a url" })).toThrow(/APP_URL/);
  });
});
