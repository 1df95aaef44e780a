import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { listCustomerDomains, listDomainOwners } from "@/lib/db/queries/customers";
import { EnomUnavailable, getEnomClient } from "@/lib/enom";
import type { AccountDomain, DomainEmail, Mailbox, Pak, PopExpiration } from "@/lib/enom/types";
import {
  getAccountOverview,
  getAccountPaks,
  invalidateAccountOverview,
  invalidatePakDetails,
  mergeAccountDomains,
  queryDomainList,
  type AccountSnapshot,
} from "./account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY, type DomainListQuery } from "./domain-list";
import { toDomainPakDetails, type PakDetailsRead } from "./pak-details";

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
    nsStatus: "YES",
    status,
    emailAvailable: true,
  };
}

/** One `popexpirations/pop` as the client reads it: domain, pak, expiry; no auto-renew in XML. */
function listed(domainName: string, bundleId: number, expires: string): PopExpiration {
  return { domainName, bundleId, expires: { iso: expires }, autoRenew: null, version: null };
}

/** One `Paks/Pak` of GetPOP3. */
function pakOf(bundleId: number, fields: Partial<Omit<Pak, "expires">> & { expires: string }): Pak {
  const { expires, ...rest } = fields;
  return {
    bundleId,
    qtyPurchased: 10,
    qtyAvailable: 5,
    autoRenew: true,
    quotaMb: 1024,
    capacityGb: 1,
    prodType: 2011,
    version: null,
    ...rest,
    expires: { iso: expires },
  };
}

/** A small account: every case the list must show. Registered (IOwn) and DNS-hosted (IHost) domains. */
const REGISTERED = [
  accountDomain("alpha-bakery.com"),
  accountDomain("bravo-plumbing.net"),
  accountDomain("charlie-cafe.org"),
  accountDomain("echo-books.com"),
];
const HOSTED = [
  accountDomain("delta-dental.com", "DNSHosted"),
  accountDomain("foxtrot-farm.com", "DNSHosted"),
];
const DOMAINS = [...REGISTERED, ...HOSTED];
const PAKS = [
  // alpha: two paks, one expired and one far out.
  listed("alpha-bakery.com", 1001, "2026-03-01"),
  listed("ALPHA-BAKERY.COM", 1002, "2027-06-01"),
  // bravo: expires today (within 30 days).
  listed("bravo-plumbing.net", 1003, "2026-03-10"),
  // charlie: expires in exactly 30 days.
  listed("charlie-cafe.org", 1004, "2026-04-09"),
  // delta, on DNS hosting: in 31 days, not "expiring".
  listed("delta-dental.com", 1005, "2026-04-10"),
  // A pak whose domain GetDomains did not list.
  listed("golf-gym.com", 1006, "2028-01-01"),
];

/** What GetPOP3 answers for each domain with email. */
const POP3: Record<string, Pick<DomainEmail, "paks" | "mailboxes">> = {
  // alpha: auto-renew mixed, different capacities, 3 of 15 mailboxes used.
  "alpha-bakery.com": {
    paks: [
      pakOf(1001, { expires: "2026-03-01", autoRenew: false, qtyPurchased: 10, qtyAvailable: 7 }),
      pakOf(1002, { expires: "2027-06-01", qtyPurchased: 5, qtyAvailable: 5, quotaMb: 5120, capacityGb: 5 }),
    ],
    mailboxes: [mailbox("ann", 1001, 120), mailbox("bob", 1001, 30.5), mailbox("cy", 1001, 0)],
  },
  // bravo: full.
  "bravo-plumbing.net": {
    paks: [pakOf(1003, { expires: "2026-03-10", qtyPurchased: 3, qtyAvailable: 0 })],
    mailboxes: [],
  },
  // charlie: auto-renew off, extra storage.
  "charlie-cafe.org": {
    paks: [pakOf(1004, { expires: "2026-04-09", autoRenew: false, quotaMb: 1536, capacityGb: null })],
    mailboxes: [],
  },
  "delta-dental.com": {
    paks: [pakOf(1005, { expires: "2026-04-10", qtyPurchased: 20, qtyAvailable: 1 })],
    mailboxes: [],
  },
  "golf-gym.com": { paks: [pakOf(1006, { expires: "2028-01-01" })], mailboxes: [] },
};

