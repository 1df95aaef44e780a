import { describe, expect, it } from "vitest";
import { invalidDnsServerEntries, parseDnsServers } from "./dns-servers";

describe("DNS_SERVERS", () => {
  it("is the system's resolvers when unset or empty", () => {
    expect(parseDnsServers(undefined)).toEqual([]);
    expect(parseDnsServers(" , ")).toEqual([]);
  });

  it("takes IPv4 and IPv6 addresses, each with an optional port, in the form Node's resolver wants", () => {
    expect(parseDnsServers("127.0.0.1:5354, 1.1.1.1 ,[2001:db8::53]:53,2001:db8::1,[::1]")).toEqual([
      "127.0.0.1:5354",
      "1.1.1.1",
      "[2001:db8::53]:53",
      "2001:db8::1",
      "::1",
    ]);
  });

  it.each([
    "dns.google",
    "127.0.0.1:0",
    "127.0.0.1:65536",
    "127.0.0.1:",
    "1.2.3",
    "[1.1.1.1]:53",
    "::1:53:x",
  ])("refuses %j", (entry) => {
    expect(invalidDnsServerEntries(`1.1.1.1, ${entry}`)).toEqual([entry]);
    expect(() => parseDnsServers(entry)).toThrow(
      /DNS_SERVERS: .* is not an IP address with an optional :port/,
    );
  });
});
