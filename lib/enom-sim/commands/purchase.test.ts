import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enomErrors } from "../errors";
import { DOCS_BUNDLE_ID, RETAIL } from "../seed";
import {
  domainParamsOf,
  errorsOf,
  findDomain,
  items,
  parseTextReply,
  repeatedItems,
  seededWorld,
  startTestSimulator,
  text,
  texts,
  type TestSimulator,
  type XmlObject,
} from "../testing";
import { isExpired } from "../world";

const QUICK_START = { sld: "enom-email-example-123", tld: "com" };
const DOCS = { sld: "resellerdocs", tld: "com" };
const RETAIL_LOGIN = { uid: RETAIL.uid, pw: RETAIL.pw };
const IP = { EndUserIP: "203.0.113.7" };
const world = seededWorld();

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

const bundles = (reply: XmlObject) => repeatedItems(reply.Bundles);
const bundle = (reply: XmlObject) => bundles(reply)[0] ?? {};
const balance = async () => text((await sim.ok("GetBalance")).Balance);
const paksOf = async (domain: { sld: string; tld: string }) =>
  items((await sim.ok("GetPOP3", domain)).Paks, "Pak");
const pak5134 = async () => (await paksOf(DOCS)).find((pak) => text(pak.BundleId) === String(DOCS_BUNDLE_ID));

