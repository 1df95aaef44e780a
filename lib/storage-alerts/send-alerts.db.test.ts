import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_BRANDING } from "@/lib/branding/branding";
import { saveBranding } from "@/lib/branding/settings";
import { setCustomerDomains } from "@/lib/customers/queries";
import { getDb } from "@/lib/db";
import { mirrorDomains, mirrorMailboxes, notifications, storageAlerts } from "@/lib/db/schema";
import { readCapturedMail } from "@/lib/mail/captured";
import { replaceMailTransport } from "@/lib/mail/transport";
import { updateUser } from "@/lib/users/queries";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import type { SessionUser } from "@/test/session-mock";
import { getNearlyFullMailboxes } from "./reads";
import { sendStorageAlerts } from "./send-alerts";

const mailDir = vi.hoisted(() => {
  const directory = `/tmp/mailpak-storage-alert-mail-${process.pid}-${Date.now()}`;
  process.env.MAIL_CAPTURE_DIR = directory;
  process.env.SMTP_URL = "";
  return directory;
});

vi.mock("next/headers", () => import("@/test/next-headers-mock"));
// getBranding is cached per request in the app; each call here is its own "request".
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: <T>(fn: T) => fn,
}));

const READ_AT = new Date("2026-06-01T08:00:00Z");
const QUOTA = 1024;
/** MB used for a share of the 1 GB quota: 95 % is 973 MB (rounded up, so it is at least that). */
const mb = (percent: number) => Math.ceil((QUOTA * percent) / 100);

const bakeryAdmins = ["ann@bakery.example", "zed@bakery.example"];
let bakeryOwner: SessionUser;
let staff: SessionUser;
let clock = Date.parse("2026-06-01T09:00:00Z");
/** Each pass a minute after the last, as the schedule runs them. */
const tick = () => new Date((clock += 60_000));

async function setUsage(domain: string, userName: string, quotaUsedMb: number, quotaMb = QUOTA) {
  const db = await getDb();
  await db
    .update(mirrorMailboxes)
    .set({ quotaUsedMb, quotaMb })
    .where(and(eq(mirrorMailboxes.domain, domain), eq(mirrorMailboxes.userName, userName)));
}

async function mailsAbout(domain: string) {
  return (await readCapturedMail(mailDir)).filter((mail) => mail.subject.startsWith(`${domain}:`));
}

beforeAll(async () => {
  await saveBranding({ ...DEFAULT_BRANDING, productName: "Acme Mail", supportEmail: "help@acme.example" });
  // Bakery may buy (its email links to the storage wizard); Florist may not.
  const bakery = await createTestCustomer("Bakery Ltd", ["bakery.test", "bakery.shop"], {
    canPurchase: true,
  });
  const florist = await createTestCustomer("Florist & Sons", ["florist.test", "quiet.test"]);
  staff = await createTestUser({ email: "sam@reseller.example", role: "staff" });
  for (const email of bakeryAdmins) {
    const admin = await createTestUser({ email, role: "customer", customerId: bakery.id });
    await updateUser(admin.id, { customerAdmin: true });
    bakeryOwner = admin;
  }
  await createTestUser({ email: "member@bakery.example", role: "customer", customerId: bakery.id });
  const gone = await createTestUser({
    email: "gone@bakery.example",
    role: "customer",
    customerId: bakery.id,
  });
  await updateUser(gone.id, { customerAdmin: true, disabled: true });
  const floristAdmin = await createTestUser({
    email: "flo@florist.example",
    role: "customer",
    customerId: florist.id,
  });
  await updateUser(floristAdmin.id, { customerAdmin: true });

  const db = await getDb();
  const domains = ["bakery.test", "bakery.shop", "florist.test", "quiet.test", "spare.test", "later.test"];
  await db
    .insert(mirrorDomains)
    .values(domains.map((domain) => ({ domain, hasEmail: true, emailReadAt: READ_AT, listedAt: READ_AT })));
  const mailbox = (domain: string, userName: string, percent: number, bundleId = 7) => ({
    domain,
    userName,
    address: `${userName}@${domain}`,
    isAdmin: false,
    quotaMb: QUOTA,
    quotaUsedMb: mb(percent),
    bundleId,
    readAt: READ_AT,
  });
  await db.insert(mirrorMailboxes).values([
    mailbox("bakery.test", "bread", 95),
    mailbox("bakery.test", "cakes", 91),
    mailbox("bakery.test", "Rolls", 40),
    mailbox("bakery.shop", "orders", 89), // just under: nothing
    mailbox("florist.test", "roses", 97, 3),
    mailbox("florist.test", "tulips", 92, 4),
    mailbox("quiet.test", "hush", 10),
    mailbox("spare.test", "full", 99), // no customer: no email
    mailbox("later.test", "full", 93), // assigned to a customer later
    { ...mailbox("bakery.shop", "unknown", 0), quotaMb: null, quotaUsedMb: null },
  ]);
});

