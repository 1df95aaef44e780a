import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEnomSimulator } from "@/lib/enom-sim/server";
import { bufferLogger } from "./__fixtures__/harness";
import { createEnomClient, type EnomClient, type EnomClientConfig } from "./client";
import { EnomError, EnomUnavailable } from "./errors";

/**
 * Contract tests: every command of the client against the simulator (lib/enom-sim), which
 * answers as docs/enom.md says eNom does. The simulator's seed: account resellid/resellpw,
 * resellerdocs.com with pak 5134 (10 free mailboxes), enom-email-example-123.com without a pak.
 */
type Sim = Awaited<ReturnType<typeof startEnomSimulator>>;
type SimCall = {
  seq: number;
  command: string;
  method: string;
  format: string;
  params: Record<string, string>;
  errCount: number;
};

const DOCS = "resellerdocs.com";
const QUICK = "enom-email-example-123.com";
const GENERATED = 25;

let sim: Sim;

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, domainCount: GENERATED, reset: true });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await control("DELETE", "/_sim/faults");
  await control("POST", "/_sim/reset", {});
});

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sim.origin}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
const fault = (command: string, mode: string, extra: Record<string, unknown> = {}) =>
  control("POST", "/_sim/faults", { command, mode, ...extra });
const calls = async (command?: string) =>
  ((await control("GET", `/_sim/calls${command ? `?command=${command}` : ""}`)) as { calls: SimCall[] })
    .calls;

function client(overrides: Partial<EnomClientConfig> = {}): EnomClient {
  return createEnomClient({
    baseUrl: sim.url,
    uid: "resellid",
    pw: "resellpw",
    timeoutMs: 3_000,
    maxConcurrency: 4,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    ...overrides,
  });
}
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a failure"),
    (e: unknown) => e,
  );
const nextYear = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;

describe("account", () => {
  it("getBalance reads the balance in cents, and follows a change", async () => {
    const c = client();
    const before = await c.getBalance();
    expect(before.balance).toEqual({ cents: 500_000, currency: "USD" });
    expect(before.trackingKey).toMatch(/^[0-9a-f-]{36}$/);
    await control("POST", "/_sim/balance", { balance: 12.34 });
    expect((await c.getBalance()).balance).toEqual({ cents: 1234, currency: "USD" });
  });

  it("getDomains lists the account's domains (not another account's), following NextStart", async () => {
    const all = await client().getDomains();
    expect(all.truncated).toBe(false);
    const names = all.domains.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining([DOCS, QUICK]));
    expect(names).not.toContain("hilltop-pottery.com"); // the retail account's
    expect(new Set(names).size).toBe(names.length);
    expect(all.totalDomainCount).toBe(all.domains.length);
    expect(all.domains.find((d) => d.name === DOCS)).toMatchObject({
      domainNameId: 152_533_676,
      sld: "resellerdocs",
      tld: "com",
      status: "Registered",
      emailAvailable: true,
    });

    const paged = await client().getDomains({ pageSize: 10 });
    expect(paged.domains.map((d) => d.name).sort()).toEqual([...names].sort());
    const starts = (await calls("GETDOMAINS")).slice(1).map((call) => call.params.Start);
    expect(starts).toEqual(
      Array.from({ length: Math.ceil(all.domains.length / 10) }, (_, i) => String(1 + i * 10)),
    );

    const bounded = await client().getDomains({ pageSize: 10, maxPages: 1 });
    expect(bounded).toMatchObject({ truncated: true });
    expect(bounded.domains).toHaveLength(10);
  });
});