function mailbox(userName: string, bundleId: number, quotaUsedMb: number): Mailbox {
  return {
    userName,
    address: `${userName}@alpha-bakery.com`,
    bundleId,
    isAdmin: false,
    quotaMb: 1024,
    quotaUsedMb,
    expires: null,
    autoRenew: null,
  };
}

/** Every domain's details read, as the reader would hold them. */
function allDetails(): Map<string, PakDetailsRead> {
  return new Map(
    Object.entries(POP3).map(([domain, email]) => [
      domain,
      {
        state: "loaded",
        details: toDomainPakDetails(domain, email),
        readAt: TODAY.toISOString(),
        stale: false,
      },
    ]),
  );
}

const OWNERS = new Map([
  ["bravo-plumbing.net", { customerId: "c-1", customerName: "Northwind Traders" }],
  ["delta-dental.com", { customerId: "c-2", customerName: "Contoso Dental" }],
]);

function snapshot(): AccountSnapshot {
  return { domains: mergeAccountDomains(DOMAINS, PAKS), truncated: false };
}

function list(
  query: Partial<DomainListQuery> = {},
  visible: ReadonlySet<string> | null = null,
  details: ReadonlyMap<string, PakDetailsRead> = allDetails(),
) {
  return queryDomainList(
    snapshot(),
    { ...DEFAULT_DOMAIN_LIST_QUERY, ...query },
    { owners: OWNERS, visible, today: TODAY, details },
  );
}
const names = (result: { rows: { domain: string }[] }) => result.rows.map((row) => row.domain);

describe("mergeAccountDomains", () => {
  it("merges both GetDomains tabs with each domain's paks and expiries from GetPOPExpirations", () => {
    const merged = new Map(mergeAccountDomains(DOMAINS, PAKS).map((domain) => [domain.domain, domain]));
    expect(merged.get("alpha-bakery.com")).toEqual({
      domain: "alpha-bakery.com",
      emailAvailable: true,
      hosting: "Registered",
      paks: 2,
      pakExpiries: ["2026-03-01", "2027-06-01"],
      // GetPOPExpirations' XML carries no auto-renew.
      listedAutoRenew: null,
    });
    expect(merged.get("delta-dental.com")).toMatchObject({ hosting: "DNSHosted", paks: 1 });
    expect(merged.get("echo-books.com")).toMatchObject({ paks: 0, pakExpiries: [], hosting: "Registered" });
  });

  it("takes auto-renew from GetPOPExpirations when its Text format gave it for every pak", () => {
    const [on, mixed] = mergeAccountDomains(
      [],
      [
        { ...listed("a.com", 1, "2027-01-01"), autoRenew: true },
        { ...listed("b.com", 2, "2027-01-01"), autoRenew: true },
        { ...listed("b.com", 3, "2027-01-01"), autoRenew: false },
      ],
    );
    expect(on?.listedAutoRenew).toBe("on");
    expect(mixed?.listedAutoRenew).toBe("mixed");
  });

  it("keeps a pak whose domain the listing missed, lists a name on both tabs once, and sorts by name", () => {
    const merged = mergeAccountDomains([...DOMAINS, accountDomain("alpha-bakery.com", "DNSHosted")], PAKS);
    expect(merged.map((domain) => domain.domain)).toEqual([
      "alpha-bakery.com",
      "bravo-plumbing.net",
      "charlie-cafe.org",
      "delta-dental.com",
      "echo-books.com",
      "foxtrot-farm.com",
      "golf-gym.com",
    ]);
    expect(merged[0]?.hosting).toBe("Registered");
    expect(merged.at(-1)).toMatchObject({ paks: 1, emailAvailable: true, hosting: null });
  });
});

