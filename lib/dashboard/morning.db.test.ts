import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db";
import {
  accountSnapshots,
  mirrorDomains,
  mirrorExpirations,
  mirrorMailboxes,
  mirrorPaks,
  mirrorSyncs,
  notifications,
  purchaseAttempts,
  purchaseRequests,
} from "@/lib/db/schema";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import type { SessionUser } from "@/test/session-mock";
import { getMorningPage, getRenewalOutlook, type MorningPage } from "./morning";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

/**
 * The morning page against a mirror seeded by hand: each attention item counts exactly the rows
 * it names (and no other), links to its fix, and shows only what the user's role may see; the
 * day's snapshot is taken on the first view.
 */

const NOW = new Date("2026-06-01T07:00:00Z");
const READ_AT = new Date("2026-06-01T03:00:00Z");

let admin: SessionUser;
let staff: SessionUser;
let support: SessionUser;
let customerLogin: SessionUser;

beforeAll(async () => {
  admin = await createTestUser({ email: "ada@reseller.test", role: "admin" });
  staff = await createTestUser({ email: "sam@reseller.test", role: "staff" });
  support = await createTestUser({ email: "sue@reseller.test", role: "support" });
  const bakery = await createTestCustomer("Bakery Ltd", ["a.test"]);
  customerLogin = await createTestUser({ email: "owner@a.test", role: "customer", customerId: bakery.id });

  const db = await getDb();
  await db
    .insert(mirrorSyncs)
    .values({ startedAt: READ_AT, finishedAt: READ_AT, domainsListed: 5, domainsRead: 4 });
  await db.insert(mirrorDomains).values([
    { domain: "a.test", hasEmail: true, emailReadAt: READ_AT, pakCount: 2 },
    { domain: "b.test", hasEmail: true, emailReadAt: READ_AT, pakCount: 2 },
    { domain: "c.test", hasEmail: true, emailReadAt: READ_AT, pakCount: 1 },
    // Its GetPOP3 failed: only the account's expiry list names its pak.
    { domain: "d.test", hasEmail: true, emailReadAt: null, readError: "eNom did not answer" },
    { domain: "bare.test", hasEmail: false, emailReadAt: READ_AT },
  ]);
  const pak = (
    domain: string,
    bundleId: number,
    expires: string,
    extra: Partial<typeof mirrorPaks.$inferInsert> = {},
  ): typeof mirrorPaks.$inferInsert => ({
    domain,
    bundleId,
    expires,
    autoRenew: false,
    purchased: 10,
    available: 4,
    capacityGb: 1,
    quotaMb: 1024,
    readAt: READ_AT,
    ...extra,
  });
  await db.insert(mirrorPaks).values([
    pak("a.test", 1, "2026-05-20", { autoRenew: true }), // expired
    pak("a.test", 2, "2026-06-15", { purchased: 5, available: 0 }), // expiring, and full
    pak("b.test", 3, "2026-07-01"), // in 30 days: the last day that counts
    pak("b.test", 4, "2026-07-02"), // in 31 days: not yet
    pak("c.test", 5, "2027-01-01", { available: 0 }), // full
  ]);
  await db
    .insert(mirrorExpirations)
    .values([{ domain: "d.test", bundleId: 6, expires: "2026-05-01", autoRenew: null, readAt: READ_AT }]);
  const mailbox = (
    domain: string,
    userName: string,
    quotaUsedMb: number | null,
    quotaMb: number | null = 1024,
  ) => ({
    domain,
    userName,
    address: `${userName}@${domain}`,
    isAdmin: false,
    quotaMb,
    quotaUsedMb,
    bundleId: 1,
    readAt: READ_AT,
  });
  await db.insert(mirrorMailboxes).values([
    mailbox("a.test", "ann", 950), // 92 %
    mailbox("b.test", "bob", 921), // 89.9 %: not near full
    mailbox("c.test", "cy", 1024), // 100 %
    mailbox("c.test", "noquota", null, null),
  ]);
  const attempt = (key: string, status: "unknown" | "ok", createdAt: Date) => ({
    key,
    kind: "renew" as const,
    status,
    actorId: staff.id,
    actorEmail: staff.email,
    actorRole: "staff",
    domain: "b.test",
    request: {},
    createdAt,
  });
  await db
    .insert(purchaseAttempts)
    .values([
      attempt("late-answer-2", "unknown", new Date("2026-05-31T10:00:00Z")),
      attempt("late-answer-1", "unknown", new Date("2026-05-30T10:00:00Z")),
      attempt("done", "ok", new Date("2026-05-29T10:00:00Z")),
    ]);
  await db.insert(purchaseRequests).values([
    {
      customerId: bakery.id,
      requestedByEmail: "owner@a.test",
      kind: "purchase",
      domain: "a.test",
      request: {},
      status: "waiting",
    },
    {
      customerId: bakery.id,
      requestedByEmail: "owner@a.test",
      kind: "renew",
      domain: "a.test",
      request: {},
      status: "declined",
    },
  ]);
  for (let i = 1; i <= 12; i += 1)
    await recordAudit({
      actor: { id: staff.id, email: staff.email, role: "staff" },
      action: "mailbox.create",
      outcome: "ok",
      summary: `Created mailbox m${i}`,
      domain: "a.test",
      mailbox: `m${i}`,
    });
});

function loaded(page: MorningPage) {
  if (!page.ok) throw new Error(`the page failed: ${page.failure.message}`);
  return page;
}

