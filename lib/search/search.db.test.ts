import { beforeAll, describe, expect, it, vi } from "vitest";
import { ForbiddenError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db";
import { mailboxDisplayNames, mirrorDomains, mirrorMailboxes, mirrorPaks } from "@/lib/db/schema";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import type { SessionUser } from "@/test/session-mock";
import { BadCursorError } from "./cursor";
import { parseSearch, type SearchFilter, type SearchInput, type SearchResult } from "./model";
import { searchAccount } from "./search";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

const TODAY = new Date("2026-06-01T12:00:00Z");
const READ_AT = new Date("2026-06-01T08:00:00Z");

let staff: SessionUser;
let support: SessionUser;
let bakeryOwner: SessionUser;
let floristOwner: SessionUser;

/** Every domain and mailbox made here; customer A owns bakery.test and bakery.shop, B florist.test. */
beforeAll(async () => {
  const bakery = await createTestCustomer("Bakery Ltd", ["bakery.test", "bakery.shop"]);
  const florist = await createTestCustomer("Florist & Sons", ["florist.test"]);
  staff = await createTestUser({ email: "ann@reseller.test", role: "staff" });
  support = await createTestUser({ email: "sue@reseller.test", role: "support" });
  bakeryOwner = await createTestUser({ email: "owner@bakery.test", role: "customer", customerId: bakery.id });
  floristOwner = await createTestUser({
    email: "owner@florist.test",
    role: "customer",
    customerId: florist.id,
  });

  const db = await getDb();
  await db.insert(mirrorDomains).values([
    { domain: "bakery.test", hasEmail: true, emailReadAt: READ_AT, listedAt: READ_AT },
    { domain: "bakery.shop", hasEmail: true, emailReadAt: new Date("2026-05-30T08:00:00Z") },
    { domain: "florist.test", hasEmail: true, emailReadAt: READ_AT },
    // Nobody's: only staff see it.
    { domain: "spare.test", hasEmail: null, emailReadAt: null },
  ]);
  const mailbox = (
    domain: string,
    userName: string,
    extra: Partial<typeof mirrorMailboxes.$inferInsert> = {},
  ): typeof mirrorMailboxes.$inferInsert => ({
    domain,
    userName,
    address: `${userName}@${domain}`,
    isAdmin: false,
    quotaMb: 1024,
    quotaUsedMb: 100,
    bundleId: 1,
    readAt: READ_AT,
    ...extra,
  });
  await db.insert(mirrorMailboxes).values([
    mailbox("bakery.test", "ann", { isAdmin: true }),
    mailbox("bakery.test", "bread", { quotaUsedMb: 922 }), // 90.04 %: near full
    mailbox("bakery.test", "joanna"),
    mailbox("bakery.shop", "orders", { quotaUsedMb: 921 }), // 89.9 %: not near full
    mailbox("florist.test", "ann", { isAdmin: true, quotaUsedMb: 1024 }),
    mailbox("florist.test", "roses"),
    mailbox("spare.test", "x_y"),
    mailbox("spare.test", "xzy"),
    mailbox("spare.test", "noquota", { quotaMb: null, quotaUsedMb: null }),
  ]);
  await db.insert(mailboxDisplayNames).values([
    { domain: "bakery.test", userName: "bread", displayName: "Marianne Baker" },
    { domain: "florist.test", userName: "roses", displayName: "Marianne Florist" },
  ]);
  const pak = (
    domain: string,
    bundleId: number,
    expires: string,
    autoRenew: boolean,
  ): typeof mirrorPaks.$inferInsert => ({
    domain,
    bundleId,
    expires,
    autoRenew,
    purchased: 10,
    available: 5,
    capacityGb: 1,
    quotaMb: 1024,
    readAt: READ_AT,
  });
  await db.insert(mirrorPaks).values([
    pak("bakery.test", 1, "2026-05-20", true), // expired
    pak("bakery.test", 2, "2026-07-01", false), // in 30 days: the last day that counts
    pak("bakery.shop", 3, "2026-07-02", true), // in 31 days: not expiring
    pak("florist.test", 4, "2026-06-10", false),
    pak("spare.test", 5, "2026-06-05", true),
  ]);
});

function input(q: string, filter: SearchFilter | null = null, extra: Partial<SearchInput> = {}): SearchInput {
  return { q, filter, cursor: null, limit: 20, ...extra };
}

function labels(results: SearchResult[]): string[] {
  return results.map((result) =>
    result.kind === "domain"
      ? result.domain
      : result.kind === "mailbox"
        ? result.address
        : `${result.domain}#${result.bundleId}`,
  );
}

async function search(user: SessionUser, q: string, filter: SearchFilter | null = null) {
  return labels((await searchAccount(user, input(q, filter), { today: TODAY })).results);
}

/** Every result of a search, page by page, with the number of pages it took. */
async function allPages(user: SessionUser, q: string, filter: SearchFilter | null, limit: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await searchAccount(user, input(q, filter, { cursor, limit }), { today: TODAY });
    seen.push(...labels(page.results));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { seen, pages };
}

describe("staff search", () => {
  it("finds mailboxes by address prefix, prefix matches before matches inside", async () => {
    expect(await search(staff, "ann")).toEqual([
      "ann@bakery.test",
      "ann@florist.test",
      "bread@bakery.test", // Marianne Baker
      "joanna@bakery.test",
      "roses@florist.test", // Marianne Florist
    ]);
  });

  it("finds a domain by its prefix, before the mailboxes that hold it", async () => {
    expect(await search(staff, "flor")).toEqual(["florist.test", "ann@florist.test", "roses@florist.test"]);
  });

  it("finds by substring anywhere in the address", async () => {
    expect(await search(staff, "ose")).toEqual(["roses@florist.test"]);
    expect(await search(staff, "@bakery.sh")).toEqual(["orders@bakery.shop"]);
  });

  it("finds a domain before its mailboxes", async () => {
    expect(await search(staff, "bakery.shop")).toEqual(["bakery.shop", "orders@bakery.shop"]);
  });

  it("finds mailboxes by display name, without regard to case", async () => {
    expect(await search(staff, "MARIANNE")).toEqual(["bread@bakery.test", "roses@florist.test"]);
  });

  it("finds a customer's domains by the customer's name and says whose they are", async () => {
    const page = await searchAccount(staff, input("florist &"), { today: TODAY });
    expect(page.results).toEqual([
      expect.objectContaining({ kind: "domain", domain: "florist.test", customerName: "Florist & Sons" }),
    ]);
  });

  it("takes % and _ literally", async () => {
    expect(await search(staff, "x_y")).toEqual(["x_y@spare.test"]);
    expect(await search(staff, "%")).toEqual([]);
  });

  it("lets support search the whole account too", async () => {
    expect(await search(support, "roses")).toEqual(["roses@florist.test"]);
  });

  it("lists near-full mailboxes from 90 % of the quota on", async () => {
    expect(await search(staff, "", "near-full")).toEqual(["bread@bakery.test", "ann@florist.test"]);
  });

  it("lists administrator mailboxes, narrowed by the text", async () => {
    expect(await search(staff, "", "admins")).toEqual(["ann@bakery.test", "ann@florist.test"]);
    expect(await search(staff, "florist", "admins")).toEqual(["ann@florist.test"]);
  });

  it("lists paks expired or expiring within 30 days, soonest first", async () => {
    expect(await search(staff, "", "expiring")).toEqual([
      "bakery.test#1",
      "spare.test#5",
      "florist.test#4",
      "bakery.test#2",
    ]);
  });

  it("lists paks with auto-renew off, and by customer name", async () => {
    expect(await search(staff, "", "auto-renew-off")).toEqual(["florist.test#4", "bakery.test#2"]);
    expect(await search(staff, "bakery ltd", "auto-renew-off")).toEqual(["bakery.test#2"]);
  });

  it("says how fresh the mirror is on the first page", async () => {
    const page = await searchAccount(staff, input("bakery"), { today: TODAY });
    expect(page.freshness).toEqual({
      oldestReadAt: "2026-05-30T08:00:00.000Z",
      newestReadAt: READ_AT.toISOString(),
      unreadDomains: 1,
    });
  });
});

describe("paging", () => {
  it.each([
    ["", "admins"],
    ["a", null],
    ["", "expiring"],
    ["", "auto-renew-off"],
    ["", "near-full"],
  ] as const)("returns every row once across pages (q=%j, filter=%s)", async (q, filter) => {
    const whole = await search(staff, q, filter);
    const { seen, pages } = await allPages(staff, q, filter, 1);
    expect(seen).toEqual(whole);
    expect(pages).toBe(Math.max(whole.length, 1));
  });

  it("pages a mixed list of domains and mailboxes in the same order as one page", async () => {
    const whole = await search(staff, "test");
    expect(whole.length).toBeGreaterThan(6);
    const { seen } = await allPages(staff, "test", null, 3);
    expect(seen).toEqual(whole);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("refuses a cursor it did not make, or one of another kind of search", async () => {
    const garbage = searchAccount(staff, input("a", null, { cursor: "bm90LWEtY3Vyc29y" }));
    await expect(garbage).rejects.toBeInstanceOf(BadCursorError);

    const paks = await searchAccount(staff, input("", "expiring", { limit: 1 }), { today: TODAY });
    expect(paks.nextCursor).not.toBeNull();
    const mixed = searchAccount(staff, input("a", null, { cursor: paks.nextCursor }));
    await expect(mixed).rejects.toBeInstanceOf(BadCursorError);
  });
});

describe("a customer's search", () => {
  it("reaches only their own domains and mailboxes", async () => {
    expect(await search(bakeryOwner, "ann")).toEqual([
      "ann@bakery.test",
      "bread@bakery.test",
      "joanna@bakery.test",
    ]);
    expect(await search(floristOwner, "ann")).toEqual(["ann@florist.test", "roses@florist.test"]);
    expect(await search(bakeryOwner, "marianne")).toEqual(["bread@bakery.test"]);
    expect(await search(bakeryOwner, "florist")).toEqual([]);
    expect(await search(bakeryOwner, "annex")).toEqual([]);
  });

  it("matches a query shorter than three characters only where a word starts", async () => {
    const short = await search(bakeryOwner, "an");
    expect(short).toContain("ann@bakery.test");
    // "joanna" and "Marianne" hold "an" inside a word, not at its start.
    expect(short).not.toContain("joanna@bakery.test");
    expect(short).not.toContain("bread@bakery.test");
    expect(await search(bakeryOwner, "ann")).toContain("joanna@bakery.test");
  });

  it("reaches only their own rows through every filter", async () => {
    expect(await search(bakeryOwner, "", "near-full")).toEqual(["bread@bakery.test"]);
    expect(await search(bakeryOwner, "", "admins")).toEqual(["ann@bakery.test"]);
    expect(await search(bakeryOwner, "", "expiring")).toEqual(["bakery.test#1", "bakery.test#2"]);
    expect(await search(bakeryOwner, "", "auto-renew-off")).toEqual(["bakery.test#2"]);
    expect(await search(floristOwner, "", "expiring")).toEqual(["florist.test#4"]);
  });

  it("reaches only their own rows page by page", async () => {
    for (const [q, filter] of [
      ["a", null],
      ["", "admins"],
      ["", "expiring"],
      ["test", null],
    ] as const) {
      const { seen } = await allPages(bakeryOwner, q, filter, 1);
      expect(seen.length).toBeGreaterThan(0);
      for (const label of seen) expect(label).toMatch(/bakery\.(test|shop)/);
    }
  });

  it("cannot page into another customer's rows with a staff cursor", async () => {
    const first = await searchAccount(staff, input("ann", null, { limit: 1 }), { today: TODAY });
    expect(labels(first.results)).toEqual(["ann@bakery.test"]);
    const next = await searchAccount(floristOwner, input("ann", null, { cursor: first.nextCursor }));
    expect(labels(next.results)).toEqual(["ann@florist.test", "roses@florist.test"]);
  });

  it("does not show the customer's own name on results, and counts only their domains as fresh", async () => {
    const page = await searchAccount(bakeryOwner, input("bakery"), { today: TODAY });
    expect(page.results.length).toBeGreaterThan(0);
    for (const result of page.results) expect(result.customerName).toBeNull();
    expect(page.freshness).toEqual({
      oldestReadAt: "2026-05-30T08:00:00.000Z",
      newestReadAt: READ_AT.toISOString(),
      unreadDomains: 0,
    });
  });

  it("is refused when the customer may not view domains", async () => {
    const withoutAllowances: SessionUser = { ...bakeryOwner, customer: null };
    await expect(searchAccount(withoutAllowances, input("ann"))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("parsing the URL", () => {
  it("turns a search into the input the door takes", () => {
    expect(parseSearch(new URLSearchParams("q=%20Ann%20&filter=admins"))).toEqual({
      ok: true,
      input: { q: "ann", filter: "admins", cursor: null, limit: 20 },
    });
  });
});
