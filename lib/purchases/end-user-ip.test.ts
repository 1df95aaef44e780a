import { describe, expect, it } from "vitest";
import { endUserIpOf } from "./end-user-ip";

describe("eNom's EndUserIP", () => {
  it("passes the browser's IPv4 address, also when mapped into IPv6", () => {
    expect(endUserIpOf("203.0.113.7")).toBe("203.0.113.7");
    expect(endUserIpOf("::ffff:198.51.100.20")).toBe("198.51.100.20");
  });

  it("falls back to the loopback when there is no IPv4 address to give", () => {
    for (const ip of ["", "2001:db8::1", "256.1.1.1", "1.2.3", "unknown"])
      expect(endUserIpOf(ip)).toBe("127.0.0.1");
  });
});
