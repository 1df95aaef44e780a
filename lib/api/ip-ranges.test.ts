import { describe, expect, it } from "vitest";
import { ipAllowed } from "./ip-allow";
import { parseIpAddress, parseIpRange, splitIpList } from "./ip-ranges";

function text(entry: string): string {
  const parsed = parseIpRange(entry);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.range.text;
}

function problem(entry: string): string {
  const parsed = parseIpRange(entry);
  if (parsed.ok) throw new Error(`${entry} was accepted as ${parsed.range.text}`);
  return parsed.message;
}

describe("allowed addresses as typed", () => {
  it("reads IPv4 and IPv6 addresses and ranges into one canonical form", () => {
    expect(text(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(text("203.0.113.7/32")).toBe("203.0.113.7");
    expect(text("203.0.113.0/24")).toBe("203.0.113.0/24");
    expect(text("0.0.0.0/0")).toBe("0.0.0.0/0");
    expect(text("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(text("2001:db8::/32")).toBe("2001:db8::/32");
    expect(text("[2001:db8::1]")).toBe("2001:db8::1");
    expect(text("::1")).toBe("::1");
    // IPv4-mapped IPv6 is the IPv4 address or range it stands for.
    expect(text("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(text("::ffff:203.0.113.0/120")).toBe("203.0.113.0/24");
  });

  it("explains what is wrong with an entry", () => {
    expect(problem("300.1.1.1")).toMatch(/"300\.1\.1\.1" is not an IP address or CIDR range/);
    expect(problem("example.com")).toMatch(/not an IP address or CIDR range/);
    expect(problem("010.0.0.1")).toMatch(/not an IP address/);
    expect(problem("1:2:3:4:5:6:7:8:9")).toMatch(/not an IP address/);
    expect(problem("1.2.3.4/33")).toBe(
      '"1.2.3.4/33": the number after / must be from 0 to 32 for an IPv4 range.',
    );
    expect(problem("2001:db8::/129")).toMatch(/from 0 to 128 for an IPv6 range/);
    expect(problem("10.0.0.5/8")).toBe(
      '"10.0.0.5/8" is not the start of its range; did you mean 10.0.0.0/8?',
    );
    expect(problem("2001:db8::1/64")).toMatch(/did you mean 2001:db8::\/64\?/);
  });

  it("splits a list on lines, commas and spaces", () => {
    expect(splitIpList("203.0.113.7\n\n 10.0.0.0/8, 2001:db8::/32\r\n")).toEqual([
      "203.0.113.7",
      "10.0.0.0/8",
      "2001:db8::/32",
    ]);
  });

  it("reads a caller's address, also IPv4-mapped", () => {
    expect(parseIpAddress("::ffff:203.0.113.9")).toEqual({ family: "ipv4", address: "203.0.113.9" });
    expect(parseIpAddress("::ffff:cb00:7109")).toEqual({ family: "ipv4", address: "203.0.113.9" });
    expect(parseIpAddress("2001:0db8::0001")).toEqual({ family: "ipv6", address: "2001:db8::1" });
    expect(parseIpAddress("nope")).toBeNull();
  });
});

describe("matching a call's address", () => {
  it("allows anywhere without ranges", () => {
    expect(ipAllowed([], "198.51.100.1")).toBe(true);
    expect(ipAllowed([], null)).toBe(true);
  });

  it("matches IPv4 addresses and CIDR ranges, also from an IPv4-mapped client", () => {
    const ranges = ["203.0.113.0/24", "198.51.100.7"];
    expect(ipAllowed(ranges, "203.0.113.200")).toBe(true);
    expect(ipAllowed(ranges, "::ffff:203.0.113.9")).toBe(true);
    expect(ipAllowed(ranges, "198.51.100.7")).toBe(true);
    expect(ipAllowed(ranges, "198.51.100.8")).toBe(false);
    expect(ipAllowed(ranges, "203.0.114.1")).toBe(false);
    expect(ipAllowed(ranges, "2001:db8::1")).toBe(false);
    expect(ipAllowed(ranges, null)).toBe(false);
    expect(ipAllowed(ranges, "not-an-ip")).toBe(false);
  });

  it("matches IPv6 addresses and ranges", () => {
    const ranges = ["2001:db8:1200::/40", "::1"];
    expect(ipAllowed(ranges, "2001:db8:12ff::5")).toBe(true);
    expect(ipAllowed(ranges, "2001:db8:1300::5")).toBe(false);
    expect(ipAllowed(ranges, "::1")).toBe(true);
    expect(ipAllowed(ranges, "127.0.0.1")).toBe(false);
  });
});