describe("queryDomainList", () => {
  it("shows each row with its customer, the nearest expiry's state and its pak details", () => {
    const rows = new Map(list().rows.map((row) => [row.domain, row]));
    expect(rows.get("alpha-bakery.com")).toMatchObject({
      customer: null,
      paks: 2,
      details: "loaded",
      mailboxes: { used: 3, purchased: 15 },
      quotasMb: [1024, 5120],
      storageUsedMb: 150.5,
      autoRenew: "mixed",
      fullPaks: 0,
      nearestExpiry: { iso: "2026-03-01", state: "expired", days: -9 },
    });
    expect(rows.get("bravo-plumbing.net")).toMatchObject({
      customer: { id: "c-1", name: "Northwind Traders" },
      nearestExpiry: { iso: "2026-03-10", state: "soon", days: 0 },
      fullPaks: 1,
      autoRenew: "on",
    });
    expect(rows.get("charlie-cafe.org")).toMatchObject({ autoRenew: "off", quotasMb: [1536] });
    // DNS-hosted domains have email too.
    expect(rows.get("delta-dental.com")).toMatchObject({
      hosting: "DNSHosted",
      nearestExpiry: { state: "later" },
      mailboxes: { used: 19, purchased: 20 },
    });
    expect(rows.get("echo-books.com")).toMatchObject({ paks: 0, nearestExpiry: null, mailboxes: null });
  });

  it("shows a domain whose details are not read as not loaded, never as zero, and says how many", () => {
    const details = allDetails();
    details.delete("alpha-bakery.com");
    details.set("bravo-plumbing.net", { state: "failed", failure: "not-answering" });
    const result = list({}, null, details);
    const rows = new Map(result.rows.map((row) => [row.domain, row]));
    expect(rows.get("alpha-bakery.com")).toMatchObject({
      paks: 2,
      details: "not-loaded",
      mailboxes: null,
      quotasMb: null,
      storageUsedMb: null,
      autoRenew: null,
      fullPaks: null,
      nearestExpiry: { iso: "2026-03-01" },
    });
    expect(rows.get("bravo-plumbing.net")).toMatchObject({ details: "failed", mailboxes: null });
    expect(result.detailsPending).toBe(2);
    // The filters on details leave them out rather than guess.
    expect(result.counts.full).toBe(0);
    expect(names(list({ filters: ["autoRenewOff"] }, null, details))).toEqual(["charlie-cafe.org"]);
    // Sorting by mailboxes puts them last either way.
    expect(names(list({ sort: "mailboxes", dir: "asc" }, null, details)).slice(-4)).toEqual([
      "alpha-bakery.com",
      "bravo-plumbing.net",
      "echo-books.com",
      "foxtrot-farm.com",
    ]);
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
    expect(result.detailsPending).toBe(0);
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
    expect(names(list({ sort: "mailboxes", dir: "desc" })).slice(-2)).toEqual([
      "echo-books.com",
      "foxtrot-farm.com",
    ]);
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
    const scope = { owners: new Map(), visible: null, today: TODAY, details: new Map() };
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
      ? {
          canCreateMailboxes: true,
          canManageMailboxes: true,
          canToggleAutoRenew: false,
          canPurchase: false,
          canRenew: false,
        }
      : null,
    totpEnabled: false,
  };
}

function domainsReply(domains: AccountDomain[], truncated = false) {
  return { domains, totalDomainCount: domains.length, truncated, trackingKey: null };
}

/** GetPOP3 answered from POP3, by the domain the client was asked for. */
function answerPop3(input: { domain: string }) {
  const email = POP3[input.domain];
  if (!email) return Promise.reject(new Error(`no GetPOP3 fixture for ${input.domain}`));
  return Promise.resolve({ domain: { sld: "", tld: "" }, trackingKey: null, ...structuredClone(email) });
}

const pop3Domains = () =>
  fakeClient.getPop3.mock.calls.map(([input]) => (input as { domain: string }).domain);

beforeEach(() => {
  // A fresh copy and a fresh details reader per test: no earlier test's reads to fall back on.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("mailpak.accountOverview")];
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("mailpak.pakDetails")];
  vi.mocked(getEnomClient).mockReturnValue(fakeClient as unknown as ReturnType<typeof getEnomClient>);
  fakeClient.getDomains
    .mockReset()
    .mockImplementation((input: { tab: string }) =>
      Promise.resolve(domainsReply(input.tab === "IHost" ? HOSTED : REGISTERED)),
    );
  fakeClient.getPopExpirations.mockReset().mockResolvedValue({ paks: PAKS, trackingKey: null });
  fakeClient.getPop3.mockReset().mockImplementation(answerPop3);
  vi.mocked(listDomainOwners).mockReset().mockResolvedValue(OWNERS);
  vi.mocked(listCustomerDomains).mockReset();
});

describe("getAccountOverview", () => {
  it("reads both GetDomains tabs and GetPOPExpirations once, shared between page loads", async () => {
    const staff = user("staff");
    const [first, second] = await Promise.all([
      getAccountOverview(staff, DEFAULT_DOMAIN_LIST_QUERY, { today: TODAY }),
      getAccountOverview(staff, { ...DEFAULT_DOMAIN_LIST_QUERY, q: "cafe" }, { today: TODAY }),
    ]);
    await getAccountOverview(staff, { ...DEFAULT_DOMAIN_LIST_QUERY, page: 2 }, { today: TODAY });
    expect(first.total).toBe(7);
    expect(second.total).toBe(1);
    expect(fakeClient.getDomains.mock.calls.map(([input]) => (input as { tab: string }).tab).sort()).toEqual([
      "IHost",
      "IOwn",
    ]);
    expect(fakeClient.getPopExpirations).toHaveBeenCalledTimes(1);
    expect(first.rows.find((row) => row.domain === "bravo-plumbing.net")?.customer?.name).toBe(
      "Northwind Traders",
    );
    expect(first.rows.find((row) => row.domain === "delta-dental.com")).toMatchObject({
      hosting: "DNSHosted",
      details: "loaded",
      mailboxes: { used: 19, purchased: 20 },
    });
  });

  it("reads GetPOP3 once per domain with email on the page, never for domains without email", async () => {
    const staff = user("staff");
    await getAccountOverview(staff, DEFAULT_DOMAIN_LIST_QUERY, { today: TODAY });
    await getAccountOverview(staff, DEFAULT_DOMAIN_LIST_QUERY, { today: TODAY });
    expect(pop3Domains().sort()).toEqual([
      "alpha-bakery.com",
      "bravo-plumbing.net",
      "charlie-cafe.org",
      "delta-dental.com",
      "golf-gym.com",
    ]);
  });

  it("reads no GetPOP3 at all for a caller that needs names and pak counts only", async () => {
    const page = await getAccountOverview(
      user("staff"),
      { ...DEFAULT_DOMAIN_LIST_QUERY, pageSize: 100 },
      { today: TODAY, details: false },
    );
    expect(page.total).toBe(7);
    expect(fakeClient.getPop3).not.toHaveBeenCalled();
    expect(page.rows.find((row) => row.domain === "alpha-bakery.com")).toMatchObject({
      paks: 2,
      details: "not-loaded",
      mailboxes: null,
    });
  });

  it("reads only the page's domains, unless a filter or the order needs every domain's details", async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      accountDomain(`site-${String(i).padStart(2, "0")}.com`),
    );
    fakeClient.getDomains.mockImplementation((input: { tab: string }) =>
      Promise.resolve(domainsReply(input.tab === "IHost" ? [] : many)),
    );
    fakeClient.getPopExpirations.mockResolvedValue({
      paks: many.map((domain, i) => listed(domain.name, 5000 + i, "2027-01-01")),
      trackingKey: null,
    });
    fakeClient.getPop3.mockImplementation((input: { domain: string }) =>
      Promise.resolve({
        domain: { sld: "", tld: "" },
        trackingKey: null,
        mailboxes: [],
        paks: [pakOf(5000 + Number(input.domain.slice(5, 7)), { expires: "2027-01-01", qtyAvailable: 0 })],
      }),
    );
    const staff = user("staff");
    const page = await getAccountOverview(
      staff,
      { ...DEFAULT_DOMAIN_LIST_QUERY, pageSize: 25 },
      { today: TODAY },
    );
    expect(fakeClient.getPop3).toHaveBeenCalledTimes(25);
    expect(page.detailsPending).toBe(35);
    expect(page.counts.full).toBe(25);

    const full = await getAccountOverview(
      staff,
      { ...DEFAULT_DOMAIN_LIST_QUERY, filters: ["full"] },
      { today: TODAY },
    );
    expect(fakeClient.getPop3).toHaveBeenCalledTimes(60);
    expect(full).toMatchObject({ total: 60, detailsPending: 0 });
  });

  it("shows a domain not read in time as not loaded, and fills it in on a later load without reading again", async () => {
    let release: () => void = () => undefined;
    fakeClient.getPop3.mockImplementation((input: { domain: string }) =>
      input.domain === "charlie-cafe.org"
        ? new Promise((resolve) => {
            release = () => resolve(answerPop3(input));
          })
        : answerPop3(input),
    );
    const staff = user("staff");
    const before = await getAccountOverview(staff, DEFAULT_DOMAIN_LIST_QUERY, {
      today: TODAY,
      detailsWaitMs: 20,
    });
    expect(before.rows.find((row) => row.domain === "charlie-cafe.org")).toMatchObject({
      details: "not-loaded",
      mailboxes: null,
      autoRenew: null,
    });
    expect(before.detailsPending).toBe(1);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const after = await getAccountOverview(staff, DEFAULT_DOMAIN_LIST_QUERY, {
      today: TODAY,
      detailsWaitMs: 20,
    });
    expect(after.rows.find((row) => row.domain === "charlie-cafe.org")).toMatchObject({
      details: "loaded",
      autoRenew: "off",
    });
    expect(pop3Domains().filter((domain) => domain === "charlie-cafe.org")).toHaveLength(1);
  });

  it("reads eNom again after a write: the pak list, and the pak details of the domain written to", async () => {
    await getAccountOverview(user("admin"), DEFAULT_DOMAIN_LIST_QUERY, { today: TODAY });
    invalidateAccountOverview("Bravo-Plumbing.net");
    await getAccountOverview(user("admin"), DEFAULT_DOMAIN_LIST_QUERY, { today: TODAY });
    expect(fakeClient.getPopExpirations).toHaveBeenCalledTimes(2);
    // The panel never changes which domains the account has: the 100-a-page listing is kept.
    expect(fakeClient.getDomains).toHaveBeenCalledTimes(2);
    expect(pop3Domains().filter((domain) => domain === "bravo-plumbing.net")).toHaveLength(2);
    expect(pop3Domains()).toHaveLength(6);

    // A mailbox or auto-renew change: that domain's GetPOP3 only, nothing account-wide.
    invalidatePakDetails(["alpha-bakery.com"]);
    await getAccountOverview(user("admin"), DEFAULT_DOMAIN_LIST_QUERY, { today: TODAY });
    expect(fakeClient.getPopExpirations).toHaveBeenCalledTimes(2);
    expect(pop3Domains()).toHaveLength(7);

    // Without a domain named, every domain's details are read again.
    invalidateAccountOverview();
    await getAccountOverview(user("admin"), DEFAULT_DOMAIN_LIST_QUERY, { today: TODAY });
    expect(pop3Domains()).toHaveLength(12);
  });

  it("gives a customer only its assigned domains and no owners (never another customer's)", async () => {
    vi.mocked(listCustomerDomains).mockResolvedValue(["Bravo-Plumbing.net"]);
    const page = await getAccountOverview(user("customer", "c-1"), DEFAULT_DOMAIN_LIST_QUERY, {
      today: TODAY,
    });
    expect(names(page)).toEqual(["bravo-plumbing.net"]);
    expect(page.rows[0]?.customer).toBeNull();
    expect(page.accountTotal).toBe(1);
    expect(listCustomerDomains).toHaveBeenCalledWith("c-1");
    expect(listDomainOwners).not.toHaveBeenCalled();
    expect(pop3Domains()).toEqual(["bravo-plumbing.net"]);
  });

  it("does not ask eNom for a customer without domains", async () => {
    vi.mocked(listCustomerDomains).mockResolvedValue([]);
    const page = await getAccountOverview(user("customer", "c-9"), DEFAULT_DOMAIN_LIST_QUERY, {
      today: TODAY,
    });
    expect(page).toMatchObject({ rows: [], total: 0, accountTotal: 0, stale: false });
    expect(fakeClient.getDomains).not.toHaveBeenCalled();
    expect(fakeClient.getPop3).not.toHaveBeenCalled();
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

    fakeClient.getDomains
      .mockResolvedValueOnce(domainsReply(REGISTERED, true))
      .mockResolvedValueOnce(domainsReply(HOSTED));
    const good = await getAccountOverview(user("staff"), DEFAULT_DOMAIN_LIST_QUERY);
    expect(good).toMatchObject({ stale: false, truncated: true });
    invalidateAccountOverview();
    fakeClient.getPopExpirations.mockRejectedValue(down);
    const stale = await getAccountOverview(user("staff"), DEFAULT_DOMAIN_LIST_QUERY);
    expect(stale).toMatchObject({ stale: true, total: 7, fetchedAt: good.fetchedAt });
  });

  it("throws the client's error for an answer it does not understand, never an empty account", async () => {
    const odd = new EnomUnavailable({
      command: "GetPOPExpirations",
      kind: "read",
      reason: "unrecognised",
      outcome: "unknown",
      detail: "no popexpirations list",
    });
    fakeClient.getPopExpirations.mockRejectedValue(odd);
    await expect(getAccountOverview(user("staff"), DEFAULT_DOMAIN_LIST_QUERY)).rejects.toBe(odd);
  });
});

