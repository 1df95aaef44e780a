import { describe, expect, it } from "vitest";
import { enomXml, fakeFetch, testClient } from "./__fixtures__/harness";
import { readCache } from "./read-cache";
import { singleFlight, type ReadRequest } from "./single-flight";

const pop3 = (domain: string): ReadRequest => {
  const [sld = "", tld = ""] = domain.split(".");
  return { command: "GetPOP3", params: { SLD: sld, TLD: tld } };
};
const expirations: ReadRequest = { command: "GetPOPExpirations", params: {} };
const setUp = (domain: string): ReadRequest => ({ ...pop3(domain), command: "SetUpPOP3User" });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A loader that counts its calls and answers with a fresh object each time. */
function counter() {
  const loader = { calls: 0, load: async () => ({ n: ++loader.calls }) };
  return loader;
}

describe("readCache", () => {
  it("answers a repeated read from its copy until the time-to-live has passed", async () => {
    let now = 1_000;
    const cache = readCache({ ttlMs: 5_000, now: () => now });
    const source = counter();
    expect(await cache("k", source.load, pop3("a.com"))).toEqual({ n: 1 });
    now += 4_999;
    expect(await cache("k", source.load, pop3("a.com"))).toEqual({ n: 1 });
    now += 1;
    expect(await cache("k", source.load, pop3("a.com"))).toEqual({ n: 2 });
    expect(source.calls).toBe(2);
  });

  it("gives every caller its own copy", async () => {
    const cache = readCache({ ttlMs: 5_000 });
    const first = await cache("k", async () => ({ list: [1, 2] }), pop3("a.com"));
    first.list.pop();
    expect(await cache("k", async () => ({ list: [9] }), pop3("a.com"))).toEqual({ list: [1, 2] });
  });

  it("keeps only the reads it knows: a GetCatchAll is asked every time", async () => {
    const cache = readCache({ ttlMs: 5_000 });
    const source = counter();
    const catchAll: ReadRequest = { command: "GetCatchAll", params: { SLD: "a", TLD: "com" } };
    await cache("k", source.load, catchAll);
    await cache("k", source.load, catchAll);
    expect(source.calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("a write drops that domain's copies and the account-wide lists, not other domains'", async () => {
    const cache = readCache({ ttlMs: 5_000 });
    const a = counter();
    const b = counter();
    const all = counter();
    await cache("a", a.load, pop3("a.com"));
    await cache("b", b.load, pop3("b.com"));
    await cache("all", all.load, expirations);
    cache.invalidate(setUp("A.com"));
    await cache("a", a.load, pop3("a.com"));
    await cache("b", b.load, pop3("b.com"));
    await cache("all", all.load, expirations);
    expect([a.calls, b.calls, all.calls]).toEqual([2, 1, 2]);
  });

  it("a write that names no domain drops every copy", async () => {
    const cache = readCache({ ttlMs: 5_000 });
    const a = counter();
    await cache("a", a.load, pop3("a.com"));
    cache.invalidate({ command: "PurchaseServices", params: {} });
    await cache("a", a.load, pop3("a.com"));
    expect(a.calls).toBe(2);
  });

  it("does not keep an answer to a read that began before a write", async () => {
    const cache = readCache({ ttlMs: 5_000 });
    const slow = deferred<{ n: number }>();
    const before = cache("a", () => slow.promise, pop3("a.com"));
    cache.invalidate(setUp("a.com"));
    slow.resolve({ n: 1 });
    await before;
    const source = counter();
    expect(await cache("a", source.load, pop3("a.com"))).toEqual({ n: 1 });
    expect(source.calls).toBe(1);
  });

  it("does not keep failures", async () => {
    const cache = readCache({ ttlMs: 5_000 });
    await expect(cache("a", () => Promise.reject(new Error("down")), pop3("a.com"))).rejects.toThrow("down");
    const source = counter();
    await cache("a", source.load, pop3("a.com"));
    expect(source.calls).toBe(1);
  });

  it("keeps at most maxEntries copies, dropping the oldest", async () => {
    const cache = readCache({ ttlMs: 5_000, maxEntries: 2 });
    for (const domain of ["a.com", "b.com", "c.com"]) await cache(domain, counter().load, pop3(domain));
    expect(cache.size).toBe(2);
    const a = counter();
    await cache("a.com", a.load, pop3("a.com"));
    expect(a.calls).toBe(1);
  });
});

describe("singleFlight after a write", () => {
  it("a read that starts after a write does not join a flight that started before it", async () => {
    const flights = singleFlight();
    const slow = deferred<{ n: number }>();
    const early = flights("k", () => slow.promise, pop3("a.com"));
    flights.invalidate?.(setUp("a.com"));
    const late = flights("k", async () => ({ n: 2 }), pop3("a.com"));
    slow.resolve({ n: 1 });
    expect(await early).toEqual({ n: 1 });
    expect(await late).toEqual({ n: 2 });
    expect(flights.inFlight).toBe(0);
  });
});

describe("the client with a read cache", () => {
  /**
   * A stand-in for eNom answering in the documented shapes (get-pop-3.md, get-pop-expirations.md,
   * GetBalance.md): one domain whose mailboxes the stand-in's SetUpPOP3User adds to.
   */
  function standIn() {
    const mailboxes = ["dell"];
    const calls: Record<string, number> = {};
    const { fetch } = fakeFetch((request) => {
      const command = request.body.get("command") ?? "";
      calls[command] = (calls[command] ?? 0) + 1;
      if (command === "SetUpPOP3User") {
        mailboxes.push(request.body.get("UserName1") ?? "");
        return enomXml(command, "<AccountsCreated>1</AccountsCreated><AccountsFailed>0</AccountsFailed>");
      }
      if (command === "GetPOP3")
        return enomXml(
          command,
          `${mailboxes.map((m) => `<pop><username>${m}</username><password>Xy-2345678</password><admin>0</admin></pop>`).join("")}<EmailCount>${mailboxes.length}</EmailCount><Paks><Pak><BundleId>26770</BundleId><QtyPurchased>10</QtyPurchased><QtyAvailable>${10 - mailboxes.length}</QtyAvailable><ExpDate>5/3/2030</ExpDate></Pak></Paks><Count>1</Count>`,
        );
      if (command === "GetPOPExpirations")
        return enomXml(
          command,
          "<popexpirations><pop><domain>resellerdocs.com</domain><bundleid>26770</bundleid><expdate>5/3/2030</expdate></pop><count>1</count></popexpirations>",
        );
      return enomXml(command, "<Balance>1.00</Balance>");
    });
    return { fetch, calls };
  }

  it("reads once, and shows the panel's own write at once", async () => {
    const eNom = standIn();
    const client = testClient(eNom.fetch, { readCacheTtlMs: 60_000 });
    const domain = "resellerdocs.com";
    const first = await client.getPop3({ domain });
    const again = await client.getPop3({ domain });
    expect(again).toEqual(first);
    expect(eNom.calls.GetPOP3).toBe(1);
    await client.getPopExpirations();
    await client.getPopExpirations();
    expect(eNom.calls.GetPOPExpirations).toBe(1);

    await client.setUpPop3Users({
      domain,
      bundleId: 26770,
      users: [{ userName: "cachecheck", password: "Cache-9check" }],
    });
    const after = await client.getPop3({ domain });
    expect(after.mailboxes.map((m) => m.userName)).toEqual(["dell", "cachecheck"]);
    expect(eNom.calls.GetPOP3).toBe(2);
    await client.getPopExpirations();
    expect(eNom.calls.GetPOPExpirations).toBe(2);
  });

  it("is off unless asked for", async () => {
    const eNom = standIn();
    const client = testClient(eNom.fetch);
    await client.getBalance();
    await client.getBalance();
    expect(eNom.calls.GetBalance).toBe(2);
  });
});

describe("errors shared across bundles", () => {
  it("instanceof recognises an error made by another copy of the module (another route bundle)", async () => {
    const { EnomError, EnomUnavailable } = await import("./errors");
    const foreign = Object.defineProperty(
      new Error("eNom refused GetPOP3"),
      Symbol.for("mailpak.enom.EnomError"),
      {
        value: true,
      },
    );
    expect(foreign instanceof EnomError).toBe(true);
    expect(foreign instanceof EnomUnavailable).toBe(false);
    expect(new Error("plain") instanceof EnomError).toBe(false);
    expect(
      new EnomError({ command: "GetPOP3", errors: ["no"], trackingKey: null }) instanceof EnomError,
    ).toBe(true);
  });
});
