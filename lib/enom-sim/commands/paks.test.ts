import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enomDate } from "../dates";
import { enomErrors } from "../errors";
import { DOCS_BUNDLE_ID, DOCS_DOMAIN_NAME_ID, DOCS_EMPTY_BUNDLE_ID, DOCS_RENEW_BUNDLE_ID } from "../seed";
import {
  domainParamsOf,
  findDomain,
  items,
  parseTextReply,
  repeatedItems,
  seededWorld,
  startTestSimulator,
  text,
  type TestSimulator,
} from "../testing";
import { freeMailboxes, isExpired, quotaMb } from "../world";

const DOCS = { sld: "resellerdocs", tld: "com" };
const world = seededWorld();
const busy = findDomain(
  world,
  (domain) => domain.paks.length === 2 && domain.mailboxes.length > 2,
  "domain with two paks and mailboxes",
);
const twoCurrentPaks = findDomain(
  world,
  (domain) =>
    domain.paks.length === 2 &&
    domain.paks.every((pak) => !isExpired(pak, "2025-06-15")) &&
    domain.mailboxes.length > 0 &&
    domain.mailboxes.every((mailbox) => mailbox.userName.length <= 16),
  "domain with two current paks and mailboxes",
);
const mailboxPakDomain = findDomain(
  world,
  (domain) => domain.paks.some((pak) => pak.prodType === 2011),
  "domain with a Mailbox pak",
);

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

const paksOf = async (domain: { sld: string; tld: string }) =>
  items((await sim.ok("GetPOP3", domain)).Paks, "Pak");

describe("GetPOP3's paks", () => {
  it("lists each pak with what is bought, free, its expiry, auto-renew, quota, product and version", async () => {
    expect(await paksOf(domainParamsOf(busy))).toEqual(
      busy.paks.map((pak) => ({
        BundleId: String(pak.bundleId),
        QtyPurchased: String(pak.qtyPurchased),
        QtyAvailable: String(freeMailboxes(busy, pak)),
        ExpDate: expect.stringContaining(enomDate(pak.expDate)) as unknown,
        AutoRenew: pak.autoRenew ? "1" : "0",
        Quota: String(quotaMb(pak)),
        ProdType: String(pak.prodType),
        Version: String(pak.version),
      })),
    );
  });

  it("writes a classic pak's expiry with a time, a Mailbox pak's as a bare date in CDATA", async () => {
    const docs = await (
      await sim.get("command=GetPOP3&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&responsetype=xml")
    ).text();
    expect(docs).toMatch(/<ExpDate>\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M<\/ExpDate>/);
    const pak = mailboxPakDomain.paks.find((candidate) => candidate.prodType === 2011);
    const body = await (
      await sim.get(
        `command=GetPOP3&uid=resellid&pw=resellpw&sld=${mailboxPakDomain.sld}&tld=${mailboxPakDomain.tld}&responsetype=xml`,
      )
    ).text();
    expect(body).toContain(`<ExpDate><![CDATA[ ${enomDate(pak?.expDate ?? "")} ]]></ExpDate>`);
  });
});

describe("SetPakRenew", () => {
  it("turns a pak's auto-renew off and on, answering as seeds/002 shows", async () => {
    const off = await sim.ok("SetPakRenew", { ...DOCS, BundleID: DOCS_BUNDLE_ID, AutoPakRenew: 0 });
    expect(off).toMatchObject({ PakUpdated: "5134", AutoPakRenew: "0", success: "True" });
    const autoRenewOf5134 = async () =>
      text((await paksOf(DOCS)).find((pak) => text(pak.BundleId) === "5134")?.AutoRenew);
    expect(await autoRenewOf5134()).toBe("0");
    await sim.ok("SetPakRenew", { ...DOCS, BundleID: DOCS_BUNDLE_ID, AutoPakRenew: 1 });
    expect(await autoRenewOf5134()).toBe("1");
  });

  it("names the domain by DomainNameID, as its page's example does", async () => {
    await sim.ok("SetPakRenew", {
      DomainNameID: DOCS_DOMAIN_NAME_ID,
      BundleID: DOCS_RENEW_BUNDLE_ID,
      AutoPakRenew: 0,
    });
    expect(text((await paksOf(DOCS))[0]?.AutoRenew)).toBe("0");
    expect(await sim.refused("SetPakRenew", { DomainNameID: 1, BundleID: 5105, AutoPakRenew: 0 })).toEqual([
      enomErrors.domainNotFound,
    ]);
  });

  it.each([
    [{ BundleID: DOCS_BUNDLE_ID, AutoPakRenew: 2 }, enomErrors.notPermitted("AutoPakRenew", ["1", "0"])],
    [{ BundleID: DOCS_BUNDLE_ID, AutoPakRenew: "10" }, enomErrors.tooLong("AutoPakRenew", 1)],
    [{ BundleID: DOCS_BUNDLE_ID }, enomErrors.missing("AutoPakRenew")],
    [{ AutoPakRenew: 1 }, enomErrors.missing("BundleID")],
    [{ BundleID: 5200, AutoPakRenew: 1 }, enomErrors.bundleNotFound(5200)],
    [{ BundleID: "51x4", AutoPakRenew: 1 }, enomErrors.notWholeNumber("BundleID", 1, 9_999_999_999)],
  ])("refuses %j", async (change, error) => {
    expect(await sim.refused("SetPakRenew", { ...DOCS, ...change })).toEqual([error]);
  });
});

