import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { listCustomerDomains, listDomainOwners } from "@/lib/db/queries/customers";
import { EnomUnavailable, getEnomClient } from "@/lib/enom";
import type { AccountDomain, PopExpiration } from "@/lib/enom/types";
import {
  getAccountOverview,
  invalidateAccountOverview,
  mergeAccountDomains,
  queryDomainList,
  type AccountSnapshot,
} from "./account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY, type DomainListQuery } from "./domain-list";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("@/lib/db/queries/customers", () => ({
  listCustomerDomains: vi.fn(),
  listDomainOwners: vi.fn(),
}));
vi.mock("@/lib/enom", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/enom")>()),
  getEnomClient: vi.fn(),
}));

const TODAY = new Date("2026-03-10T15:00:00Z");

function accountDomain(name: string, status: AccountDomain["status"] = "Registered"): AccountDomain {
  const [sld = "", tld = ""] = name.split(/\.(.*)/);
  return {
    domainNameId: name.length * 1000 + name.charCodeAt(0),
    sld,
    tld,
    name,
    expires: { iso: "2027-01-01" },
    autoRenew: true,
    status,
    emailAvailable: status === "Registered" || status === "DNSHosted",
  };
}

let nextBundleId = 1000;
function pak(
  domainName: string,
  fields: Partial<Omit<PopExpiration, "expires">> & { expires: string },
): PopExpiration {
  const { expires, ...rest } = fields;
  return {
    domainName,
    bundleId: (nextBundleId += 1),
    autoRenew: true,
    qtyPurchased: 10,
    qtyAvailable: 5,
    quotaMb: 1024,
    capacityGb: 1,
    prodType: 2011,
    billingPeriod: "year",
    ...rest,
    expires: { iso: expires },
  };
}

/** A small account: every case the list must show. */
const DOMAINS = [
  accountDomain("alpha-bakery.com"),
  accountDomain("bravo-plumbing.net"),
  accountDomain("charlie-cafe.org"),
  accountDomain("delta-dental.com", "DNSHosted"),
  accountDomain("echo-books.com"),
  accountDomain("foxtrot-farm.com", "TransferPending"),
];
const PAKS = [
  // alpha: two paks, one expired and one far out, auto-renew mixed, different capacities.
  pak("alpha-bakery.com", { expires: "2026-03-01", autoRenew: false, qtyPurchased: 10, qtyAvailable: 7 }),
  pak("ALPHA-BAKERY.COM", {
    expires: "2027-06-01",
    qtyPurchased: 5,
    qtyAvailable: 5,
    quotaMb: 5120,
    capacityGb: 5,
  }),
  // bravo: expires today (within 30 days), full.
  pak("bravo-plumbing.net", { expires: "2026-03-10", qtyPurchased: 3, qtyAvailable: 0 }),
  // charlie: expires in exactly 30 days, auto-renew off.
  pak("charlie-cafe.org", { expires: "2026-04-09", autoRenew: false, quotaMb: 1536, capacityGb: null }),
  // delta: in 31 days, not "expiring".
  pak("delta-dental.com", { expires: "2026-04-10", qtyPurchased: 20, qtyAvailable: 1 }),
  // A pak whose domain GetDomains did not list.
  pak("golf-gym.com", { expires: "2028-01-01" }),
];

const OWNERS = new Map([
  ["bravo-plumbing.net", { customerId: "c-1", customerName: "Northwind Traders" }],
  ["delta-dental.com", { customerId: "c-2", customerName: "Contoso Dental" }],
]);

function snapshot(): AccountSnapshot {
  return { domains: mergeAccountDomains(DOMAINS, PAKS), truncated: false };
}

function list(query: Partial<DomainListQuery> = {}, visible: ReadonlySet<string> | null = null) {
  return queryDomainList(
    snapshot(),
    { ...DEFAULT_DOMAIN_LIST_QUERY, ...query },
    {
      owners: OWNERS,
      visible,
      today: TODAY,
    },
  );
}
const names = (result: { rows: { domain: string }[] }) => result.rows.map((row) => row.domain);