describe("PurchaseServices, the quick start (service=pop3)", () => {
  it("buys 10 boxes of 1 GB for a year by default, for $10 from the balance", async () => {
    const reply = await sim.ok("PurchaseServices", { service: "pop3", ...QUICK_START });
    expect(text(reply.OrderAmount)).toBe("10");
    expect(bundle(reply)).toMatchObject({
      ActionType: "Create",
      Quantity: "10",
      Capacity: "1",
      BillingPeriod: "year",
      ExpDate: "6/15/2026",
    });
    expect(await balance()).toBe("4,990.00");
  });

  it("reads Quantity as packs of 10 when QuantityUnit is absent, as eNom documents the default", async () => {
    const reply = await sim.ok("PurchaseServices", { service: "pop3", ...QUICK_START, quantity: 2 });
    expect(bundle(reply)).toMatchObject({ Quantity: "20", TotalQuantity: "20" });
    expect(text(reply.OrderAmount)).toBe("20");
  });

  it("multiplies packs by 10 and prices by capacity", async () => {
    const reply = await sim.ok("PurchaseServices", {
      service: "pop3",
      ...QUICK_START,
      quantity: 2,
      quantityunit: "packs",
      capacity: 10,
    });
    expect(bundle(reply)).toMatchObject({ Quantity: "20", TotalQuantity: "20", Capacity: "10" });
    expect(text(reply.OrderAmount)).toBe("140");
    const [pak] = await paksOf(QUICK_START);
    expect(pak).toMatchObject({
      QtyPurchased: "20",
      QtyAvailable: "20",
      Quota: "10240",
      ProdType: "2011",
      Version: "3",
    });
  });

  it("bills a month at a time when asked, with the expiry a month out", async () => {
    const reply = await sim.ok("PurchaseServices", {
      service: "pop3",
      ...QUICK_START,
      quantity: 3,
      quantityunit: "boxes",
      capacity: 5,
      billingperiod: "Month",
    });
    expect(bundle(reply)).toMatchObject({ BillingPeriod: "month", ExpDate: "7/15/2025" });
    expect(text(reply.OrderAmount)).toBe("1.20");
  });

  it("buys twice when the same purchase is sent twice: eNom has no idempotency", async () => {
    const query = { service: "pop3", ...QUICK_START, quantity: 15, quantityunit: "boxes" };
    const first = await sim.ok("PurchaseServices", query);
    const second = await sim.ok("PurchaseServices", query);
    expect(text(bundle(first).BundleID)).toBe("1004279");
    expect(text(bundle(second).BundleID)).toBe("1004280");
    expect(Number(text(second.orderid))).toBe(Number(text(first.orderid)) + 1);
    expect(await balance()).toBe("4,970.00");
    expect(await paksOf(QUICK_START)).toHaveLength(2);
  });

  it("refuses an order the balance cannot pay, changing nothing", async () => {
    await sim.control("/_sim/balance", { method: "POST", body: { balance: 14.99 } });
    const fifteen = { service: "pop3", ...QUICK_START, quantity: 15, quantityunit: "boxes" };
    const errors = await sim.refused("PurchaseServices", fifteen);
    expect(errors).toEqual([enomErrors.insufficientFunds("$15", "$14.99")]);
    expect(await balance()).toBe("14.99");
    expect(await paksOf(QUICK_START)).toHaveLength(0);
    await sim.control("/_sim/balance", { method: "POST", body: { balance: 15 } });
    const reply = await sim.ok("PurchaseServices", fifteen);
    expect(text(bundle(reply).BundleID)).toBe("1004279");
    expect(text(reply.orderid)).toBe("161786106");
    expect(await balance()).toBe("0.00");
  });

  it.each([
    [{ capacity: 2 }, enomErrors.notPermitted("Capacity", ["1", "3", "5", "10"])],
    [{ billingperiod: "week" }, enomErrors.notPermitted("BillingPeriod", ["month", "year"])],
    [{ quantityunit: "dozens" }, enomErrors.notPermitted("QuantityUnit", ["packs", "boxes"])],
    [{ quantity: 1000 }, enomErrors.notWholeNumber("Quantity", 1, 999)],
    [{ quantity: 0 }, enomErrors.notWholeNumber("Quantity", 1, 999)],
    [{ quantity: "5x" }, enomErrors.notWholeNumber("Quantity", 1, 999)],
    [{ service: "imap" }, enomErrors.notPermitted("Service", ["pop3"])],
    [{ EndUserIP: "300.1.2.3" }, enomErrors.badEndUserIp],
    [{ EndUserIP: "203.000.113.0007" }, enomErrors.tooLong("EndUserIP", 15)],
    [{ sld: "a".repeat(64) }, enomErrors.tooLong("SLD", 63)],
    [{ tld: "c".repeat(16) }, enomErrors.tooLong("TLD", 15)],
    [{ sld: "" }, enomErrors.missing("SLD")],
  ])("refuses %j", async (change, error) => {
    expect(await sim.refused("PurchaseServices", { service: "pop3", ...QUICK_START, ...change })).toEqual([
      error,
    ]);
    expect(await balance()).toBe("5,000.00");
  });

  it("sells email only for domains registered with the account or on its DNS hosting", async () => {
    const pending = findDomain(
      world,
      (domain) => domain.status === "TransferPending",
      "transfer-pending domain",
    );
    const hosted = findDomain(world, (domain) => domain.status === "DNSHosted", "DNS-hosted domain");
    expect(await sim.refused("PurchaseServices", { service: "pop3", ...domainParamsOf(pending) })).toEqual([
      enomErrors.emailNotAvailable,
    ]);
    await sim.ok("PurchaseServices", { service: "pop3", ...domainParamsOf(hosted) });
  });

  it("answers 'Domain name not found' for another account's domain and for unknown ones", async () => {
    expect(
      await sim.refused("PurchaseServices", { service: "pop3", sld: "hilltop-pottery", tld: "com" }),
    ).toEqual([enomErrors.domainNotFound]);
    expect(
      await sim.refused("PurchaseServices", { service: "pop3", sld: "no-such-domain", tld: "com" }),
    ).toEqual([enomErrors.domainNotFound]);
  });
});