describe("paks", () => {
  it("getPop3 reads resellerdocs.com's pak 5134, and a domain without email as empty", async () => {
    const c = client();
    const docs = await c.getPop3({ domain: DOCS });
    expect(docs.mailboxes).toEqual([]);
    expect(docs.paks).toEqual([
      expect.objectContaining({
        bundleId: 5134,
        qtyPurchased: 10,
        qtyAvailable: 10,
        autoRenew: true,
        quotaMb: 1024,
        capacityGb: 1,
      }),
    ]);
    expect(docs.paks[0]?.expires.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await c.getPop3({ domain: QUICK })).toMatchObject({ mailboxes: [], paks: [] });
  });

  it("setPakRenew turns auto-renew off and on", async () => {
    const c = client();
    expect(await c.setPakRenew({ domain: DOCS, bundleId: 5134, autoRenew: false })).toMatchObject({
      bundleId: 5134,
      autoRenew: false,
    });
    expect((await c.getPop3({ domain: DOCS })).paks[0]?.autoRenew).toBe(false);
    expect(await c.setPakRenew({ domain: DOCS, bundleId: 5134, autoRenew: true })).toMatchObject({
      autoRenew: true,
    });
  });

  it("getPopExpirations lists every pak of the account with its domain", async () => {
    const { paks } = await client().getPopExpirations();
    const docs = paks.find((p) => p.bundleId === 5134);
    expect(docs).toMatchObject({
      domainName: DOCS,
      autoRenew: true,
      qtyPurchased: 10,
      qtyAvailable: 10,
      billingPeriod: "year",
    });
    expect(paks.every((p) => p.domainName !== "hilltop-pottery.com")).toBe(true);
    const order = paks.map((p) => `${p.expires.iso} ${p.domainName}`);
    expect(order).toEqual([...order].sort());
  });

  it("renewPopBundle adds years, paid from the balance with UseCreditCard=no", async () => {
    const c = client();
    const before = (await c.getPop3({ domain: DOCS })).paks[0]?.expires.iso ?? "";
    const balance = (await c.getBalance()).balance.cents;
    const renewal = await c.renewPopBundle({ domain: DOCS, pakId: 5134, years: 1 });
    expect(renewal.orderId).toBeGreaterThan(0);
    expect(renewal.expires?.iso).toBe(nextYear(before));
    expect((await c.getPop3({ domain: DOCS })).paks[0]?.expires.iso).toBe(nextYear(before));
    expect((await c.getBalance()).balance.cents).toBeLessThan(balance);
    if (renewal.orderAmount)
      expect((await c.getBalance()).balance.cents).toBe(balance - renewal.orderAmount.cents);
    const [call] = await calls("RENEWPOPBUNDLE");
    expect(call?.params).toMatchObject({ PakID: "5134", Quantity: "1", UseCreditCard: "no" });
  });

  it("deletePopPak deletes one pak and its mailboxes; deleteAllPopPaks the rest", async () => {
    const c = client();
    await c.setUpPop3Users({
      domain: DOCS,
      bundleId: 5134,
      users: [{ userName: "james", password: "Resell9pw" }],
    });
    const bought = await c.purchasePopBundle({ domain: DOCS, quantity: 1 });
    expect((await c.getPop3({ domain: DOCS })).paks).toHaveLength(2);
    expect(await c.deletePopPak({ domain: DOCS, bundleId: 5134 })).toMatchObject({
      bundleId: 5134,
      accountsDeleted: 1,
    });
    expect((await c.getPop3({ domain: DOCS })).paks.map((p) => p.bundleId)).toEqual([bought.bundleId]);
    expect(await c.deleteAllPopPaks({ domain: DOCS })).toMatchObject({ paksDeleted: 1, accountsDeleted: 0 });
    expect(await c.getPop3({ domain: DOCS })).toMatchObject({ paks: [], mailboxes: [] });
  });
});

