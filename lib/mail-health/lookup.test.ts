import { createSocket, type Socket } from "node:dgram";
import type { AddressInfo } from "node:net";
import { AUTHORITATIVE_ANSWER, decode, encode, type Answer } from "dns-packet";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { lookupMailDns } from "./lookup";

/**
 * A tiny authoritative DNS server on loopback: the answers Node's resolver really gets, so
 * "no such record" (NXDOMAIN, NODATA), SERVFAIL and silence are told apart as they are in life.
 */
const NXDOMAIN = 3;
const SERVFAIL = 2;

type Zone = Record<string, Answer[]>;
const ttl = 60;
const zone: Zone = {
  "example.test": [
    {
      name: "example.test",
      type: "MX",
      ttl,
      data: { preference: 10, exchange: "mx.example.test.cust.a.hostedemail.com" },
    },
    { name: "example.test", type: "MX", ttl, data: { preference: 20, exchange: "backup.example.net" } },
    { name: "example.test", type: "TXT", ttl, data: "v=spf1 include:_spf.emfwd.name-services.com ~all" },
    // A TXT split into two strings is one record to SPF (RFC 7208 §3.3).
    { name: "example.test", type: "TXT", ttl, data: ["google-site-verification=", "abc123"] },
    { name: "example.test", type: "NS", ttl, data: "dns1.name-services.com" },
    { name: "example.test", type: "NS", ttl, data: "dns2.name-services.com" },
    { name: "example.test", type: "A", ttl, data: "192.0.2.1" },
  ],
  "_dmarc.example.test": [{ name: "_dmarc.example.test", type: "TXT", ttl, data: "v=DMARC1; p=none" }],
  "k1._domainkey.example.test": [
    { name: "k1._domainkey.example.test", type: "CNAME", ttl, data: "k1.example.test.dkim.hostedemail.link" },
  ],
  // A name that exists with no mail records at all: every mail question gets NODATA.
  "empty.test": [{ name: "empty.test", type: "A", ttl, data: "192.0.2.2" }],
};

function answer(message: Buffer): Buffer {
  const query = decode(message);
  const [question] = query.questions ?? [];
  const name = question?.name.toLowerCase() ?? "";
  const base = { type: "response" as const, id: query.id, questions: query.questions };
  if (name.endsWith("broken.test")) return encode({ ...base, flags: AUTHORITATIVE_ANSWER | SERVFAIL });
  const records = zone[name];
  if (!records) return encode({ ...base, flags: AUTHORITATIVE_ANSWER | NXDOMAIN });
  const answers = records.filter((record) => record.type === question?.type);
  return encode({ ...base, flags: AUTHORITATIVE_ANSWER, answers });
}

async function listen(reply: boolean): Promise<{ socket: Socket; server: string }> {
  const socket = createSocket("udp4");
  if (reply) socket.on("message", (message, peer) => socket.send(answer(message), peer.port, peer.address));
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  return { socket, server: `127.0.0.1:${(socket.address() as AddressInfo).port}` };
}

let answering: Awaited<ReturnType<typeof listen>>;
let silent: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  answering = await listen(true);
  silent = await listen(false);
});
afterAll(() => {
  answering.socket.close();
  silent.socket.close();
});

const quick = () => ({ servers: [answering.server], timeoutMs: 500, tries: 1 });

describe("lookupMailDns against a DNS server", () => {
  it("reads MX, TXT at the apex and _dmarc, the DKIM CNAMEs and NS", async () => {
    const lookups = await lookupMailDns("Example.TEST.", quick());
    expect(lookups.domain).toBe("example.test");
    expect(lookups.mx).toEqual({
      kind: "found",
      records: expect.arrayContaining([
        { exchange: "mx.example.test.cust.a.hostedemail.com", priority: 10 },
        { exchange: "backup.example.net", priority: 20 },
      ]),
    });
    expect(lookups.apexTxt.kind === "found" && [...lookups.apexTxt.records].sort()).toEqual([
      "google-site-verification=abc123",
      "v=spf1 include:_spf.emfwd.name-services.com ~all",
    ]);
    expect(lookups.dmarcTxt).toEqual({ kind: "found", records: ["v=DMARC1; p=none"] });
    expect(lookups.dkim.k1).toEqual({ kind: "found", records: ["k1.example.test.dkim.hostedemail.link"] });
    expect(lookups.ns.kind === "found" && [...lookups.ns.records].sort()).toEqual([
      "dns1.name-services.com",
      "dns2.name-services.com",
    ]);
  });

  it("reports a name that does not exist (NXDOMAIN) as no such record", async () => {
    const lookups = await lookupMailDns("example.test", quick());
    expect(lookups.dkim.k2).toEqual({ kind: "none" }); // k2._domainkey.example.test does not exist
    const unknown = await lookupMailDns("nowhere.test", quick());
    expect([unknown.mx, unknown.apexTxt, unknown.dmarcTxt, unknown.ns]).toEqual(
      Array(4).fill({ kind: "none" }),
    );
  });

  it("reports a name without the record (NODATA) as no such record", async () => {
    const lookups = await lookupMailDns("empty.test", quick());
    expect([lookups.mx, lookups.apexTxt, lookups.ns]).toEqual(Array(3).fill({ kind: "none" }));
  });

  it("reports SERVFAIL as a failed lookup, not a missing record", async () => {
    const lookups = await lookupMailDns("broken.test", quick());
    expect(lookups.mx).toEqual({ kind: "failed", code: "ESERVFAIL" });
    expect(lookups.dkim.k1).toEqual({ kind: "failed", code: "ESERVFAIL" });
  });

  it("reports a server that does not answer as failed (timeout), within the timeout", async () => {
    const started = Date.now();
    const lookups = await lookupMailDns("example.test", {
      servers: [silent.server],
      timeoutMs: 200,
      tries: 1,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const outcome of [
      lookups.mx,
      lookups.apexTxt,
      lookups.dmarcTxt,
      lookups.dkim.k1,
      lookups.dkim.k2,
      lookups.ns,
    ])
      expect(outcome).toEqual({ kind: "failed", code: "ETIMEOUT" });
  });

  it("asks the servers of DNS_SERVERS when none are passed", async () => {
    vi.stubEnv("DNS_SERVERS", answering.server);
    vi.resetModules(); // a fresh environment contract, read with DNS_SERVERS set
    try {
      const fresh = await import("./lookup");
      const lookups = await fresh.lookupMailDns("example.test", { timeoutMs: 500, tries: 1 });
      expect(lookups.dmarcTxt).toEqual({ kind: "found", records: ["v=DMARC1; p=none"] });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
