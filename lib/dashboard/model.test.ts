import { describe, expect, it } from "vitest";
import {
  mailDeliveryAttention,
  approvalsAttention,
  ATTENTION_SHOWN,
  growthOf,
  nearFullAttention,
  pakAttention,
  renewalOutlook,
  renewHref,
  signed,
  sortAttention,
  unknownOrdersAttention,
  type AttentionPak,
} from "./model";

const TODAY = "2026-11-24";

function pak(
  domain: string,
  bundleId: number,
  expires: string,
  extra: Partial<AttentionPak> = {},
): AttentionPak {
  return { domain, bundleId, expires, autoRenew: false, purchased: 10, available: 3, ...extra };
}

describe("renewals per month against the balance", () => {
  const paks = [
    { expires: "2026-11-20", renewalCents: 1000 }, // expired: due now, before any month
    { expires: "2026-11-24", renewalCents: 300 }, // today: this month
    { expires: "2026-11-30", renewalCents: 200 }, // last day of this month
    { expires: "2026-12-01", renewalCents: 700 }, // first day of the next
    { expires: "2027-01-15", renewalCents: null }, // not priced yet
    { expires: "2027-10-31", renewalCents: 300 }, // the twelfth month
    { expires: "2027-11-01", renewalCents: 9900 }, // beyond the twelve months: left out
  ];

  it("puts each pak in the calendar month of its expiry, for this month and the eleven after it", () => {
    const outlook = renewalOutlook(paks, TODAY, null);
    expect(outlook.months.map((month) => month.month)).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-06",
      "2027-07",
      "2027-08",
      "2027-09",
      "2027-10",
    ]);
    expect(outlook.months[0]).toMatchObject({ label: "Nov 2026", paks: 2, costCents: 500, unpriced: 0 });
    expect(outlook.months[1]).toMatchObject({ label: "Dec 2026", paks: 1, costCents: 700 });
    expect(outlook.months[2]).toMatchObject({ paks: 1, costCents: 0, unpriced: 1 });
    expect(outlook.months[11]).toMatchObject({ label: "Oct 2027", paks: 1, costCents: 300 });
    expect(outlook.overdue).toEqual({ paks: 1, costCents: 1000, unpriced: 0 });
    expect(outlook.totalPaks).toBe(6);
    expect(outlook.totalCents).toBe(2500);
  });

  it("runs a total from the expired paks on, and says the first month the balance no longer covers", () => {
    const outlook = renewalOutlook(paks, TODAY, 1500);
    expect(outlook.months.slice(0, 3).map((month) => month.cumulativeCents)).toEqual([1500, 2200, 2200]);
    expect(outlook.months[0]?.covered).toBe(true);
    expect(outlook.months[1]?.covered).toBe(false);
    expect(outlook.firstShort).toEqual({ month: "2026-12", label: "Dec 2026", shortCents: 700 });
  });

  it("says nothing runs short when the balance covers the year, and draws no line when it is unknown", () => {
    expect(renewalOutlook(paks, TODAY, 2500).firstShort).toBeNull();
    const unknown = renewalOutlook(paks, TODAY, null);
    expect(unknown.firstShort).toBeNull();
    expect(unknown.balanceCents).toBeNull();
    expect(unknown.months.every((month) => month.covered === null)).toBe(true);
  });

  it("starts the months in December on the last day of November (UTC calendar days, no clock)", () => {
    expect(renewalOutlook([], "2026-12-01", 0).months[0]?.month).toBe("2026-12");
    expect(renewalOutlook([], "2026-11-30", 0).months[0]?.month).toBe("2026-11");
  });
});

describe("what needs attention among the paks", () => {
  const paks = [
    pak("late.com", 1, "2026-11-10", { autoRenew: true }),
    pak("late.com", 2, "2026-11-23"),
    pak("soon.com", 3, "2026-11-24"),
    pak("soon.com", 4, "2026-12-24", { autoRenew: true }),
    pak("later.com", 5, "2026-12-25", { available: 0 }),
    pak("full.com", 6, "2027-06-01", { available: 0 }),
    pak("full.com", 7, "2027-06-01", { available: 0 }),
    pak("empty.com", 8, "2027-06-01", { purchased: 0, available: 0 }),
  ];

  it("counts expired, expiring within 30 days and full paks apart, without mixing their sub-lines", () => {
    const items = pakAttention(paks, TODAY, { canRenew: true });
    expect(items.map((item) => [item.kind, item.count])).toEqual([
      ["expired", 2],
      ["expiring", 2],
      ["full", 3],
    ]);
    const [expired, expiring, full] = items;
    expect(expired?.title).toBe("2 paks have expired");
    expect(expired?.detail).toMatch(/1 of them had auto-renew on/);
    expect(expiring?.title).toBe("2 paks expire within 30 days");
    expect(expiring?.detail).toBe("1 of them has auto-renew off and will lapse unless renewed.");
    expect(full?.title).toBe("3 paks are full");
    expect(full?.detail).toMatch(/on 2 domains/);
    // Each sub-line is about its own item only (issue 16: no "Expired paks 6 · 6 paks full").
    expect(`${expired?.detail} ${expiring?.detail}`).not.toMatch(/full/i);
    expect(full?.detail).not.toMatch(/expir/i);
  });

  it("links expired and expiring paks to the renew wizard with exactly those paks chosen", () => {
    const [expired, expiring] = pakAttention(paks, TODAY, { canRenew: true });
    expect(expired?.fix).toEqual({
      label: "Renew these 2",
      href: "/renew?items=late.com%3A1%2Clate.com%3A2&years=1",
    });
    expect(expiring?.fix.href).toBe(renewHref([pak("soon.com", 3, ""), pak("soon.com", 4, "")]));
    expect(expired?.entries.map((entry) => entry.href)).toEqual(["/domains/late.com", "/domains/late.com"]);
    expect(expired?.entries[0]?.label).toBe("late.com · pak 1 expired 14 days ago");
  });

  it("sends someone who may not renew to the expirations list instead", () => {
    const [expired, expiring] = pakAttention(paks, TODAY, { canRenew: false });
    expect(expired?.fix.href).toBe("/expirations?filter=expired");
    expect(expiring?.fix.href).toBe("/expirations?filter=30");
  });

  it("links full paks to their domain's page, or to the domains list filtered when there are several", () => {
    const several = pakAttention(paks, TODAY, { canRenew: true }).find((item) => item.kind === "full");
    expect(several?.fix.href).toBe("/domains?filter=full");
    expect(several?.entries).toEqual([
      { label: "later.com · 1 full pak", href: "/domains/later.com" },
      { label: "full.com · 2 full paks", href: "/domains/full.com" },
    ]);
    const one = pakAttention([pak("a.com", 1, "2027-06-01", { available: 0 })], TODAY, { canRenew: true });
    expect(one[0]?.fix).toEqual({ label: "Open the domain", href: "/domains/a.com" });
  });

  it("names the first few only, and caps the wizard's selection at one batch", () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      pak(`d${String(i).padStart(3, "0")}.com`, i, "2026-11-01"),
    );
    const [expired] = pakAttention(many, TODAY, { canRenew: true });
    expect(expired?.count).toBe(120);
    expect(expired?.entries).toHaveLength(ATTENTION_SHOWN);
    expect(expired?.fix.label).toBe("Renew the first 100");
    const items = new URL(`http://x${expired?.fix.href ?? ""}`).searchParams.get("items") ?? "";
    expect(items.split(",")).toHaveLength(100);
  });

  it("has nothing to say about a healthy account", () => {
    expect(pakAttention([pak("ok.com", 1, "2027-06-01")], TODAY, { canRenew: true })).toEqual([]);
  });
});

