import { describe, expect, it } from "vitest";
import { classifySendFailure } from "./send-failure";

const error = (fields: Record<string, unknown>) => Object.assign(new Error("x"), fields);

describe("classifySendFailure", () => {
  it("a server that cannot be reached took nothing, so the send may be tried again", () => {
    expect(classifySendFailure(error({ code: "ESOCKET", originalCode: "ECONNREFUSED", command: "CONN" }))).toBe("refused");
    expect(classifySendFailure(error({ code: "EDNS", command: "CONN" }))).toBe("refused");
    expect(classifySendFailure(error({ code: "ETIMEDOUT", timeoutType: "GREETING_TIMEOUT", command: "CONN" }))).toBe("refused");
    expect(classifySendFailure(error({ code: "EAUTH", command: "AUTH PLAIN" }))).toBe("refused");
  });

  it("a 4xx reply, before DATA or after the message, is a temporary refusal: nothing was accepted", () => {
    expect(classifySendFailure(error({ code: "EENVELOPE", responseCode: 451, command: "RCPT TO" }))).toBe("refused");
    expect(classifySendFailure(error({ code: "EMESSAGE", responseCode: 452, command: "DATA" }))).toBe("refused");
    expect(classifySendFailure(error({ code: "EPROTOCOL", responseCode: 503, command: "DATA" }))).toBe("refused");
  });

  it("a 5xx reply is a refusal for good", () => {
    expect(classifySendFailure(error({ code: "EENVELOPE", responseCode: 550, command: "RCPT TO" }))).toBe("rejected");
    expect(classifySendFailure(error({ code: "EMESSAGE", responseCode: 554, command: "DATA" }))).toBe("rejected");
  });

  it("a session that broke with no reply may have delivered the message, so it is uncertain", () => {
    expect(classifySendFailure(error({ code: "ECONNECTION", command: "CONN" }))).toBe("uncertain");
    expect(classifySendFailure(error({ code: "ETIMEDOUT", timeoutType: "SOCKET_TIMEOUT", command: "CONN" }))).toBe("uncertain");
    expect(classifySendFailure(error({ code: "ESOCKET", originalCode: "ECONNRESET", command: "CONN" }))).toBe("uncertain");
    expect(classifySendFailure(new Error("something else"))).toBe("uncertain");
    expect(classifySendFailure("a string")).toBe("uncertain");
  });
});