describe("purchase", () => {
  it("purchaseServices, quick-start form (seeds/002 Step 1): the documents' order and bundle ids", async () => {
    const c = client();
    const balance = (await c.getBalance()).balance.cents;
    const purchase = await c.purchaseServices({
      kind: "service",
      domain: QUICK,
      quantity: 15,
      quantityUnit: "boxes",
      capacity: 1,
      billingPeriod: "year",
    });
    expect(purchase.orderId).toBe(161_786_106);
    expect(purchase.bundles).toEqual([
      expect.objectContaining({
        actionType: "Create",
        bundleId: 1_004_279,
        domainName: QUICK,
        capacityGb: 1,
        billingPeriod: "year",
        quantity: 15,
        totalQuantity: 15,
      }),
    ]);
    expect(purchase.orderAmount).not.toBeNull();
    expect((await c.getBalance()).balance.cents).toBe(balance - (purchase.orderAmount?.cents ?? 0));
    const pop3 = await c.getPop3({ domain: QUICK });
    expect(pop3.paks).toEqual([
      expect.objectContaining({ bundleId: 1_004_279, qtyPurchased: 15, qtyAvailable: 15, quotaMb: 1024 }),
    ]);
    expect(pop3.paks[0]?.expires).toEqual(purchase.bundles[0]?.expires);
  });

  it("purchaseServices, ProductType forms: POP, EmailStorage, Renew-POP, Mailbox create and renew", async () => {
    const c = client();
    const pop = await c.purchaseServices({
      kind: "pop",
      domain: QUICK,
      quantity: 1,
      endUserIp: "203.0.113.9",
    });
    const popBundle = pop.bundles[0]?.bundleId ?? 0;
    expect((await c.getPop3({ domain: QUICK })).paks).toEqual([
      expect.objectContaining({ bundleId: popBundle, qtyPurchased: 10 }),
    ]);

    const endUserIp = "203.0.113.9";
    const storage = await c.purchaseServices({
      kind: "email-storage",
      domain: QUICK,
      productId: popBundle,
      units: 2,
      endUserIp,
    });
    expect(storage.bundles[0]).toMatchObject({ actionType: "Storage", quantity: 2 });

    const before = (await c.getPop3({ domain: QUICK })).paks[0]?.expires.iso ?? "";
    await c.purchaseServices({ kind: "renew-pop", domain: QUICK, productId: popBundle, years: 1, endUserIp });
    expect((await c.getPop3({ domain: QUICK })).paks[0]?.expires.iso).toBe(nextYear(before));

    const mailbox = await c.purchaseServices({
      kind: "mailbox",
      domain: DOCS,
      quantity: 3,
      timeUnit: "month",
      timeQuantity: 6,
      capacity: 5,
      endUserIp,
    });
    const mailboxBundle = mailbox.bundles[0]?.bundleId ?? 0;
    expect(mailbox.bundles[0]).toMatchObject({ actionType: "Create", capacityGb: 5, billingPeriod: "month" });
    const created = (await c.getPop3({ domain: DOCS })).paks.find((p) => p.bundleId === mailboxBundle);
    expect(created).toMatchObject({ qtyPurchased: 3, quotaMb: 5120, capacityGb: 5 });
    const renewed = await c.purchaseServices({
      kind: "mailbox",
      action: "renew",
      domain: DOCS,
      productId: mailboxBundle,
      quantity: 3,
      timeUnit: "month",
      timeQuantity: 1,
      capacity: 5,
      endUserIp,
    });
    expect(renewed.bundles[0]).toMatchObject({ actionType: "Renew", bundleId: mailboxBundle });
  });

  it("purchasePopBundle buys a 10-pak", async () => {
    const c = client();
    const bought = await c.purchasePopBundle({ domain: QUICK, quantity: 1 });
    expect(bought.orderId).toBeGreaterThan(0);
    expect(bought.bundleId).not.toBeNull();
    expect((await c.getPop3({ domain: QUICK })).paks).toEqual([
      expect.objectContaining({ bundleId: bought.bundleId, qtyPurchased: 10 }),
    ]);
  });

  it("a purchase the balance cannot pay is an EnomError, and nothing is bought", async () => {
    await control("POST", "/_sim/balance", { balance: 0 });
    const error = await failure(client().purchaseServices({ kind: "service", domain: QUICK, quantity: 10 }));
    expect(error).toBeInstanceOf(EnomError);
    expect((error as EnomError).errors[0]).toMatch(/Insufficient funds/);
    expect((await client().getPop3({ domain: QUICK })).paks).toEqual([]);
  });
});