describe("the other attention items", () => {
  it("links unknown orders to the order history filtered, and each to its result page", () => {
    const item = unknownOrdersAttention(3, [
      { key: "k:1", domain: "a.com", kind: "renew", createdAt: "2026-11-20T10:00:00.000Z" },
    ]);
    expect(item).toMatchObject({
      kind: "unknown-orders",
      count: 3,
      fix: { href: "/orders?outcome=unknown" },
      entries: [{ label: "a.com · renewal on 2026-11-20", href: "/purchases/k%3A1" }],
    });
    expect(unknownOrdersAttention(0, [])).toBeNull();
  });

  it("links waiting purchases to the approvals and near-full mailboxes to the search", () => {
    expect(
      approvalsAttention(1, [
        {
          id: "r",
          domain: "a.com",
          kind: "purchase",
          customerName: "Bakery",
          createdAt: "2026-11-20T00:00:00Z",
        },
      ]),
    ).toMatchObject({ title: "1 customer purchase waiting for approval", fix: { href: "/approvals" } });
    expect(nearFullAttention(2, [{ address: "ann@a.com", domain: "a.com", percent: 97 }])).toMatchObject({
      title: "2 mailboxes nearly full",
      fix: { href: "/search?filter=near-full" },
      entries: [{ label: "ann@a.com · 97 % used", href: "/domains/a.com" }],
    });
    expect(approvalsAttention(0, [])).toBeNull();
    expect(nearFullAttention(0, [])).toBeNull();
  });

  it("orders the items most urgent first and drops the empty ones", () => {
    const items = sortAttention([
      nearFullAttention(1, []),
      null,
      unknownOrdersAttention(1, []),
      ...pakAttention([pak("a.com", 1, "2026-01-01")], TODAY, { canRenew: true }),
    ]);
    expect(items.map((item) => item.kind)).toEqual(["expired", "unknown-orders", "near-full"]);
  });
});

describe("the account over time", () => {
  const point = (day: string, paks: number, mailboxes: number) => ({
    day,
    paks,
    mailboxes,
    mailboxesPurchased: mailboxes,
    domainsWithEmail: paks,
  });

  it("sorts the days and says the change over the span", () => {
    const growth = growthOf([point("2026-11-24", 12, 100), point("2026-10-25", 10, 80)]);
    expect(growth.points.map((p) => p.day)).toEqual(["2026-10-25", "2026-11-24"]);
    expect(growth.change).toEqual({ days: 30, paks: 2, mailboxes: 20 });
    expect(growthOf([point("2026-11-24", 1, 1)]).change).toBeNull();
    expect([signed(3), signed(0), signed(-2)]).toEqual(["+3", "no change", "−2"]);
  });
});

describe("mailDeliveryAttention", () => {
  it("is nothing when no checked domain has a problem, or the user may not see them", () => {
    expect(mailDeliveryAttention(null)).toBeNull();
    expect(mailDeliveryAttention({ red: 0, amber: 0, domains: [] })).toBeNull();
  });

  it("counts problems and things to improve, red first, each domain one click from its page", () => {
    const item = mailDeliveryAttention({
      red: 1,
      amber: 2,
      domains: [
        { domain: "a.test", status: "red" },
        { domain: "b.test", status: "amber" },
      ],
    });
    expect(item).toMatchObject({
      kind: "mail-delivery",
      count: 3,
      title: "3 domains with mail delivery problems",
      tone: "danger",
      entries: [
        { label: "a.test · problem", href: "/domains/a.test" },
        { label: "b.test · needs attention", href: "/domains/b.test" },
      ],
      fix: { href: "/domains?filter=mailProblems" },
    });
    expect(mailDeliveryAttention({ red: 0, amber: 1, domains: [] })?.tone).toBe("warning");
  });
});
