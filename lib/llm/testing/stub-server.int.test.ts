import { afterEach, describe, expect, it } from "vitest";
import { startStubServer, type StubServer } from "./stub-server";

let stub: StubServer | undefined;
afterEach(async () => stub?.close());

const post = (body: unknown) =>
  fetch(`${stub!.url}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("startStubServer", () => {
  it("a client asking with stream: false gets the scripted answer with usage, then the handler's, and every body is kept", async () => {
    stub = await startStubServer({ replies: [{ content: "first", promptTokens: 7, completionTokens: 2 }], handler: (b) => ({ content: `echo ${b.model}` }) });
    const first = await (await post({ model: "m", stream: false, messages: [{ role: "user", content: "hi" }] })).json();
    expect(first.choices[0].message).toEqual({ role: "assistant", content: "first" });
    expect(first.usage).toEqual({ prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 });
    const second = await (await post({ model: "m2", messages: [{ role: "user", content: "12345678" }] })).json();
    expect(second.choices[0].message.content).toBe("echo m2");
    expect(second.usage.prompt_tokens).toBe(2);
    expect(stub.requests.map((r) => r.model)).toEqual(["m", "m2"]);
  });

  it("a client calling once more than the script allows gets a 500, not a made-up answer", async () => {
    stub = await startStubServer();
    expect((await post({ model: "m", messages: [] })).status).toBe(500);
  });
});