describe("DeletePOPPak and DeleteAllPOPPaks", () => {
  it("deletes an empty pak, answering no fields of its own", async () => {
    const reply = await sim.ok("DeletePOPPak", { ...DOCS, BundleID: DOCS_EMPTY_BUNDLE_ID });
    expect(Object.keys(reply).slice(0, 1)).toEqual(["Command"]);
    expect((await paksOf(DOCS)).map((pak) => text(pak.BundleId))).toEqual(["5105", "5134"]);
    expect(await sim.refused("DeletePOPPak", { ...DOCS, BundleID: DOCS_EMPTY_BUNDLE_ID })).toEqual([
      enomErrors.bundleNotFound(DOCS_EMPTY_BUNDLE_ID),
    ]);
  });

  it("refuses a pak that still has mailboxes and deletes nothing", async () => {
    expect(await sim.refused("DeletePOPPak", { ...DOCS, BundleID: DOCS_RENEW_BUNDLE_ID })).toEqual([
      enomErrors.pakNotEmpty(DOCS_RENEW_BUNDLE_ID, 3),
    ]);
    const reply = await sim.ok("GetPOP3", DOCS);
    expect(text(reply.EmailCount)).toBe("3");
    expect(text(reply.Count)).toBe("3");
  });

  it("deletes every pak once all are empty, answering PaksRemoved", async () => {
    expect(await sim.refused("DeleteAllPOPPaks", domainParamsOf(twoCurrentPaks))).toEqual([
      enomErrors.paksNotEmpty(twoCurrentPaks.mailboxes.length),
    ]);
    expect(await paksOf(domainParamsOf(twoCurrentPaks))).toHaveLength(2);
    const names = Object.fromEntries(
      twoCurrentPaks.mailboxes.map((mailbox, index) => [`UserName${index + 1}`, mailbox.userName]),
    );
    await sim.ok("DeletePOP3", { ...domainParamsOf(twoCurrentPaks), ...names });
    expect(await sim.ok("DeleteAllPOPPaks", domainParamsOf(twoCurrentPaks))).toMatchObject({
      PaksRemoved: "2",
    });
    expect(await sim.ok("GetPOP3", domainParamsOf(twoCurrentPaks))).toMatchObject({
      EmailCount: "0",
      Count: "0",
    });
    expect(await sim.ok("DeleteAllPOPPaks", domainParamsOf(twoCurrentPaks))).toMatchObject({
      PaksRemoved: "0",
    });
  });

  it("answers PaksRemoved for resellerdocs.com once its three mailboxes are gone", async () => {
    await sim.ok("DeletePOP3", { ...DOCS, UserName1: "john", UserName2: "jane", UserName3: "Jane.Doe" });
    expect(await sim.ok("DeleteAllPOPPaks", DOCS)).toMatchObject({ PaksRemoved: "3" });
  });
});

describe("GetPOPExpirations", () => {
  it("lists every pak of the account as popexpirations/pop{domain, bundleid, expdate} with count", async () => {
    const reply = await sim.ok("GetPOPExpirations");
    const container = reply.popexpirations;
    if (typeof container !== "object" || Array.isArray(container)) throw new Error("no popexpirations");
    const pops = repeatedItems(container.pop);
    const expected = [...world.domains.values()]
      .filter((domain) => domain.account === "resellid")
      .flatMap((domain) => domain.paks);
    expect(text(container.count)).toBe(String(expected.length));
    expect(pops).toHaveLength(expected.length);
    expect(pops.find((pop) => text(pop.bundleid) === "5134")).toEqual({
      domain: "resellerdocs.com",
      bundleid: "5134",
      expdate: expect.stringMatching(/^4\/11\/2026 \d{1,2}:\d{2}:\d{2} [AP]M$/) as unknown,
    });
    expect(JSON.stringify(pops)).not.toContain("hilltop-pottery.com");
  });

  it("adds renew and version in Text, as its page's Text sample shows", async () => {
    const reply = parseTextReply(
      await (await sim.get("command=GetPOPExpirations&uid=resellid&pw=resellpw")).text(),
    );
    expect(reply.get("domain1")).toMatch(/\./);
    expect(reply.get("renew1")).toMatch(/^(True|False)$/);
    expect(reply.get("version1")).toMatch(/^[23]$/);
    expect(reply.get("success")).toBe("True");
    expect(Number(reply.get("count"))).toBeGreaterThan(10);
  });
});
