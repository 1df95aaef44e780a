import { describe, expect, it } from "vitest";
import { passwordProblem, SLD_PATTERN, TLD_PATTERN, userNameProblem } from "../validation/enom-rules";
import { addDays, daysBetween } from "./dates";
import {
  DOCS_BUNDLE_ID,
  DOCS_DOMAIN,
  FIRST_NEW_BUNDLE_ID,
  generatedDomain,
  generatedDomainName,
  QUICK_START_DOMAIN,
  RESELLER_API_TOKEN,
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
    expect(docs?.paks.map((pak) => pak.bundleId)).toEqual([5105, DOCS_BUNDLE_ID, 5733]);
    expect(docs?.paks.map((pak) => pak.prodType)).toEqual([38, 38, 38]);
    expect(docs?.mailboxes.map((mailbox) => [mailbox.userName, mailbox.bundleId])).toEqual([
      ["john", 5105],
      ["jane", 5105],
      ["Jane.Doe", 5105],
    ]);
    expect(docs?.forwards).toEqual([
      { userName: "Jane.Doe", forwardTo: "jane@example.net", statusFlags: "" },
    ]);
    expect(docs?.catchAll).toBe("info@resellerdocs.com");
    expect(world.domains.get(QUICK_START_DOMAIN)?.paks).toEqual([]);
    expect(world.counters).toEqual({ nextBundleId: 1_004_279, nextOrderId: 161_786_106 });
    expect(
      [...world.accounts.values()].map((account) => [account.uid, account.kind, account.balanceCents]),
    ).toEqual([
      ["resellid", "reseller", 500_000],
      ["retailid", "retail", 10_000],
    ]);
    expect(world.accounts.get("resellid")?.apiTokens).toEqual([RESELLER_API_TOKEN]);
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
    expect(new Set(allPaks.map(({ pak }) => pak.prodType))).toEqual(new Set([38, 2011]));
    expect(allPaks.some(({ domain, pak }) => freeMailboxes(domain, pak) === 0)).toBe(true);
    expect(generated.some((domain) => domain.paks.length === 0 && domain.status === "Registered")).toBe(true);
    expect(generated.some((domain) => domain.paks.length === 2)).toBe(true);
    expect(new Set(generated.map((domain) => domain.status))).toEqual(
      new Set(["Registered", "DNSHosted", "TransferPending"]),
    );
    const mailboxes = generated.flatMap((domain) => domain.mailboxes);
    expect(mailboxes.some((mailbox) => mailbox.isAdmin)).toBe(true);
    expect(generated.some((domain) => domain.forwards.length > 0)).toBe(true);
    expect(
      new Set(generated.flatMap((domain) => domain.forwards.map((forward) => forward.statusFlags))),
    ).toEqual(new Set(["", "0", "1"]));
    expect(generated.some((domain) => domain.catchAll.endsWith(`@${domain.sld}.${domain.tld}`))).toBe(true);
    expect(generated.some((domain) => domain.catchAll.endsWith("@example.org"))).toBe(true);
    expect(new Set(generated.map((domain) => domain.nsStatus))).toEqual(new Set(["YES", "NO", "NA"]));
  });

  it("keeps every rule a real account would: names, fits, unique ids, no email on pending transfers", () => {
    const big = seedWorld({ domainCount: 20_000, anchor: ANCHOR });
    const bundleIds = new Set<number>();
    for (const domain of big.domains.values()) {
      expect(SLD_PATTERN.test(domain.sld) && TLD_PATTERN.test(domain.tld), domain.sld).toBe(true);
      if (domain.status === "TransferPending") expect(domain.paks).toEqual([]);
      const names = domain.mailboxes.map((mailbox) => mailbox.userName.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      for (const mailbox of domain.mailboxes) {
        expect(userNameProblem(mailbox.userName), mailbox.userName).toBeNull();
        // Seeded passwords meet eNom's current rule, user name and domain included.
        expect(
          passwordProblem(mailbox.password, {
            userName: mailbox.userName,
            domain: `${domain.sld}.${domain.tld}`,
          }),
          mailbox.password,
        ).toBeNull();
        expect(mailbox.createdOn <= ANCHOR).toBe(true);
      }
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
    expect(world.domains.get(DOCS_DOMAIN)?.paks[1]?.expDate).toBe(addDays(ANCHOR, 300));
  });
});

describe("start-up at 10,000 domains", () => {
  it("builds the world and pages it: GetDomains while Start fits its 4 characters, AdvancedDomainSearch always", async () => {
    // Start-up time is measured by scripts/bench-sim.mjs, not asserted here.
    const simulator = await startEnomSimulator({ port: 0, statePath: null, domainCount: 10_000 });
    try {
      const get = async (query: string) =>
        (await fetch(`${simulator.url}?uid=resellid&pw=resellpw&${query}`)).text();
      const registered = [...seedWorld({ domainCount: 10_000, anchor: ANCHOR }).domains.values()].filter(
        (domain) => domain.account === "resellid" && domain.status === "Registered",
      ).length;
      const first = await get("command=GetDomains&Display=100");
      expect(first).toContain(`count=100\r\nEndPosition=100\r\nPreviousRecords=0\r\nNextRecords=101`);
      expect(first).toContain(`TotalDomainCount=${registered}\r\n`);
      expect(await get(`command=GetDomains&Display=100&Start=${registered - 4}`)).toContain(
        `count=5\r\nEndPosition=${registered}\r\nPreviousRecords=${registered - 104}\r\nNextRecords=0`,
      );
      expect(await get("command=GetDomains&Start=10001")).toContain(
        "Err1=Parameter Start exceeds its maximum size of 4 characters",
      );
      const last = await get(`command=AdvancedDomainSearch&StartPosition=${registered - 4}`);
      expect(last).toContain(
        `TotalResults=${registered}\r\nStartPosition=${registered - 4}\r\nNextPosition=1`,
      );
      expect(last).toContain("count=5\r\n");
    } finally {
      await simulator.close();
    }
  });
});