describe("storage alerts", () => {
  it("email each customer's active administrators once per domain, listing its crossed mailboxes", async () => {
    const audit = await lastAuditId();
    const run = await sendStorageAlerts(tick());
    // bread, cakes, roses, tulips, and the two of domains without a customer (yet).
    expect(run).toMatchObject({ crossed: 6, sent: 2, failed: 0, cleared: 0 });

    const [bakery, ...moreBakery] = await mailsAbout("bakery.test");
    expect(moreBakery).toEqual([]);
    expect(bakery?.to).toEqual(bakeryAdmins);
    expect(bakery?.subject).toBe("bakery.test: 2 mailboxes are nearly full");
    expect(bakery?.from).toBe('"Acme Mail" <no-reply@localhost>');
    expect(bakery?.headers).toEqual({ "Auto-Submitted": "auto-generated" });
    expect(bakery?.text).toContain("bread@bakery.test: 973 MB of 1 GB used (95 %)");
    expect(bakery?.text).toContain("cakes@bakery.test: 932 MB of 1 GB used (91 %)");
    expect(bakery?.text).not.toContain("rolls");
    expect(bakery?.text).toContain("/portal/domains/bakery.test");
    // Both in pak 7, and Bakery may buy: the storage wizard of that pak is one click away.
    expect(bakery?.text).toContain("/portal/purchase?domain=bakery.test&pak=7&grow=storage");

    const [florist] = await mailsAbout("florist.test");
    expect(florist?.to).toEqual(["flo@florist.example"]);
    expect(florist?.text).toContain("roses@florist.test: 994 MB of 1 GB used (97 %)");
    expect(florist?.text).toContain("or ask help@acme.example for more storage.");
    expect(florist?.text).not.toContain("/purchase");

    for (const mail of await readCapturedMail(mailDir))
      expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/enom|mailpak|password/i);

    const sent = (await auditAfter(audit)).filter((entry) => entry.action === "alert.storage");
    expect(sent.map((entry) => [entry.domain, entry.outcome, entry.details.recipients])).toEqual([
      ["bakery.test", "ok", bakeryAdmins],
      ["florist.test", "ok", ["flo@florist.example"]],
    ]);
    expect(sent[0]?.actorEmail).toBe("system (storage alerts)");
  });

  it("send nothing for mailboxes of domains without a customer, but tell staff of every crossing", async () => {
    expect(await mailsAbout("spare.test")).toEqual([]);
    expect(await mailsAbout("later.test")).toEqual([]);
    const db = await getDb();
    const told = await db.select().from(notifications).where(eq(notifications.userId, staff.id));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: "mailbox-nearly-full",
      title: "6 mailboxes crossed 90 % of their storage",
      href: "/search?filter=near-full",
    });
    expect(told[0]?.body).toBe(
      "full@spare.test (99 %), roses@florist.test (97 %), bread@bakery.test (95 %), full@later.test (93 %), tulips@florist.test (92 %), and 1 more.",
    );
  });

  it("send nothing on the next runs while the mailboxes stay full", async () => {
    const before = (await readCapturedMail(mailDir)).length;
    for (let pass = 0; pass < 2; pass++)
      expect(await sendStorageAlerts(tick())).toMatchObject({ crossed: 0, sent: 0, cleared: 0 });
    expect(await readCapturedMail(mailDir)).toHaveLength(before);
  });

  it("alert again only after usage fell below 85 % and crossed 90 % once more", async () => {
    // 87 %: not yet cleared; back at 96 %: the same crossing, no email.
    await setUsage("bakery.test", "bread", mb(87));
    expect(await sendStorageAlerts(tick())).toMatchObject({ cleared: 0, sent: 0 });
    await setUsage("bakery.test", "bread", mb(96));
    expect(await sendStorageAlerts(tick())).toMatchObject({ crossed: 0, sent: 0 });
    expect(await mailsAbout("bakery.test")).toHaveLength(1);

    // Mail deleted: 60 %, the alert clears; full again: one new email, about bread alone.
    await setUsage("bakery.test", "bread", mb(60));
    expect(await sendStorageAlerts(tick())).toMatchObject({ cleared: 1, sent: 0 });
    await setUsage("bakery.test", "bread", mb(92));
    expect(await sendStorageAlerts(tick())).toMatchObject({ crossed: 1, sent: 1 });
    const mails = await mailsAbout("bakery.test");
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toBe("bakery.test: bread@bakery.test is 92 % full");
    expect(mails[1]?.to).toEqual(bakeryAdmins);
  });

  it("clear when storage is added to the pak or the mailbox is deleted", async () => {
    await setUsage("bakery.test", "cakes", mb(91), 2 * QUOTA);
    const db = await getDb();
    await db
      .delete(mirrorMailboxes)
      .where(and(eq(mirrorMailboxes.domain, "florist.test"), eq(mirrorMailboxes.userName, "tulips")));
    expect(await sendStorageAlerts(tick())).toMatchObject({ cleared: 2, sent: 0 });
    const left = await db.select({ address: storageAlerts.address }).from(storageAlerts);
    expect(left.map((row) => row.address).sort()).toEqual([
      "bread@bakery.test",
      "full@later.test",
      "full@spare.test",
      "roses@florist.test",
    ]);
  });

  it("email a domain's crossing once it is assigned to a customer, while it is still full", async () => {
    const bakery = await getBakeryId();
    await setCustomerDomains(bakery, ["bakery.test", "bakery.shop", "later.test"]);
    expect(await sendStorageAlerts(tick())).toMatchObject({ crossed: 0, sent: 1 });
    const [mail] = await mailsAbout("later.test");
    expect(mail?.to).toEqual(bakeryAdmins);
    expect(mail?.subject).toBe("later.test: full@later.test is 93 % full");
  });

  it("retry at the next run when the email fails", async () => {
    await setUsage("bakery.shop", "orders", mb(94));
    const audit = await lastAuditId();
    const previous = replaceMailTransport({ send: () => Promise.reject(new Error("SMTP is down")) });
    try {
      expect(await sendStorageAlerts(tick())).toMatchObject({ crossed: 1, sent: 0, failed: 1 });
    } finally {
      if (previous) replaceMailTransport(previous);
    }
    expect(await mailsAbout("bakery.shop")).toEqual([]);
    const failed = (await auditAfter(audit)).filter((entry) => entry.action === "alert.storage");
    expect(failed.map((entry) => entry.outcome)).toEqual(["failed"]);

    expect(await sendStorageAlerts(tick())).toMatchObject({ crossed: 0, sent: 1 });
    expect(await mailsAbout("bakery.shop")).toHaveLength(1);
  });

  it("send once when several runs (panel instances) go at the same moment", async () => {
    await setUsage("quiet.test", "hush", mb(99));
    const now = tick();
    const runs = await Promise.all([sendStorageAlerts(now), sendStorageAlerts(now), sendStorageAlerts(now)]);
    expect(runs.reduce((sum, run) => sum + run.crossed, 0)).toBe(1);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(1);
    expect(await mailsAbout("quiet.test")).toHaveLength(1);
  });
});

describe("the nearly full mailboxes a user may see", () => {
  it("are the customer's own domains' only, fullest first", async () => {
    const list = await getNearlyFullMailboxes(bakeryOwner);
    expect(list.first.map((mailbox) => [mailbox.address, mailbox.percent])).toEqual([
      ["orders@bakery.shop", 94],
      ["full@later.test", 93],
      ["bread@bakery.test", 92],
    ]);
    expect(list.total).toBe(3);
    expect(list.first[0]).toMatchObject({ domain: "bakery.shop", bundleId: 7, quotaMb: QUOTA });
  });

  it("are every domain's for staff", async () => {
    const list = await getNearlyFullMailboxes(staff, 2);
    expect(list.total).toBe(6);
    expect(list.first.map((mailbox) => mailbox.address)).toEqual(["full@spare.test", "hush@quiet.test"]);
  });
});

async function getBakeryId(): Promise<string> {
  if (!bakeryOwner.customerId) throw new Error("no customer");
  return bakeryOwner.customerId;
}