describe("mergeAccountDomains", () => {
  it("merges each domain's paks from the two account-wide lists", () => {
    const merged = new Map(mergeAccountDomains(DOMAINS, PAKS).map((domain) => [domain.domain, domain]));
    expect(merged.get("alpha-bakery.com")).toEqual({
      domain: "alpha-bakery.com",
      emailAvailable: true,
      paks: 2,
      mailboxesUsed: 3,
      mailboxesPurchased: 15,
      quotasMb: [1024, 5120],
      pakExpiries: ["2026-03-01", "2027-06-01"],
      autoRenew: "mixed",
      fullPaks: 0,
    });
    expect(merged.get("bravo-plumbing.net")).toMatchObject({
      mailboxesUsed: 3,
      fullPaks: 1,
      autoRenew: "on",
    });
    expect(merged.get("charlie-cafe.org")).toMatchObject({ autoRenew: "off", quotasMb: [1536] });
  });

  it("lists domains without email, and says when email cannot be bought", () => {
    const merged = new Map(mergeAccountDomains(DOMAINS, PAKS).map((domain) => [domain.domain, domain]));
    expect(merged.get("echo-books.com")).toMatchObject({
      paks: 0,
      emailAvailable: true,
      autoRenew: null,
      pakExpiries: [],
    });
    expect(merged.get("foxtrot-farm.com")).toMatchObject({ paks: 0, emailAvailable: false });
  });

  it("keeps a pak whose domain the domain listing missed, and sorts by name", () => {
    const merged = mergeAccountDomains(DOMAINS, PAKS);
    expect(merged.map((domain) => domain.domain)).toEqual([
      "alpha-bakery.com",
      "bravo-plumbing.net",
      "charlie-cafe.org",
      "delta-dental.com",
      "echo-books.com",
      "foxtrot-farm.com",
      "golf-gym.com",
    ]);
    expect(merged.at(-1)).toMatchObject({ paks: 1, emailAvailable: true });
  });

  it("counts a pak without usage figures as purchased and unused", () => {
    const [domain] = mergeAccountDomains([], [pak("x.com", { expires: "2027-01-01", qtyAvailable: null })]);
    expect(domain).toMatchObject({ mailboxesUsed: 0, mailboxesPurchased: 10, fullPaks: 0 });
  });
});