describe("PurchaseServices, the ProductType form", () => {
  it("requires EndUserIP in NNN.NNN.NNN.NNN form", async () => {
    expect(await sim.refused("PurchaseServices", { ProductType: "POP", ...DOCS })).toEqual([
      enomErrors.missing("EndUserIP"),
    ]);
    expect(
      await sim.refused("PurchaseServices", { ProductType: "POP", ...DOCS, EndUserIP: "localhost" }),
    ).toEqual([enomErrors.badEndUserIp]);
  });

  it("refuses unknown product types, and ClearItems other than yes or alone", async () => {
    expect(await sim.refused("PurchaseServices", { ProductType: "Domain", ...DOCS, ...IP })).toEqual([
      enomErrors.notPermitted("ProductType", ["POP", "Renew-POP", "EmailStorage", "Mailbox"]),
    ]);
    expect(
      await sim.refused("PurchaseServices", { ProductType: "POP", ClearItems: "no", ...DOCS, ...IP }),
    ).toEqual([enomErrors.notPermitted("ClearItems", ["yes"])]);
    expect(await sim.refused("PurchaseServices", { ClearItems: "yes", ...DOCS, ...IP })).toEqual([
      enomErrors.clearItemsAlone,
    ]);
    await sim.ok("PurchaseServices", { ProductType: "pop", ClearItems: "yes", ...DOCS, ...IP });
  });

  it("POP buys Quantity classic 10-mailbox paks, one pak and one Bundles element each", async () => {
    const reply = await sim.ok("PurchaseServices", { ProductType: "POP", Quantity: 2, ...DOCS, ...IP });
    expect(bundles(reply)).toMatchObject([
      { ActionType: "Create", BundleID: "1004279", Quantity: "10", Capacity: "1", Period: "1" },
      { ActionType: "Create", BundleID: "1004280", Quantity: "10" },
    ]);
    expect(text(reply.BundleCount)).toBe("2");
    expect(text(reply.OrderAmount)).toBe("20");
    const paks = await paksOf(DOCS);
    expect(paks.slice(-2)).toMatchObject([
      { QtyPurchased: "10", ProdType: "38", Quota: "1024" },
      { QtyPurchased: "10", ProdType: "38", Quota: "1024" },
    ]);
  });

  it("Renew-POP adds Quantity years from the current expiry while it is ahead", async () => {
    expect(text((await pak5134())?.ExpDate)).toMatch(/^4\/11\/2026 /);
    const reply = await sim.ok("PurchaseServices", {
      ProductType: "Renew-POP",
      ProductID: DOCS_BUNDLE_ID,
      Quantity: 2,
      ...DOCS,
      ...IP,
    });
    expect(bundle(reply)).toMatchObject({ ActionType: "Renew", Period: "2", ExpDate: "4/11/2028" });
    expect(text(reply.OrderAmount)).toBe("20");
    expect(text((await pak5134())?.ExpDate)).toMatch(/^4\/11\/2028 /);
  });

  it("renews an expired pak from today", async () => {
    const expired = findDomain(
      world,
      (domain) => domain.paks.some((pak) => isExpired(pak, "2025-06-15")),
      "expired pak",
    );
    const pak = expired.paks.find((candidate) => isExpired(candidate, "2025-06-15"));
    const reply = await sim.ok("PurchaseServices", {
      ProductType: "Renew-POP",
      ProductID: pak?.bundleId ?? 0,
      ...domainParamsOf(expired),
      ...IP,
    });
    expect(text(bundle(reply).ExpDate)).toBe("6/15/2026");
  });

  it("EmailStorage adds 512 MB per unit to every mailbox of the pak", async () => {
    const reply = await sim.ok("PurchaseServices", {
      ProductType: "EmailStorage",
      ProductID: DOCS_BUNDLE_ID,
      Quantity: 2,
      ...DOCS,
      ...IP,
    });
    expect(bundle(reply)).toMatchObject({ ActionType: "Storage", Quantity: "2", TotalQuantity: "2" });
    // 2 units × 10 mailboxes × $0.50 for the one year left on the pak.
    expect(text(reply.OrderAmount)).toBe("10");
    expect(text((await pak5134())?.Quota)).toBe("2048");
  });

  it("Mailbox Create makes a new pak for TimeQuantity TimeUnits", async () => {
    const reply = await sim.ok("PurchaseServices", {
      ProductType: "Mailbox",
      Quantity: 4,
      QuantityUnit: "boxes",
      Capacity: 3,
      TimeUnit: "Month",
      TimeQuantity: 3,
      ...QUICK_START,
      ...IP,
    });
    expect(bundle(reply)).toMatchObject({
      ActionType: "Create",
      Quantity: "4",
      Capacity: "3",
      Period: "3",
      BillingPeriod: "month",
      ExpDate: "9/15/2025",
    });
    expect(text(reply.OrderAmount)).toBe("3");
  });

  it("Mailbox Create with ProductID adds mailboxes to that pak; Renew extends it", async () => {
    const created = await sim.ok("PurchaseServices", {
      service: "pop3",
      ...QUICK_START,
      quantity: 5,
      quantityunit: "boxes",
    });
    const bundleId = text(bundle(created).BundleID);
    const grown = await sim.ok("PurchaseServices", {
      ProductType: "Mailbox",
      ProductID: bundleId,
      Quantity: 3,
      QuantityUnit: "boxes",
      ...QUICK_START,
      ...IP,
    });
    expect(bundle(grown)).toMatchObject({
      ActionType: "Create",
      BundleID: bundleId,
      Quantity: "3",
      TotalQuantity: "8",
    });
    const renewed = await sim.ok("PurchaseServices", {
      ProductType: "Mailbox",
      ActionType: "Renew",
      ProductID: bundleId,
      TimeQuantity: 2,
      ...QUICK_START,
      ...IP,
    });
    expect(bundle(renewed)).toMatchObject({
      ActionType: "Renew",
      Period: "2",
      ExpDate: "6/15/2028",
      Quantity: "8",
    });
    expect(text(renewed.OrderAmount)).toBe("16");
    expect(
      await sim.refused("PurchaseServices", {
        ProductType: "Mailbox",
        ActionType: "Renew",
        ProductID: DOCS_BUNDLE_ID,
        ...DOCS,
        ...IP,
      }),
    ).toEqual([enomErrors.notMailboxProduct(DOCS_BUNDLE_ID)]);
  });

  it.each([
    [{ TimeQuantity: 13 }, enomErrors.notWholeNumber("TimeQuantity", 1, 12)],
    [{ TimeQuantity: "0012" }, enomErrors.tooLong("TimeQuantity", 3)],
    [{ TimeUnit: "Week" }, enomErrors.notPermitted("TimeUnit", ["Year", "Month"])],
    [{ ActionType: "Cancel" }, enomErrors.notPermitted("ActionType", ["Create", "Renew"])],
    [{ ActionType: "Renew" }, enomErrors.missing("ProductID")],
    [{ ProductID: "12345678901" }, enomErrors.tooLong("ProductID", 10)],
    [{ ProductID: 999 }, enomErrors.bundleNotFound(999)],
  ])("Mailbox refuses %j", async (change, error) => {
    expect(
      await sim.refused("PurchaseServices", { ProductType: "Mailbox", ...QUICK_START, ...IP, ...change }),
    ).toEqual([error]);
  });
});