describe("getMorningPage", () => {
  it("counts each attention item from the mirror and the panel's tables, most urgent first", async () => {
    const page = loaded(await getMorningPage(staff, NOW));
    expect(page.attention.map((item) => [item.kind, item.count])).toEqual([
      ["expired", 2],
      ["expiring", 2],
      ["unknown-orders", 2],
      ["approvals", 1],
      ["full", 2],
      ["near-full", 2],
    ]);
    // No domain has been checked for mail delivery here: nothing found, and the page says so.
    expect(page.clear).toEqual(["mail-delivery"]);
    expect(page.mirror.state).toBe("synced");
  });

  it("links each item to its fix: the renew wizard with those paks, the orders, the approvals, the search", async () => {
    const page = loaded(await getMorningPage(staff, NOW));
    const fix = Object.fromEntries(page.attention.map((item) => [item.kind, item.fix.href]));
    expect(fix).toEqual({
      expired: "/renew?items=d.test%3A6%2Ca.test%3A1&years=1",
      expiring: "/renew?items=a.test%3A2%2Cb.test%3A3&years=1",
      "unknown-orders": "/orders?outcome=unknown",
      approvals: "/approvals",
      full: "/domains?filter=full",
      "near-full": "/search?filter=near-full",
    });
    const entries = Object.fromEntries(page.attention.map((item) => [item.kind, item.entries]));
    expect(entries["near-full"]).toEqual([
      { label: "cy@c.test · 100 % used", href: "/domains/c.test" },
      { label: "ann@a.test · 92 % used", href: "/domains/a.test" },
    ]);
    // The oldest unknown order first: it has waited longest.
    expect(entries["unknown-orders"]?.map((entry) => entry.href)).toEqual([
      "/purchases/late-answer-1",
      "/purchases/late-answer-2",
    ]);
    expect(entries.approvals).toEqual([{ label: "Bakery Ltd: new pak for a.test", href: "/approvals" }]);
  });

  it("gives the figures and the renewals due now, the unread pak counted but not priced", async () => {
    const page = loaded(await getMorningPage(staff, NOW));
    expect(page.paks).toMatchObject({
      paks: 5,
      domainsWithEmail: 3,
      mailboxes: { purchased: 45, used: 33, fullPaks: 2 },
    });
    expect(page.dueSoon).toMatchObject({ paks: 4, expired: 2, unpriced: 1 });
    expect(page.dueSoon.costCents).toBeGreaterThan(0);
    expect(page.priced).toHaveLength(6);
  });

  it("shows the last ten audit entries, newest first", async () => {
    const page = loaded(await getMorningPage(staff, NOW));
    expect(page.activity?.map((entry) => entry.summary)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Created mailbox m${12 - i}`),
    );
  });

  it("shows support what it may see: no orders or approvals, and the expirations list instead of the wizard", async () => {
    const page = loaded(await getMorningPage(support, NOW));
    expect(page.attention.map((item) => item.kind)).toEqual(["expired", "expiring", "full", "near-full"]);
    expect(page.attention[0]?.fix.href).toBe("/expirations?filter=expired");
    expect(page.activity).not.toBeNull();
  });

  it("is not a customer's page", async () => {
    await expect(getMorningPage(customerLogin, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("takes the day's snapshot on the first view, once", async () => {
    const db = await getDb();
    const day = "2026-06-02";
    const later = new Date(`${day}T08:00:00Z`);
    await getMorningPage(admin, later);
    await db.insert(mirrorMailboxes).values({
      domain: "bare.test",
      userName: "new",
      address: "new@bare.test",
      isAdmin: false,
      readAt: READ_AT,
    });
    const page = loaded(await getMorningPage(admin, later));
    const rows = await db.select().from(accountSnapshots).where(eq(accountSnapshots.day, day));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      domains: 5,
      domainsWithEmail: 3,
      paks: 5,
      // Taken before the fifth mailbox was added: the first snapshot of the day stands.
      mailboxes: 4,
      mailboxesPurchased: 45,
      storageUsedMb: 950 + 921 + 1024,
    });
    expect(page.growth.points.map((point) => point.day)).toContain(day);
    await db.delete(mirrorMailboxes).where(eq(mirrorMailboxes.address, "new@bare.test"));
  });
});

describe("getRenewalOutlook", () => {
  it("sets the renewals against the balance, and tells staff once a day when it falls short", async () => {
    const morning = getMorningPage(staff, NOW);
    const enough = await getRenewalOutlook(
      morning,
      Promise.resolve({ ok: true, balanceCents: 10_000_000, availableCents: null }),
      NOW,
    );
    expect(enough?.outlook.firstShort).toBeNull();
    expect(enough?.outlook.overdue.paks).toBe(2);

    const short = await getRenewalOutlook(
      morning,
      Promise.resolve({ ok: true, balanceCents: 0, availableCents: 0 }),
      NOW,
    );
    expect(short?.outlook.firstShort?.month).toBe("2026-06");
    const db = await getDb();
    // The notification is written beside the page, not awaited by it.
    let rows: { userId: string }[] = [];
    for (let i = 0; i < 50 && rows.length < 2; i += 1) {
      rows = await db
        .select()
        .from(notifications)
        .where(eq(notifications.dedupeKey, "low-balance:2026-06-01"));
      if (rows.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Admin and staff; never support or customers.
    expect(rows.map((row) => row.userId).sort()).toEqual([admin.id, staff.id].sort());

    const unknown = await getRenewalOutlook(morning, Promise.resolve({ ok: false }), NOW);
    expect(unknown?.balanceKnown).toBe(false);
    expect(unknown?.outlook.balanceCents).toBeNull();
  });
});