describe("mailboxes", () => {
  it("setUpPop3Users creates mailboxes (indexed parameters), and GetPOP3 lists them", async () => {
    const c = client();
    const created = await c.setUpPop3Users({
      domain: DOCS,
      bundleId: 5134,
      users: [
        { userName: "james", password: "Resell9pw", displayName: "James Doe" },
        { userName: "ann", password: "Annpass22", isAdmin: true, forwardTo: "ann@example.org" },
      ],
    });
    expect(created).toMatchObject({ succeeded: ["james", "ann"], failed: [], unknown: [] });
    const pop3 = await c.getPop3({ domain: DOCS });
    expect(pop3.mailboxes).toEqual(
      expect.arrayContaining([
        {
          userName: "james",
          address: "james@resellerdocs.com",
          displayName: "James Doe",
          bundleId: 5134,
          isAdmin: false,
          forwardTo: null,
        },
        {
          userName: "ann",
          address: "ann@resellerdocs.com",
          displayName: null,
          bundleId: 5134,
          isAdmin: true,
          forwardTo: "ann@example.org",
        },
      ]),
    );
    expect(pop3.paks[0]?.qtyAvailable).toBe(8);
  });

  it("a name already taken fails that user alone: a partial success, not an error", async () => {
    const c = client();
    await c.setUpPop3Users({
      domain: DOCS,
      bundleId: 5134,
      users: [{ userName: "james", password: "Resell9pw" }],
    });
    const second = await c.setUpPop3Users({
      domain: DOCS,
      bundleId: 5134,
      users: [
        { userName: "James", password: "Resell9pw" },
        { userName: "ann", password: "Annpass22" },
      ],
    });
    expect(second.succeeded).toEqual(["ann"]);
    expect(second.failed).toEqual([{ userName: "James", reason: expect.any(String) }]);
    expect(second.unknown).toEqual([]);
  });

  it("a batch that does not fit the pak is refused whole (EnomError), nothing created", async () => {
    const users = Array.from({ length: 11 }, (_, i) => ({ userName: `user${i}`, password: "Secret123x" }));
    const error = await failure(client().setUpPop3Users({ domain: DOCS, bundleId: 5134, users }));
    expect(error).toBeInstanceOf(EnomError);
    expect((await client().getPop3({ domain: DOCS })).mailboxes).toEqual([]);
  });

  it("modifyPop3Users changes admin flags and passwords (EmailCount sent), listing unknown users as failed", async () => {
    const c = client();
    await c.setUpPop3Users({
      domain: DOCS,
      bundleId: 5134,
      users: [
        { userName: "james", password: "Resell9pw" },
        { userName: "ann", password: "Annpass22" },
      ],
    });
    const modified = await c.modifyPop3Users({
      domain: DOCS,
      bundleId: 5134,
      users: [
        { userName: "ann", isAdmin: true },
        { userName: "james", password: "NewPass42" },
        { userName: "ghost", isAdmin: false },
      ],
    });
    expect(modified).toMatchObject({
      succeeded: ["ann", "james"],
      failed: [{ userName: "ghost" }],
      unknown: [],
    });
    const [call] = await calls("MODIFYPOP3");
    expect(call?.params).toMatchObject({
      EmailCount: "3",
      UserName1: "ann",
      IsAdmin1: "1",
      Password2: "[redacted]",
    });
    expect((await c.getPop3({ domain: DOCS })).mailboxes.find((m) => m.userName === "ann")?.isAdmin).toBe(
      true,
    );
  });

  it("deletePop3Users deletes, listing names that do not exist as failed", async () => {
    const c = client();
    await c.setUpPop3Users({
      domain: DOCS,
      bundleId: 5134,
      users: [{ userName: "james", password: "Resell9pw" }],
    });
    expect(await c.deletePop3Users({ domain: DOCS, userNames: ["james", "ghost"] })).toMatchObject({
      succeeded: ["james"],
      failed: [{ userName: "ghost" }],
      unknown: [],
    });
    expect((await c.getPop3({ domain: DOCS })).mailboxes).toEqual([]);
    expect(await failure(c.deletePop3Users({ domain: DOCS, userNames: ["ghost"] }))).toBeInstanceOf(
      EnomError,
    );
  });
});

describe("forwarding", () => {
  it("getCatchAll / setCatchAll: a mailbox, an outside address, off", async () => {
    const c = client();
    await c.setUpPop3Users({
      domain: DOCS,
      bundleId: 5134,
      users: [{ userName: "james", password: "Resell9pw" }],
    });
    expect(await c.getCatchAll({ domain: DOCS })).toMatchObject({ catchAll: null });
    expect(await c.setCatchAll({ domain: DOCS, catchAll: "james" })).toMatchObject({ catchAll: "james" });
    expect(await c.getCatchAll({ domain: DOCS })).toMatchObject({ catchAll: "james" });
    expect(await c.setCatchAll({ domain: DOCS, catchAll: "office@example.org" })).toMatchObject({
      catchAll: "office@example.org",
    });
    expect(await c.setCatchAll({ domain: DOCS, catchAll: null })).toMatchObject({ catchAll: null });
    expect(await c.getCatchAll({ domain: DOCS })).toMatchObject({ catchAll: null });
  });

  it("getPopForwarding / setPopForwarding; a mailbox that does not exist is an EnomError", async () => {
    const c = client();
    await c.setUpPop3Users({
      domain: DOCS,
      bundleId: 5134,
      users: [{ userName: "james", password: "Resell9pw" }],
    });
    expect(await c.getPopForwarding({ domain: DOCS, userName: "james" })).toMatchObject({
      userName: "james",
      forwardTo: null,
    });
    expect(
      await c.setPopForwarding({ domain: DOCS, userName: "james", forwardTo: "j@example.org" }),
    ).toMatchObject({ forwardTo: "j@example.org" });
    expect(await c.getPopForwarding({ domain: DOCS, userName: "james" })).toMatchObject({
      forwardTo: "j@example.org",
    });
    expect(await c.setPopForwarding({ domain: DOCS, userName: "james", forwardTo: null })).toMatchObject({
      forwardTo: null,
    });
    expect(await failure(c.getPopForwarding({ domain: DOCS, userName: "ghost" }))).toBeInstanceOf(EnomError);
  });
});