describe("PurchasePOPBundle", () => {
  it("buys Quantity classic 10-paks, answering one BundleID per pak", async () => {
    const reply = await sim.ok("PurchasePOPBundle", { ...QUICK_START, Quantity: 3 });
    expect(text(reply.orderid)).toBe("161786106");
    expect(texts(bundle(reply).BundleID)).toEqual(["1004279", "1004280", "1004281"]);
    expect(text(reply.BundleCount)).toBe("3");
    expect(await paksOf(QUICK_START)).toMatchObject([
      { BundleId: "1004279", QtyPurchased: "10", ProdType: "38" },
      { BundleId: "1004280", QtyPurchased: "10", ProdType: "38" },
      { BundleId: "1004281", QtyPurchased: "10", ProdType: "38" },
    ]);
    expect(await balance()).toBe("4,970.00");
  });

  it("numbers the BundleIDs in Text, as its page's Text sample shows", async () => {
    const body = await (
      await sim.get(
        "command=PurchasePOPBundle&uid=resellid&pw=resellpw&sld=enom-email-example-123&tld=com&Quantity=2",
      )
    ).text();
    const reply = parseTextReply(body);
    expect([
      reply.get("orderid"),
      reply.get("BundleID1"),
      reply.get("BundleID2"),
      reply.get("BundleCount"),
    ]).toEqual(["161786106", "1004279", "1004280", "2"]);
  });

  it("requires Quantity, as its page's table does", async () => {
    expect(await sim.refused("PurchasePOPBundle", QUICK_START)).toEqual([enomErrors.missing("Quantity")]);
  });

  it("is for reseller accounts only", async () => {
    expect(
      await sim.refused("PurchasePOPBundle", { sld: "quiet-cove-books", tld: "org", ...RETAIL_LOGIN }),
    ).toEqual([enomErrors.resellerOnly]);
  });
});

