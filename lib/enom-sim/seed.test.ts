import { describe, expect, it } from "vitest";
import { SLD_PATTERN, TLD_PATTERN, userNameProblem } from "../validation/enom-rules";
import { addDays, daysBetween } from "./dates";
import {
  DOCS_BUNDLE_ID,
  DOCS_DOMAIN,
  FIRST_NEW_BUNDLE_ID,
  generatedDomain,
  generatedDomainName,
  QUICK_START_DOMAIN,
  seedWorld,
} from "./seed";
import { startEnomSimulator } from "./server";
import { freeMailboxes, type Domain } from "./world";

const ANCHOR = "2025-06-15";
const world = seedWorld({ domainCount: 40, anchor: ANCHOR });
const generated = [...world.domains.values()].filter((domain) => domain.domainNameId >= 152_600_000);
const allPaks = generated.flatMap((domain) => domain.paks.map((pak) => ({ domain, pak })));

describe("the seeded world", () => {
  it("is the same on every build", () => {
    const again = seedWorld({ domainCount: 40, anchor: ANCHOR });
    expect([...again.domains.values()]).toEqual([...world.domains.values()]);
  });

  it("gives domain i the same shape whatever the domain count", () => {
    expect(
      seedWorld({ domainCount: 400, anchor: ANCHOR }).domains.get(
        `${generatedDomainName(17).sld}.${generatedDomainName(17).tld}`,
      ),
    ).toEqual(generatedDomain(17, ANCHOR));
  });

  it("has the documents' domains ready for their examples", () => {
    const docs = world.domains.get(DOCS_DOMAIN);
    expect(docs?.paks.map((pak) => pak.bundleId)).toEqual([DOCS_BUNDLE_ID]);
    expect(docs?.mailboxes.some((mailbox) => mailbox.userName === "james")).toBe(false);
    expect(world.domains.get(QUICK_START_DOMAIN)?.paks).toEqual([]);
    expect(world.counters).toEqual({ nextBundleId: 1_004_279, nextOrderId: 161_786_106 });
    expect(
      [...world.accounts.values()].map((account) => [account.uid, account.kind, account.balanceCents]),
    ).toEqual([
      ["resellid", "reseller", 500_000],
      ["retailid", "retail", 10_000],
    ]);
  });

  it("covers, in 40 domains, every case a panel shows", () => {
    const daysLeft = allPaks.map(({ pak }) => daysBetween(ANCHOR, pak.expDate));
    expect(new Set(allPaks.map(({ pak }) => pak.capacityGb))).toEqual(new Set([1, 3, 5, 10]));
    expect(daysLeft.some((days) => days < 0)).toBe(true);
    expect(daysLeft.some((days) => days >= 0 && days <= 7)).toBe(true);
    expect(daysLeft.some((days) => days > 7 && days <= 30)).toBe(true);
    expect(daysLeft.some((days) => days > 30 && days <= 90)).toBe(true);
    expect(daysLeft.some((days) => days > 365)).toBe(true);
    expect(new Set(allPaks.map(({ pak }) => pak.autoRenew))).toEqual(new Set([true, false]));
    expect(new Set(allPaks.map(({ pak }) => pak.billingPeriod))).toEqual(new Set(["month", "year"]));
    expect(new Set(allPaks.map(({ pak }) => pak.prodType))).toEqual(new Set([17, 2011]));
    expect(allPaks.some(({ domain, pak }) => freeMailboxes(domain, pak) === 0)).toBe(true);
    expect(generated.some((domain) => domain.paks.length === 0 && domain.status === "Registered")).toBe(true);
    expect(generated.some((domain) => domain.paks.length === 2)).toBe(true);
    expect(new Set(generated.map((domain) => domain.status))).toEqual(
      new Set(["Registered", "DNSHosted", "TransferPending"]),
    );
    const mailboxes = generated.flatMap((domain) => domain.mailboxes);
    expect(mailboxes.some((mailbox) => mailbox.isAdmin)).toBe(true);
    expect(mailboxes.some((mailbox) => mailbox.forwardTo !== "")).toBe(true);
    expect(generated.some((domain) => domain.catchAll !== "")).toBe(true);
  });

  it("keeps every rule a real account would: names, fits, unique ids, no email on pending transfers", () => {
    const big = seedWorld({ domainCount: 20_000, anchor: ANCHOR });
    const bundleIds = new Set<number>();
    for (const domain of big.domains.values()) {
      expect(SLD_PATTERN.test(domain.sld) && TLD_PATTERN.test(domain.tld), domain.sld).toBe(true);
      if (domain.status === "TransferPending") expect(domain.paks).toEqual([]);
      const names = domain.mailboxes.map((mailbox) => mailbox.userName.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      for (const mailbox of domain.mailboxes)
        expect(userNameProblem(mailbox.userName), mailbox.userName).toBeNull();
      for (const pak of domain.paks) {
        expect(freeMailboxes(domain, pak)).toBeGreaterThanOrEqual(0);
        expect(pak.bundleId).toBeLessThan(FIRST_NEW_BUNDLE_ID);
        expect(bundleIds.has(pak.bundleId)).toBe(false);
        bundleIds.add(pak.bundleId);
      }
      expect(
        domain.mailboxes.every((mailbox) => domain.paks.some((pak) => pak.bundleId === mailbox.bundleId)),
      ).toBe(true);
    }
    expect(big.domains.size).toBe(20_004);
  });

  it("names businesses, not companies: word-word domains", () => {
    expect(generatedDomainName(0)).toEqual({ sld: "bluebird-plumbing", tld: "net" });
    expect(generated.every((domain: Domain) => /^[a-z]+-[a-z]+(-\d+)?$/.test(domain.sld))).toBe(true);
  });

  it("dates expiries from the anchor day", () => {
    expect(world.domains.get(DOCS_DOMAIN)?.paks[0]?.expDate).toBe(addDays(ANCHOR, 300));
  });
});

describe("start-up at 10,000 domains", () => {
  it("builds the world and answers GetDomains for all of it in one page", async () => {
    // Start-up time is measured by scripts/bench-sim.mjs, not asserted here.
    const simulator = await startEnomSimulator({ port: 0, statePath: null, domainCount: 10_000 });
    try {
      const all = await (await fetch(`${simulator.url}?command=GetDomains&uid=resellid&pw=resellpw`)).text();
      expect(all).toContain("DomainCount=10002\r\nTotalDomainCount=10002\r\nStart=1\r\nNextStart=0");
      const page = await (
        await fetch(`${simulator.url}?command=GetDomains&uid=resellid&pw=resellpw&Start=10001&Display=5`)
      ).text();
      expect(page).toContain("DomainCount=2\r\nTotalDomainCount=10002\r\nStart=10001\r\nNextStart=0");
    } finally {
      await simulator.close();
    }
  });
});