describe("queryDomainList", () => {
  it("shows each row with its customer and the nearest expiry's state", () => {
    const rows = new Map(list().rows.map((row) => [row.domain, row]));
    expect(rows.get("alpha-bakery.com")).toMatchObject({
      customer: null,
      nearestExpiry: { iso: "2026-03-01", state: "expired", days: -9 },
    });
    expect(rows.get("bravo-plumbing.net")).toMatchObject({
      customer: { id: "c-1", name: "Northwind Traders" },
      nearestExpiry: { iso: "2026-03-10", state: "soon", days: 0 },
    });
    expect(rows.get("delta-dental.com")?.nearestExpiry?.state).toBe("later");
    expect(rows.get("echo-books.com")?.nearestExpiry).toBeNull();
  });

  it("filters: expiring within 30 days (today and day 30 included), expired, auto-renew off, full, no email", () => {
    expect(names(list({ filters: ["expiring"] }))).toEqual(["bravo-plumbing.net", "charlie-cafe.org"]);
    expect(names(list({ filters: ["expired"] }))).toEqual(["alpha-bakery.com"]);
    expect(names(list({ filters: ["autoRenewOff"] }))).toEqual(["alpha-bakery.com", "charlie-cafe.org"]);
    expect(names(list({ filters: ["full"] }))).toEqual(["bravo-plumbing.net"]);
    expect(names(list({ filters: ["noEmail"] }))).toEqual(["echo-books.com", "foxtrot-farm.com"]);
  });

  it("combines filters (all must hold) and counts each filter over every visible domain", () => {
    const result = list({ filters: ["expiring", "autoRenewOff"] });
    expect(names(result)).toEqual(["charlie-cafe.org"]);
    expect(result.total).toBe(1);
    expect(result.accountTotal).toBe(7);
    expect(result.counts).toEqual({ expiring: 2, expired: 1, autoRenewOff: 2, full: 1, noEmail: 2 });
  });

  it("searches domain names and customer names, ignoring case", () => {
    expect(names(list({ q: "CAFE" }))).toEqual(["charlie-cafe.org"]);
    expect(names(list({ q: "northwind" }))).toEqual(["bravo-plumbing.net"]);
    expect(names(list({ q: ".net" }))).toEqual(["bravo-plumbing.net"]);
    expect(list({ q: "nothing-like-this" }).total).toBe(0);
  });

  it("sorts by each column, both ways, with missing values last", () => {
    expect(names(list({ sort: "domain", dir: "desc" }))[0]).toBe("golf-gym.com");
    expect(names(list({ sort: "expiry", dir: "asc" }))).toEqual([
      "alpha-bakery.com",
      "bravo-plumbing.net",
      "charlie-cafe.org",
      "delta-dental.com",
      "golf-gym.com",
      "echo-books.com",
      "foxtrot-farm.com",
    ]);
    expect(names(list({ sort: "expiry", dir: "desc" })).slice(0, 1)).toEqual(["golf-gym.com"]);
    expect(names(list({ sort: "expiry", dir: "desc" })).slice(-2)).toEqual([
      "echo-books.com",
      "foxtrot-farm.com",
    ]);
    expect(names(list({ sort: "customer" })).slice(0, 2)).toEqual(["delta-dental.com", "bravo-plumbing.net"]);
    expect(names(list({ sort: "customer", dir: "desc" })).slice(0, 2)).toEqual([
      "bravo-plumbing.net",
      "delta-dental.com",
    ]);
    expect(names(list({ sort: "mailboxes", dir: "desc" }))[0]).toBe("delta-dental.com");
    expect(names(list({ sort: "paks", dir: "desc" }))[0]).toBe("alpha-bakery.com");
  });

  it("pages on the server, and shows the last page for a page past the end", () => {
    const firstPage = list({ pageSize: 25 });
    expect(firstPage).toMatchObject({ page: 1, pageCount: 1, total: 7 });

    const many: AccountSnapshot = {
      domains: mergeAccountDomains(
        Array.from({ length: 120 }, (_, i) => accountDomain(`domain-${String(i).padStart(3, "0")}.com`)),
        [],
      ),
      truncated: false,
    };
    const query = { ...DEFAULT_DOMAIN_LIST_QUERY, pageSize: 50 };
    const scope = { owners: new Map(), visible: null, today: TODAY };
    const second = queryDomainList(many, { ...query, page: 2 }, scope);
    expect(second).toMatchObject({ page: 2, pageCount: 3, total: 120 });
    expect(second.rows).toHaveLength(50);
    expect(second.rows[0]?.domain).toBe("domain-050.com");
    const past = queryDomainList(many, { ...query, page: 99 }, scope);
    expect(past.page).toBe(3);
    expect(past.rows.map((row) => row.domain)).toEqual(
      Array.from({ length: 20 }, (_, i) => `domain-${100 + i}.com`),
    );
  });

  it("shows a customer only its own domains, and filters and counts within them", () => {
    const result = list({}, new Set(["bravo-plumbing.net", "echo-books.com"]));
    expect(names(result)).toEqual(["bravo-plumbing.net", "echo-books.com"]);
    expect(result.accountTotal).toBe(2);
    expect(result.counts).toMatchObject({ expiring: 1, expired: 0, noEmail: 1 });
    expect(list({ q: "alpha" }, new Set(["bravo-plumbing.net"])).total).toBe(0);
  });
});

// ── getAccountOverview: the user's scope and the eNom calls ─────────────────────────────────

const fakeClient = {
  getDomains: vi.fn(),
  getPopExpirations: vi.fn(),
  getPop3: vi.fn(),
};

function user(role: SessionUser["role"], customerId: string | null = null): SessionUser {
  return {
    id: `${role}-id`,
    email: `${role}@example.test`,
    name: role,
    role,
    customerId,
    customerName: customerId ? "Northwind Traders" : null,
    customer: customerId
      ? { canManageMailboxes: true, canToggleAutoRenew: false, canPurchase: false, canRenew: false }
      : null,
    totpEnabled: false,
  };
}

