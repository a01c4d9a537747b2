import { describe, expect, it } from "vitest";
import { clientIp, PEER_HEADER } from "./client-ip";

const headers = (peer: string | null, forwarded?: string) => {
  const h = new Headers();
  if (peer !== null) h.set(PEER_HEADER, peer);
  if (forwarded) h.set("x-forwarded-for", forwarded);
  return h;
};

describe("clientIp", () => {
  it("a client connecting directly cannot pick its address with X-Forwarded-For", () => {
    expect(clientIp(headers("203.0.113.9", "1.2.3.4"), [])).toBe("203.0.113.9");
    expect(clientIp(headers("::ffff:203.0.113.9", "1.2.3.4"), [])).toBe("203.0.113.9");
  });

  it("behind a trusted proxy, the client is the address that proxy appended, whatever the client prepended", () => {
    expect(clientIp(headers("10.0.0.2", "6.6.6.6, 198.51.100.7"), ["10.0.0.2"])).toBe("198.51.100.7");
  });

  it("skips every trusted hop from the right", () => {
    expect(clientIp(headers("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.3"), ["10.0.0.2", "10.0.0.3"])).toBe("198.51.100.7");
  });

  it("a trusted proxy that forwarded nothing is itself the client", () => {
    expect(clientIp(headers("10.0.0.2"), ["10.0.0.2"])).toBe("10.0.0.2");
  });

  it("ignores entries that are not addresses", () => {
    expect(clientIp(headers("10.0.0.2", "198.51.100.7, not-an-ip"), ["10.0.0.2"])).toBe("198.51.100.7");
  });

  it("without a recorded peer, takes the hop nearest this server, else says unknown", () => {
    expect(clientIp(headers(null, "6.6.6.6, 198.51.100.7"), [])).toBe("198.51.100.7");
    expect(clientIp(headers(null), [])).toBe("unknown");
  });
});
