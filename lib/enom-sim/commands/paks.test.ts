import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enomDate } from "../dates";
import { enomErrors } from "../errors";
import { DOCS_BUNDLE_ID } from "../seed";
import {
  domainParamsOf,
  findDomain,
  items,
  parseHtmlReply,
  parseTextReply,
  seededWorld,
  startTestSimulator,
  text,
  type TestSimulator,
} from "../testing";
import { freeMailboxes, quotaMb } from "../world";

const DOCS = { sld: "resellerdocs", tld: "com" };
const world = seededWorld();
const busy = findDomain(
  world,
  (domain) => domain.paks.length === 2 && domain.mailboxes.length > 2,
  "domain with two paks and mailboxes",
);

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

describe("GetPOP3", () => {
  it("lists a domain's mailboxes and paks as the simulator's truth has them", async () => {
    const reply = await sim.ok("GetPOP3", domainParamsOf(busy));
    expect(text(reply.EmailCount)).toBe(String(busy.mailboxes.length));
    expect(text(reply.Count)).toBe("2");
    expect(items(reply.Emails, "Email")).toEqual(
      busy.mailboxes.map((mailbox) => ({
        UserName: mailbox.userName,
        DisplayName: mailbox.displayName,
        BundleId: String(mailbox.bundleId),
        IsAdmin: mailbox.isAdmin ? "1" : "0",
        ForwardTo: mailbox.forwardTo,
      })),
    );
    expect(items(reply.Paks, "Pak")).toEqual(
      busy.paks.map((pak) => ({
        BundleId: String(pak.bundleId),
        QtyPurchased: String(pak.qtyPurchased),
        QtyAvailable: String(freeMailboxes(busy, pak)),
        ExpDate: ` ${enomDate(pak.expDate)} `,
        AutoRenew: pak.autoRenew ? "1" : "0",
        Quota: String(quotaMb(pak)),
        ProdType: String(pak.prodType),
        Version: String(pak.version),
      })),
    );
  });

  it("answers a domain without email with empty lists, not an error", async () => {
    const reply = await sim.ok("GetPOP3", { sld: "enom-email-example-123", tld: "com" });
    expect(reply).toMatchObject({
      EmailCount: "0",
      Count: "0",
      Emails: "",
      Paks: "",
      Successful: "True",
      Success: "True",
    });
  });

  it("answers the same facts in Text and HTML, lists numbered and paks prefixed", async () => {
    const query = `command=getpop3&uid=resellid&pw=resellpw&sld=${busy.sld}&tld=${busy.tld}`;
    for (const reply of [
      parseTextReply(await (await sim.get(query)).text()),
      parseHtmlReply(await (await sim.get(`${query}&responsetype=HTML`)).text()),
    ]) {
      expect(reply.get("EmailCount")).toBe(String(busy.mailboxes.length));
      expect(reply.get("UserName1")).toBe(busy.mailboxes[0]?.userName);
      expect(reply.get("PakBundleId2")).toBe(String(busy.paks[1]?.bundleId));
      expect(reply.get("PakExpDate1")).toBe(enomDate(busy.paks[0]?.expDate ?? ""));
      expect(reply.get("Command")).toBe("GETPOP3");
      expect(reply.get("ErrCount")).toBe("0");
      expect(reply.get("Done")).toBe("true");
    }
  });

  it.each([
    [{ sld: "resellerdocs" }, enomErrors.missing("TLD")],
    [{ tld: "com" }, enomErrors.missing("SLD")],
    [{ sld: "hilltop-pottery", tld: "com" }, enomErrors.domainNotFound],
  ])("refuses %j", async (params, error) => {
    expect(await sim.refused("GetPOP3", params)).toEqual([error]);
  });
});

describe("SetPakRenew", () => {
  it("turns a pak's auto-renew off and on", async () => {
    const off = await sim.ok("SetPakRenew", { ...DOCS, BundleID: DOCS_BUNDLE_ID, AutoPakRenew: 0 });
    expect(off).toMatchObject({ DomainRRP: "E", PakUpdated: "5134", AutoPakRenew: "0", success: "True" });
    expect(text(items((await sim.ok("GetPOP3", DOCS)).Paks, "Pak")[0]?.AutoRenew)).toBe("0");
    await sim.ok("SetPakRenew", { ...DOCS, BundleID: DOCS_BUNDLE_ID, AutoPakRenew: 1 });
    expect(text(items((await sim.ok("GetPOP3", DOCS)).Paks, "Pak")[0]?.AutoRenew)).toBe("1");
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
  it("deletes one pak with its mailboxes", async () => {
    const [first, second] = busy.paks;
    const reply = await sim.ok("DeletePOPPak", { ...domainParamsOf(busy), BundleID: first?.bundleId ?? 0 });
    const inFirst = busy.mailboxes.filter((mailbox) => mailbox.bundleId === first?.bundleId).length;
    expect(reply).toMatchObject({
      PakDeleted: String(first?.bundleId),
      AccountsDeleted: String(inFirst),
      Success: "True",
    });
    const after = await sim.ok("GetPOP3", domainParamsOf(busy));
    expect(items(after.Paks, "Pak").map((pak) => text(pak.BundleId))).toEqual([String(second?.bundleId)]);
    expect(
      items(after.Emails, "Email").every((mailbox) => text(mailbox.BundleId) === String(second?.bundleId)),
    ).toBe(true);
    expect(
      await sim.refused("DeletePOPPak", { ...domainParamsOf(busy), BundleID: first?.bundleId ?? 0 }),
    ).toEqual([enomErrors.bundleNotFound(first?.bundleId ?? 0)]);
  });

  it("deletes every pak of a domain, and refuses when there is none", async () => {
    const reply = await sim.ok("DeleteAllPOPPaks", domainParamsOf(busy));
    expect(reply).toMatchObject({
      PaksDeleted: "2",
      AccountsDeleted: String(busy.mailboxes.length),
      Success: "True",
    });
    expect(await sim.ok("GetPOP3", domainParamsOf(busy))).toMatchObject({ EmailCount: "0", Count: "0" });
    expect(await sim.refused("DeleteAllPOPPaks", domainParamsOf(busy))).toEqual([enomErrors.noPaks]);
  });
});

describe("GetPOPExpirations", () => {
  it("lists every pak of the account, soonest expiry first", async () => {
    const reply = await sim.ok("GetPOPExpirations");
    const paks = items(reply.PopExpirations, "Pak");
    const expected = [...world.domains.values()]
      .filter((domain) => domain.account === "resellid")
      .flatMap((domain) => domain.paks);
    expect(text(reply.PakCount)).toBe(String(expected.length));
    expect(paks).toHaveLength(expected.length);
    const dates = paks.map((pak) => new Date(text(pak.ExpDate)).getTime());
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
    expect(paks.find((pak) => text(pak.BundleId) === "5134")).toMatchObject({
      DomainName: "resellerdocs.com",
      ExpDate: "4/11/2026",
      AutoRenew: "1",
      QtyPurchased: "10",
      QtyAvailable: "10",
      Quota: "1024",
      ProdType: "17",
      BillingPeriod: "year",
    });
    expect(paks.some((pak) => text(pak.DomainName) === "hilltop-pottery.com")).toBe(false);
  });
});