describe("getAccountPaks", () => {
  it("lists the paks from GetPOPExpirations alone, so the expirations work while GetDomains cannot be read", async () => {
    fakeClient.getDomains.mockRejectedValue(
      new EnomUnavailable({
        command: "GetDomains",
        kind: "read",
        reason: "unrecognised",
        outcome: "unknown",
        detail: "no domain-list",
      }),
    );
    const staff = await getAccountPaks(user("staff"));
    expect(staff).toMatchObject({ paks: PAKS, stale: false });
    vi.mocked(listCustomerDomains).mockResolvedValue(["Alpha-Bakery.com"]);
    const customer = await getAccountPaks(user("customer", "c-1"));
    expect(customer.paks.map((pak) => pak.bundleId)).toEqual([1001, 1002]);
    expect(fakeClient.getDomains).not.toHaveBeenCalled();
    expect(fakeClient.getPopExpirations).toHaveBeenCalledTimes(1);
  });

  it("shares the domains page's pak list: one GetPOPExpirations for both", async () => {
    await getAccountOverview(user("staff"), DEFAULT_DOMAIN_LIST_QUERY, { today: TODAY });
    const { paks } = await getAccountPaks(user("staff"));
    expect(paks).toHaveLength(PAKS.length);
    expect(fakeClient.getPopExpirations).toHaveBeenCalledTimes(1);
  });
});

describe("listAccountDomainNames", () => {
  it("offers registered and DNS-hosted domains from eNom's current list, not the domains page's copy", async () => {
    const { listAccountDomainNames } = await import("./account-domains");
    fakeClient.getDomains.mockReset().mockImplementation((input?: { tab?: string }) => {
      expect(input?.tab).toBeUndefined(); // the client lists both tabs
      return Promise.resolve(domainsReply([...REGISTERED, ...HOSTED]));
    });
    expect(await listAccountDomainNames()).toEqual([
      "alpha-bakery.com",
      "bravo-plumbing.net",
      "charlie-cafe.org",
      "delta-dental.com",
      "echo-books.com",
      "foxtrot-farm.com",
    ]);
    expect(fakeClient.getDomains).toHaveBeenCalledTimes(1);
  });
});
