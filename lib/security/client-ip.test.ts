import { describe, expect, it } from "vitest";
import { clientAddress, invalidProxyEntries, normaliseIp, trustedProxies } from "./client-ip";

const none = trustedProxies(undefined);
const balancers = trustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever the forwarding headers say", () => {
    expect(
      clientAddress({ peer: "198.51.100.4", forwardedFor: "203.0.113.66", realIp: "203.0.113.67" }, none),
    ).toBe("198.51.100.4");
    expect(clientAddress({ peer: "::ffff:198.51.100.4", forwardedFor: "1.2.3.4" }, none)).toBe(
      "198.51.100.4",
    );
  });

  it("is the socket's when the peer is not one of the trusted proxies", () => {
    expect(clientAddress({ peer: "198.51.100.4", forwardedFor: "203.0.113.66" }, balancers)).toBe(
      "198.51.100.4",
    );
  });

  it("comes from X-Forwarded-For through trusted proxies, read from the right", () => {
    // The client wrote 6.6.6.6 itself; the balancer appended the address it saw.
    expect(
      clientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.9, 192.168.1.5" }, balancers),
    ).toBe("203.0.113.9");
    expect(clientAddress({ peer: "fd00::1", forwardedFor: ["203.0.113.9"] }, balancers)).toBe("203.0.113.9");
    // Garbage ends the walk: nothing to its left can be believed.
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.9, not-an-ip" }, balancers)).toBe(
      "10.0.0.2",
    );
    // Only trusted hops: the leftmost one is as far as the chain goes.
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "10.1.1.1, 10.2.2.2" }, balancers)).toBe(
      "10.1.1.1",
    );
  });

  it("takes X-Real-IP from a trusted proxy that sends no X-Forwarded-For", () => {
    expect(clientAddress({ peer: "10.0.0.2", realIp: "203.0.113.9" }, balancers)).toBe("203.0.113.9");
    expect(clientAddress({ peer: "10.0.0.2", realIp: "nonsense" }, balancers)).toBe("10.0.0.2");
    expect(clientAddress({ peer: "10.0.0.2" }, balancers)).toBe("10.0.0.2");
  });

  it("reads IPv4-mapped and bracketed addresses plainly", () => {
    expect(normaliseIp("::ffff:10.0.0.2")).toBe("10.0.0.2");
    expect(normaliseIp("[2001:db8::1]")).toBe("2001:db8::1");
    expect(trustedProxies("10.0.0.0/8").has("::ffff:10.0.0.2")).toBe(true);
    expect(clientAddress({ peer: "::ffff:10.0.0.2", forwardedFor: "203.0.113.9" }, balancers)).toBe(
      "203.0.113.9",
    );
  });

  it("names the entries of TRUSTED_PROXIES that are not addresses or blocks", () => {
    expect(invalidProxyEntries("10.0.0.0/8, 127.0.0.1, ::1, fd00::/8")).toEqual([]);
    expect(invalidProxyEntries("lb.internal, 10.0.0.0/33, 1.2.3.4/8/9, ::1/129, 10.0.0.0/x")).toEqual([
      "lb.internal",
      "10.0.0.0/33",
      "1.2.3.4/8/9",
      "::1/129",
      "10.0.0.0/x",
    ]);
  });
});
