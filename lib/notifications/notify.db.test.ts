import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db";
import { mirrorDomains, mirrorPaks, notifications, users } from "@/lib/db/schema";
import type { MailMessage } from "@/lib/mail/message";
import { replaceMailTransport, type MailTransport } from "@/lib/mail/transport";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
  setNotificationEmailsAction,
} from "@/lib/actions/notifications";
import { checkAutoRenewFailures, notifyIfBalanceShort } from "./checks";
import { notifyStaff } from "./notify";
import {
  getNotificationEmailChoices,
  getNotifications,
  getNotificationSummary,
  markAllNotificationsRead,
  markNotificationRead,
} from "./reads";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

/**
 * Staff notifications: one row per admin and staff user for each event however often it is
 * notified, an email only to those who chose its kind, and each person reading and marking only
 * their own.
 */

let admin: SessionUser;
let staff: SessionUser;
let support: SessionUser;
let gone: SessionUser;
let customerLogin: SessionUser;
const sent: MailMessage[] = [];
let failing = false;
let previous: MailTransport | undefined;

beforeAll(async () => {
  admin = await createTestUser({ email: "ada@reseller.test", role: "admin" });
  staff = await createTestUser({ email: "sam@reseller.test", role: "staff" });
  support = await createTestUser({ email: "sue@reseller.test", role: "support" });
  gone = await createTestUser({ email: "gone@reseller.test", role: "staff" });
  const bakery = await createTestCustomer("Bakery Ltd", ["a.test"]);
  customerLogin = await createTestUser({ email: "owner@a.test", role: "customer", customerId: bakery.id });
  const db = await getDb();
  await db.update(users).set({ disabled: true }).where(eq(users.id, gone.id));
  await db
    .update(users)
    .set({ notificationEmails: ["low-balance"] })
    .where(eq(users.id, admin.id));
  previous = replaceMailTransport({
    async send(message) {
      if (failing) throw new Error("smtp down");
      sent.push(message);
    },
  });
});

afterAll(() => {
  if (previous) replaceMailTransport(previous);
  signInAs(null);
});

beforeEach(() => {
  sent.length = 0;
  failing = false;
});

async function rowsFor(dedupeKey: string) {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.dedupeKey, dedupeKey));
}

describe("notifyStaff", () => {
  it("adds one row per enabled admin and staff user, and emails only those who chose the kind", async () => {
    const result = await notifyStaff({
      kind: "low-balance",
      title: "The balance is low",
      body: "Add funds.",
      href: "/expirations?filter=30",
      dedupeKey: "test:low:1",
    });
    expect(result).toEqual({ created: 2, emailed: 1 });
    const rows = await rowsFor("test:low:1");
    expect(rows.map((row) => row.userId).sort()).toEqual([admin.id, staff.id].sort());
    expect(rows.find((row) => row.userId === admin.id)?.emailedAt).not.toBeNull();
    expect(rows.find((row) => row.userId === staff.id)?.emailedAt).toBeNull();

    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail?.to).toEqual([admin.email]);
    expect(mail?.subject).toBe("The balance is low");
    expect(mail?.text).toContain("Add funds.");
    expect(mail?.text).toMatch(/https?:\/\/[^\s]+\/expirations\?filter=30/);
    expect(mail?.text).toMatch(/\/account/);
    expect(mail?.text).not.toMatch(/password/i);
  });

  it("notifies an event once however often it is seen: no second row, no second email", async () => {
    const again = await notifyStaff({
      kind: "low-balance",
      title: "The balance is low",
      dedupeKey: "test:low:1",
    });
    expect(again).toEqual({ created: 0, emailed: 0 });
    expect(await rowsFor("test:low:1")).toHaveLength(2);
    expect(sent).toHaveLength(0);
  });

  it("sends no email for a kind nobody chose", async () => {
    const result = await notifyStaff({
      kind: "customer-purchase",
      title: "Bakery Ltd bought a pak",
      href: "/orders",
      dedupeKey: "test:purchase:1",
    });
    expect(result).toEqual({ created: 2, emailed: 0 });
    expect(sent).toHaveLength(0);
  });

  it("keeps the notification when its email fails, and does not throw", async () => {
    failing = true;
    const result = await notifyStaff({ kind: "low-balance", title: "Low again", dedupeKey: "test:low:2" });
    expect(result).toEqual({ created: 2, emailed: 0 });
    const rows = await rowsFor("test:low:2");
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.emailedAt === null)).toBe(true);
  });

  it("keeps only links inside the panel", async () => {
    await notifyStaff({
      kind: "customer-purchase",
      title: "Elsewhere",
      href: "https://evil.example/phish",
      dedupeKey: "test:href",
    });
    expect((await rowsFor("test:href")).map((row) => row.href)).toEqual([null, null]);
  });
});