describe("eNom saying no", () => {
  it("a bad login, a domain of no one, a wrong bundle: EnomError with eNom's text and a TrackingKey", async () => {
    const badLogin = await failure(client({ pw: "wrongpw" }).getBalance());
    expect(badLogin).toMatchObject({ name: "EnomError", errors: ["Bad User name or Password"] });
    expect((badLogin as EnomError).trackingKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(await failure(client().getPop3({ domain: "not-in-this-account.com" }))).toMatchObject({
      errors: ["Domain name not found"],
    });
    expect(
      await failure(client().setPakRenew({ domain: DOCS, bundleId: 999, autoRenew: true })),
    ).toBeInstanceOf(EnomError);
  });

  it("a retail account calling a reseller-only command", async () => {
    const error = await failure(
      client({ uid: "retailid", pw: "retailpw" }).renewPopBundle({
        domain: "hilltop-pottery.com",
        pakId: 5200,
        years: 1,
      }),
    );
    expect(error).toMatchObject({
      name: "EnomError",
      errors: ["This command is available for reseller accounts only"],
    });
  });
});

describe("the wire", () => {
  it("every request is a POST form body asking for XML; credentials never in the URL", async () => {
    const c = client();
    await c.getBalance();
    await c.setUpPop3Users({
      domain: DOCS,
      bundleId: 5134,
      users: [{ userName: "james", password: "Resell9pw" }],
    });
    const log = await calls();
    expect(log.length).toBe(2);
    for (const call of log) {
      expect(call).toMatchObject({ method: "POST", format: "xml" });
      expect(call.params).toMatchObject({ uid: "[redacted]", pw: "[redacted]" });
    }
    expect(log[1]?.params).toMatchObject({
      command: "SetUpPOP3User",
      UserName1: "james",
      Password1: "[redacted]",
      BundleID: "5134",
    });
  });

  it("identical reads in flight make one request (single-flight)", async () => {
    await fault("GETPOP3", "latency", { latencyMs: 100, times: 1 });
    const c = client();
    const results = await Promise.all(Array.from({ length: 5 }, () => c.getPop3({ domain: DOCS })));
    expect(results.every((r) => r.paks[0]?.bundleId === 5134)).toBe(true);
    expect(await calls("GETPOP3")).toHaveLength(1);
  });
});

describe("faults", () => {
  it("hang: a read times out and is retried a bounded number of times", async () => {
    await fault("GETPOP3", "hang");
    const error = await failure(client({ timeoutMs: 150, readRetries: 2 }).getPop3({ domain: DOCS }));
    expect(error).toMatchObject({ name: "EnomUnavailable", reason: "timeout", attempts: 3 });
    expect(await calls("GETPOP3")).toHaveLength(3);
  });

  it("hang: a write times out once, outcome unknown, never retried", async () => {
    await fault("SETPAKRENEW", "hang");
    const error = await failure(
      client({ timeoutMs: 150 }).setPakRenew({ domain: DOCS, bundleId: 5134, autoRenew: false }),
    );
    expect(error).toMatchObject({
      name: "EnomUnavailable",
      reason: "timeout",
      outcome: "unknown",
      attempts: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await calls("SETPAKRENEW")).toHaveLength(1);
  });

  it("latency beyond the timeout is a timeout", async () => {
    await fault("GETBALANCE", "latency", { latencyMs: 500 });
    expect(await failure(client({ timeoutMs: 100, readRetries: 0 }).getBalance())).toMatchObject({
      reason: "timeout",
    });
  });

  it("http500 and reset: a read recovers when the fault passes; a write does not retry", async () => {
    await fault("GETPOP3", "http500", { times: 1 });
    expect((await client().getPop3({ domain: DOCS })).paks).toHaveLength(1);
    expect(await calls("GETPOP3")).toHaveLength(2);

    await fault("GETBALANCE", "reset", { times: 2 });
    expect((await client({ readRetries: 2 }).getBalance()).balance.cents).toBe(500_000);

    await fault("SETPAKRENEW", "http500", { times: 1 });
    expect(
      await failure(client().setPakRenew({ domain: DOCS, bundleId: 5134, autoRenew: false })),
    ).toMatchObject({
      reason: "http-status",
      httpStatus: 500,
      outcome: "unknown",
    });
    await fault("SETCATCHALL", "reset", { times: 1 });
    expect(await failure(client().setCatchAll({ domain: DOCS, catchAll: null }))).toMatchObject({
      reason: "network",
      outcome: "unknown",
    });
    expect(await calls("SETPAKRENEW")).toHaveLength(1);
    expect(await calls("SETCATCHALL")).toHaveLength(1);
  });

  it("malformed: a cut-off reply is EnomUnavailable, never a success", async () => {
    await fault("*", "malformed");
    const c = client({ readRetries: 0 });
    expect(await failure(c.getPop3({ domain: DOCS }))).toMatchObject({ name: "EnomUnavailable" });
    expect(await failure(c.getBalance())).toMatchObject({ name: "EnomUnavailable" });
    expect(
      await failure(
        c.setUpPop3Users({
          domain: DOCS,
          bundleId: 5134,
          users: [{ userName: "james", password: "Resell9pw" }],
        }),
      ),
    ).toMatchObject({ name: "EnomUnavailable", outcome: "unknown" });
  });

  it("error: eNom's message comes back as an EnomError, not retried", async () => {
    await fault("GETPOP3", "error", { message: "Service is down for maintenance" });
    expect(await failure(client().getPop3({ domain: DOCS }))).toMatchObject({
      name: "EnomError",
      errors: ["Service is down for maintenance"],
    });
    expect(await calls("GETPOP3")).toHaveLength(1);
  });

  it("partial: a batch where all but the first fail is a typed partial result", async () => {
    await fault("SETUPPOP3USER", "partial", { message: "Mailbox server busy", times: 1 });
    const result = await client().setUpPop3Users({
      domain: DOCS,
      bundleId: 5134,
      users: ["ann", "bob", "cy"].map((userName) => ({ userName, password: "Secret123x" })),
    });
    expect(result).toEqual({
      succeeded: ["ann"],
      failed: [
        { userName: "bob", reason: "Mailbox server busy" },
        { userName: "cy", reason: "Mailbox server busy" },
      ],
      unknown: [],
      trackingKey: expect.any(String),
    });
  });

  it("commit-then-drop: the write happened, the client says outcome unknown, and a read shows the truth", async () => {
    await fault("SETUPPOP3USER", "commit-then-drop", { times: 1 });
    const c = client();
    const error = await failure(
      c.setUpPop3Users({
        domain: DOCS,
        bundleId: 5134,
        users: [{ userName: "james", password: "Resell9pw" }],
      }),
    );
    expect(error).toBeInstanceOf(EnomUnavailable);
    expect(error).toMatchObject({ outcome: "unknown", kind: "write" });
    expect((await c.getPop3({ domain: DOCS })).mailboxes.map((m) => m.userName)).toEqual(["james"]);
    expect(await calls("SETUPPOP3USER")).toHaveLength(1);
  });

  it("no log line carries the password or a mailbox password, whatever happens", async () => {
    const log = bufferLogger();
    const c = client({ logger: log.logger, timeoutMs: 200, readRetries: 1 });
    const users = [{ userName: "james", password: "Resell9pw" }];
    await c.setUpPop3Users({ domain: DOCS, bundleId: 5134, users });
    await failure(c.setUpPop3Users({ domain: DOCS, bundleId: 999, users }));
    await fault("MODIFYPOP3", "commit-then-drop", { times: 1 });
    await failure(
      c.modifyPop3Users({
        domain: DOCS,
        bundleId: 5134,
        users: [{ userName: "james", password: "Changed77x" }],
      }),
    );
    await fault("GETPOP3", "hang", { times: 2 });
    await failure(c.getPop3({ domain: DOCS }));
    const text = log.text();
    expect(log.lines.length).toBeGreaterThanOrEqual(5);
    for (const secret of ["resellpw", "Resell9pw", "Changed77x"]) expect(text).not.toContain(secret);
  });
});
