import { describe, expect, it } from "vitest";
import { refuseBadServerAction } from "./server-action-guard";

const action = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1:3000/drafts", {
    method: "POST",
    headers: { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "next-action": "40abc", "content-type": "text/plain;charset=UTF-8", ...headers },
    body,
  });

describe("refuseBadServerAction", () => {
  it("lets the console's own JSON action call through", async () => {
    expect(await refuseBadServerAction(action('[{"draftId":1}]'))).toBeNull();
  });

  it("refuses a foreign Origin with 403", async () => {
    expect((await refuseBadServerAction(action("[1]", { origin: "https://evil.example" })))?.status).toBe(403);
    expect((await refuseBadServerAction(action("[1]", { origin: "null" })))?.status).toBe(403);
  });

  it("refuses a body over 1 MB with 413, declared or not", async () => {
    const big = "a".repeat(1024 * 1024 + 1);
    expect((await refuseBadServerAction(action(big)))?.status).toBe(413);
  });

  it("refuses a body that is not JSON with 400 saying so", async () => {
    const refused = await refuseBadServerAction(action("not json{"));
    expect(refused?.status).toBe(400);
    expect(await refused?.text()).toMatch(/not valid JSON/);
  });

  it("leaves requests that are not server actions alone", async () => {
    expect(await refuseBadServerAction(new Request("http://127.0.0.1:3000/drafts", { method: "POST", body: "x" }))).toBeNull();
  });
});