describe("the events", () => {
  it("notifies a pak whose auto-renew is on but which expired, once per pak and expiry", async () => {
    const db = await getDb();
    const readAt = new Date("2026-06-01T03:00:00Z");
    await db
      .insert(mirrorDomains)
      .values({ domain: "lapsed.test", hasEmail: true, emailReadAt: readAt, pakCount: 4 });
    const pak = (bundleId: number, expires: string, autoRenew: boolean) => ({
      domain: "lapsed.test",
      bundleId,
      expires,
      autoRenew,
      purchased: 5,
      available: 1,
      readAt,
    });
    await db.insert(mirrorPaks).values([
      pak(1, "2026-05-28", true), // lapsed 4 days ago with auto-renew on: notified
      pak(2, "2026-05-28", false), // auto-renew off: the dashboard lists it, no notification
      pak(3, "2026-03-01", true), // lapsed long ago: old news
      pak(4, "2026-06-01", true), // expires today: not lapsed yet
    ]);
    const now = new Date("2026-06-01T06:00:00Z");
    expect(await checkAutoRenewFailures(now)).toBe(1);
    const rows = await rowsFor("auto-renew-failed:lapsed.test:1:2026-05-28");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      kind: "auto-renew-failed",
      title: "Pak 1 of lapsed.test did not renew automatically",
      href: "/renew?items=lapsed.test%3A1&years=1",
    });
    await checkAutoRenewFailures(now);
    expect(await rowsFor("auto-renew-failed:lapsed.test:1:2026-05-28")).toHaveLength(2);
    const all = await db.select().from(notifications).where(eq(notifications.kind, "auto-renew-failed"));
    expect(all).toHaveLength(2);
  });

  it("notifies a balance short of the renewals due within 30 days, once a day", async () => {
    const due = { paks: 3, expired: 1, costCents: 5_000, unpriced: 0 };
    const day = new Date("2026-06-01T10:00:00Z");
    expect(await notifyIfBalanceShort(4_000, due, day)).toBe(true);
    expect(await notifyIfBalanceShort(1_000, due, new Date("2026-06-01T18:00:00Z"))).toBe(true);
    const rows = await rowsFor("low-balance:2026-06-01");
    expect(rows).toHaveLength(2);
    expect(rows[0]?.body).toContain("$10.00 short");
    expect(sent.map((mail) => mail.to)).toEqual([[admin.email]]);

    expect(await notifyIfBalanceShort(5_000, due, new Date("2026-06-02T10:00:00Z"))).toBe(false);
    expect(await notifyIfBalanceShort(null, due, new Date("2026-06-02T10:00:00Z"))).toBe(false);
    expect(await rowsFor("low-balance:2026-06-02")).toHaveLength(0);
  });
});

describe("reading and marking", () => {
  it("gives each person their own notifications, newest first, with the unread count", async () => {
    const summary = await getNotificationSummary(staff);
    const list = await getNotifications(staff);
    expect(summary.unread).toBe(list.length);
    expect(summary.latest.map((item) => item.id)).toEqual(list.slice(0, 5).map((item) => item.id));
    expect(await getNotifications(support)).toEqual([]);
    await expect(getNotifications(customerLogin)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("marks only the person's own notification read; someone else's is not found", async () => {
    const [mine] = await getNotifications(staff);
    const [theirs] = await getNotifications(admin);
    if (!mine || !theirs) throw new Error("no notifications");
    await expect(markNotificationRead(staff, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getNotifications(admin)).find((item) => item.id === theirs.id)?.read).toBe(false);
    const before = (await getNotificationSummary(staff)).unread;
    await markNotificationRead(staff, mine.id);
    expect((await getNotificationSummary(staff)).unread).toBe(before - 1);
    expect(await markAllNotificationsRead(staff)).toBe(before - 1);
    expect((await getNotificationSummary(staff)).unread).toBe(0);
    expect((await getNotificationSummary(admin)).unread).toBeGreaterThan(0);
  });
});

describe("the actions", () => {
  it("saves the kinds a person wants by email, audited; a kind not on the list changes nothing", async () => {
    signInAs(staff);
    const mark = await lastAuditId();
    const bad = await setNotificationEmailsAction({ kinds: ["low-balance", "everything"] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.["kinds.1"]?.[0]).toMatch(/Choose notifications from the list/);
    expect(await getNotificationEmailChoices(staff)).toEqual([]);
    expect(await auditAfter(mark)).toEqual([]);

    const good = await setNotificationEmailsAction({ kinds: ["customer-purchase", "auto-renew-failed"] });
    expect(good).toMatchObject({ ok: true, data: { kinds: ["auto-renew-failed", "customer-purchase"] } });
    expect(await getNotificationEmailChoices(staff)).toEqual(["auto-renew-failed", "customer-purchase"]);
    const [entry] = await auditAfter(mark);
    expect(entry).toMatchObject({
      action: "notifications.email-choices",
      outcome: "ok",
      targetUserId: staff.id,
    });

    // A form's single checkbox arrives as one string; none ticked as nothing at all.
    expect(await setNotificationEmailsAction({ kinds: "low-balance" })).toMatchObject({ ok: true });
    expect(await setNotificationEmailsAction({})).toMatchObject({ ok: true, data: { kinds: [] } });
  });

  it("marks read through the actions, refuses a bad id, and refuses support", async () => {
    await notifyStaff({ kind: "customer-purchase", title: "One more", dedupeKey: "test:action" });
    signInAs(staff);
    expect(await markNotificationReadAction({ id: "not-an-id" })).toMatchObject({ ok: false });
    const [latest] = await getNotifications(staff);
    if (!latest) throw new Error("no notification");
    expect(await markNotificationReadAction({ id: latest.id })).toMatchObject({ ok: true });
    expect(await markAllNotificationsReadAction()).toMatchObject({ ok: true, data: { marked: 0 } });
    signInAs(support);
    expect(await markAllNotificationsReadAction()).toMatchObject({ ok: false });
    signInAs(null);
  });
});