describe("RenewPOPBundle", () => {
  it("renews Quantity years from the balance and answers only `orderid`", async () => {
    const reply = await sim.ok("RenewPOPBundle", {
      ...DOCS,
      PakID: DOCS_BUNDLE_ID,
      Quantity: 2,
      UseCreditCard: "no",
    });
    expect(text(reply.orderid)).toBe("161786106");
    expect(Object.keys(reply)[0]).toBe("orderid");
    expect(Object.keys(reply)[1]).toBe("Command");
    expect(text((await pak5134())?.ExpDate)).toMatch(/^4\/11\/2028 /);
    expect(await balance()).toBe("4,980.00");
  });

  it("refuses a Mailbox pak, which PurchaseServices ProductType=Mailbox ActionType=Renew renews", async () => {
    const mailboxDomain = findDomain(
      world,
      (domain) => domain.paks.some((pak) => pak.prodType === 2011),
      "Mailbox pak",
    );
    const pak = mailboxDomain.paks.find((candidate) => candidate.prodType === 2011);
    expect(
      await sim.refused("RenewPOPBundle", {
        ...domainParamsOf(mailboxDomain),
        PakID: pak?.bundleId ?? 0,
        Quantity: 1,
      }),
    ).toEqual([enomErrors.notPopPak(pak?.bundleId ?? 0)]);
  });

  it("refuses card payment: POP email does not go through eNom's card processing", async () => {
    const errors = await sim.refused("RenewPOPBundle", {
      ...DOCS,
      PakID: DOCS_BUNDLE_ID,
      Quantity: 1,
      UseCreditCard: "yes",
      CreditCardNumber: "4111111111111111",
      CVV2: "123",
    });
    expect(errors).toEqual([enomErrors.noCardProcessing]);
    expect(await balance()).toBe("5,000.00");
  });

  it("is for reseller accounts only", async () => {
    expect(
      await sim.refused("RenewPOPBundle", {
        sld: "hilltop-pottery",
        tld: "com",
        PakID: 5200,
        Quantity: 1,
        ...RETAIL_LOGIN,
      }),
    ).toEqual([enomErrors.resellerOnly]);
  });

  it.each([
    [{ Quantity: 11 }, enomErrors.notWholeNumber("Quantity", 1, 10)],
    [{ Quantity: "100" }, enomErrors.tooLong("Quantity", 2)],
    [{ Quantity: "" }, enomErrors.missing("Quantity")],
    [{ PakID: "" }, enomErrors.missing("PakID")],
    [{ PakID: 5200 }, enomErrors.bundleNotFound(5200)],
    [{ UseCreditCard: "y" }, enomErrors.notPermitted("UseCreditCard", ["yes", "no"])],
  ])("refuses %j", async (change, error) => {
    expect(
      await sim.refused("RenewPOPBundle", { ...DOCS, PakID: DOCS_BUNDLE_ID, Quantity: 1, ...change }),
    ).toEqual([error]);
  });

  it("refuses a renewal the balance cannot pay", async () => {
    await sim.control("/_sim/balance", { method: "POST", body: { balance: "9.99" } });
    expect(
      errorsOf(await sim.call("RenewPOPBundle", { ...DOCS, PakID: DOCS_BUNDLE_ID, Quantity: 1 })),
    ).toEqual([enomErrors.insufficientFunds("$10", "$9.99")]);
    expect(text((await pak5134())?.ExpDate)).toMatch(/^4\/11\/2026 /);
  });
});