beforeEach(() => {
  // A fresh copy per test: no earlier test's list to fall back on.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("mailpak.accountOverview")];
  vi.mocked(getEnomClient).mockReturnValue(fakeClient as unknown as ReturnType<typeof getEnomClient>);
  fakeClient.getDomains.mockReset().mockResolvedValue({
    domains: DOMAINS,
    totalDomainCount: DOMAINS.length,
    truncated: false,
    trackingKey: null,
  });
  fakeClient.getPopExpirations.mockReset().mockResolvedValue({ paks: PAKS, trackingKey: null });
  fakeClient.getPop3.mockReset();
  vi.mocked(listDomainOwners).mockReset().mockResolvedValue(OWNERS);
  vi.mocked(listCustomerDomains).mockReset();
});

describe("getAccountOverview", () => {
  it("reads eNom with the two account-wide commands only, and shares the copy between page loads", async () => {
    const staff = user("staff");
    const [first, second] = await Promise.all([
      getAccountOverview(staff, DEFAULT_DOMAIN_LIST_QUERY, { today: TODAY }),
      getAccountOverview(staff, { ...DEFAULT_DOMAIN_LIST_QUERY, q: "cafe" }, { today: TODAY }),
    ]);
    await getAccountOverview(staff, { ...DEFAULT_DOMAIN_LIST_QUERY, page: 2 }, { today: TODAY });
    expect(first.total).toBe(7);
    expect(second.total).toBe(1);
    expect(fakeClient.getDomains).toHaveBeenCalledTimes(1);
    expect(fakeClient.getPopExpirations).toHaveBeenCalledTimes(1);
    expect(fakeClient.getPop3).not.toHaveBeenCalled();
    expect(first.rows.find((row) => row.domain === "bravo-plumbing.net")?.customer?.name).toBe(
      "Northwind Traders",
    );
  });

  it("reads eNom again after a write invalidates the copy", async () => {
    await getAccountOverview(user("admin"), DEFAULT_DOMAIN_LIST_QUERY, { today: TODAY });
    invalidateAccountOverview();
    await getAccountOverview(user("admin"), DEFAULT_DOMAIN_LIST_QUERY, { today: TODAY });
    expect(fakeClient.getDomains).toHaveBeenCalledTimes(2);
    expect(fakeClient.getPopExpirations).toHaveBeenCalledTimes(2);
  });

  it("gives a customer only its assigned domains and no owners (never another customer's)", async () => {
    vi.mocked(listCustomerDomains).mockResolvedValue(["bravo-plumbing.net"]);
    const page = await getAccountOverview(user("customer", "c-1"), DEFAULT_DOMAIN_LIST_QUERY, {
      today: TODAY,
    });
    expect(names(page)).toEqual(["bravo-plumbing.net"]);
    expect(page.rows[0]?.customer).toBeNull();
    expect(page.accountTotal).toBe(1);
    expect(listCustomerDomains).toHaveBeenCalledWith("c-1");
    expect(listDomainOwners).not.toHaveBeenCalled();
  });

  it("does not ask eNom for a customer without domains", async () => {
    vi.mocked(listCustomerDomains).mockResolvedValue([]);
    const page = await getAccountOverview(user("customer", "c-9"), DEFAULT_DOMAIN_LIST_QUERY, {
      today: TODAY,
    });
    expect(page).toMatchObject({ rows: [], total: 0, accountTotal: 0, stale: false });
    expect(fakeClient.getDomains).not.toHaveBeenCalled();
  });

  it("marks the last good list as stale when eNom stops answering, and throws when there is none", async () => {
    const down = new EnomUnavailable({
      command: "GetDomains",
      kind: "read",
      reason: "timeout",
      outcome: "unknown",
      detail: "no answer",
      trackingKey: null,
    });
    fakeClient.getDomains.mockRejectedValue(down);
    await expect(getAccountOverview(user("staff"), DEFAULT_DOMAIN_LIST_QUERY)).rejects.toBe(down);

    fakeClient.getDomains.mockResolvedValueOnce({
      domains: DOMAINS,
      totalDomainCount: 6,
      truncated: true,
      trackingKey: null,
    });
    const good = await getAccountOverview(user("staff"), DEFAULT_DOMAIN_LIST_QUERY);
    expect(good).toMatchObject({ stale: false, truncated: true });
    invalidateAccountOverview();
    const stale = await getAccountOverview(user("staff"), DEFAULT_DOMAIN_LIST_QUERY);
    expect(stale).toMatchObject({ stale: true, total: 7, fetchedAt: good.fetchedAt });
  });
});
