import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import {
  customerDomains,
  customers,
  mailboxDisplayNames,
  mirrorDomains,
  mirrorMailboxes,
  mirrorPaks,
} from "@/lib/db/schema";
import { createTestUser } from "@/test/fixtures";
import type { SessionUser } from "@/test/session-mock";
import type { SearchFilter, SearchInput, SearchPage } from "./model";
import { searchAccount } from "./search";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

/**
 * The search at the size the issue names: 10,000 domains, 50,000 mailboxes, 10,000 paks, 100
 * customers of 20 domains each. The timings are printed for the record, never asserted.
 */
const DOMAINS = 10_000;
const MAILBOXES_PER_DOMAIN = 5;
const TODAY = new Date("2026-06-01T00:00:00Z");

let staff: SessionUser;
let customerUser: SessionUser;
const timings: string[] = [];

const domainName = (index: number) => `d${String(index).padStart(5, "0")}.test`;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += 5_000) await insert(rows.slice(start, start + 5_000));
}

beforeAll(async () => {
  const db = await getDb();
  const readAt = new Date("2026-06-01T00:00:00Z");
  const domains = Array.from({ length: DOMAINS }, (_, index) => domainName(index));
  await insertInBatches(domains, (batch) =>
    db.insert(mirrorDomains).values(batch.map((domain) => ({ domain, hasEmail: true, emailReadAt: readAt }))),
  );
  const mailboxes = domains.flatMap((domain, index) =>
    Array.from({ length: MAILBOXES_PER_DOMAIN }, (_, slot) => ({
      domain,
      userName: `user${index * MAILBOXES_PER_DOMAIN + slot}`,
      address: `user${index * MAILBOXES_PER_DOMAIN + slot}@${domain}`,
      bundleId: index,
      isAdmin: slot === 0,
      quotaMb: 1024,
      // One mailbox in 50 is near full.
      quotaUsedMb: (index * MAILBOXES_PER_DOMAIN + slot) % 50 === 0 ? 1000 : 100,
      readAt,
    })),
  );
  await insertInBatches(mailboxes, (batch) => db.insert(mirrorMailboxes).values(batch));
  await insertInBatches(
    mailboxes.filter((_, index) => index % 5 === 1),
    (batch) =>
      db.insert(mailboxDisplayNames).values(
        batch.map((mailbox) => ({
          domain: mailbox.domain,
          userName: mailbox.userName,
          displayName: `Person ${mailbox.userName.slice(4)}`,
        })),
      ),
  );
  await insertInBatches(domains, (batch) =>
    db.insert(mirrorPaks).values(
      batch.map((domain, index) => ({
        domain,
        bundleId: index,
        expires: `2026-${String((index % 12) + 1).padStart(2, "0")}-15`,
        autoRenew: index % 3 !== 0,
        purchased: 10,
        available: 5,
        readAt,
      })),
    ),
  );
  const made = await db
    .insert(customers)
    .values(Array.from({ length: 100 }, (_, index) => ({ name: `Customer ${index}` })))
    .returning({ id: customers.id });
  await db.insert(customerDomains).values(
    made.flatMap((customer, index) =>
      Array.from({ length: 20 }, (_, slot) => ({
        domain: domainName(index * 20 + slot),
        customerId: customer.id,
      })),
    ),
  );
  staff = await createTestUser({ email: "staff@reseller.test", role: "staff" });
  const firstCustomer = made[0];
  if (!firstCustomer) throw new Error("no customer made");
  customerUser = await createTestUser({
    email: "owner@customer0.test",
    role: "customer",
    customerId: firstCustomer.id,
  });
}, 120_000);

async function timed(label: string, user: SessionUser, search: Partial<SearchInput>): Promise<SearchPage> {
  const input: SearchInput = { q: "", filter: null, cursor: null, limit: 20, ...search };
  const started = performance.now();
  const page = await searchAccount(user, input, { today: TODAY });
  timings.push(`${label}: ${(performance.now() - started).toFixed(1)} ms, ${page.results.length} results`);
  return page;
}

describe("search over 10,000 domains and 50,000 mailboxes", () => {
  it("finds by prefix, substring and display name, and keeps a customer to their 20 domains", async () => {
    // Warm the connection pool so the first timing is the query's own.
    await timed("warm-up", staff, { q: "user1" });

    const prefix = await timed("staff, address prefix 'user4999'", staff, { q: "user4999" });
    expect(prefix.results[0]).toMatchObject({ kind: "mailbox", address: "user4999@d00999.test" });

    const substring = await timed("staff, substring '999@'", staff, { q: "999@" });
    expect(substring.results.length).toBe(20);
    expect(substring.nextCursor).not.toBeNull();

    const named = await timed("staff, display name 'person 12346'", staff, { q: "person 12346" });
    expect(named.results).toEqual([expect.objectContaining({ address: "user12346@d02469.test" })]);

    const wide = await timed("staff, 'user' (every mailbox matches)", staff, { q: "user" });
    expect(wide.results.length).toBe(20);

    for (const filter of ["near-full", "admins", "expiring", "auto-renew-off"] as SearchFilter[]) {
      const page = await timed(`staff, filter ${filter}`, staff, { filter });
      expect(page.results.length).toBe(20);
    }

    const own = await timed("customer, 'user'", customerUser, { q: "user", limit: 50 });
    expect(own.results.length).toBe(50);
    for (const result of own.results) expect(result.domain < domainName(20)).toBe(true);

    // Page 25 of "user" costs about what page 2 does: the cursor is a position, not an offset.
    let cursor = wide.nextCursor;
    for (let page = 2; page < 25 && cursor; page += 1)
      cursor = (await searchAccount(staff, { q: "user", filter: null, cursor, limit: 20 })).nextCursor;
    const deep = await timed("staff, 'user', page 25", staff, { q: "user", cursor });
    expect(deep.results.length).toBe(20);

    console.log(`Search timings at ${DOMAINS} domains:\n  ${timings.join("\n  ")}`);
  }, 120_000);
});
