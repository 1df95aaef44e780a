import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { customers, notifications, purchaseAttempts, purchaseRequests } from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { stopJobEngine } from "@/lib/jobs/engine";
import { readCapturedMail } from "@/lib/mail/captured";
import { todayIso } from "@/lib/purchases/dates";
import { quotePurchase } from "@/lib/purchases/read-routes.testing";
import { PROD_TYPE_MAILBOX } from "@/lib/validation/enom-rules";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { simHarness } from "@/test/sim-harness";
import { purchaseAction, renewAction } from "@/lib/actions/purchases";
import {
  approveRequestAction,
  declineRequestAction,
  requestPurchaseAction,
  requestRenewalAction,
  withdrawRequestAction,
} from "@/lib/actions/purchase-requests";
import { updateCustomerAction } from "@/lib/actions/customers";
import { approvalKeyOf } from "./model";
import { CHANGED_REQUEST } from "./requests";

const mailDir = vi.hoisted(() => {
  const directory = `/tmp/mailpak-approvals-mail-${process.pid}-${Date.now()}`;
  process.env.MAIL_CAPTURE_DIR = directory;
  process.env.SMTP_URL = "";
  return directory;
});

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * Issue 16: customers spend the reseller's money in the open. A monthly limit refuses an order
 * that would go over it before anything is written; "ask staff to approve" turns the customer's
 * order into a request that staff approve (placed once, whatever happens) or decline (nothing
 * sent to eNom); every customer order gets a receipt in the reseller's brand and a staff notice.
 */

let sim: RunningSimulator;
let staff: SessionUser;
let otherStaff: SessionUser;
const harness = simHarness(() => sim);
const ordersSince = async (seq: number) =>
  (await harness.calls(seq))
    .map((call) => call.command.toUpperCase())
    .filter((command) => command === "PURCHASESERVICES" || command === "RENEWPOPBUNDLE");

const freeDomains: { domain: string; bundleId: number }[] = [];
function takeDomain() {
  const next = freeDomains.shift();
  if (!next) throw new Error("The seeded world has too few domains with a running Mailbox pak.");
  return next;
}

const key = () => crypto.randomUUID();
/** 25 mailboxes × 5 GB × 1 year: $225.00 at the simulator's retail prices. */
const PAK_RETAIL_CENTS = 22_500;
function newPak(domain: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: "purchase",
    domain,
    quantityUnit: "boxes",
    quantity: 25,
    capacityGb: 5,
    billingPeriod: "year",
    terms: 1,
    ...overrides,
  };
}
function ok<T>(result: { ok: true; data: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result.data;
}

let counter = 0;
/** A customer with its own domain and one login allowed to buy and renew. */
async function customerWith(settings: { limitCents?: number | null; approval?: boolean }) {
  counter += 1;
  const { domain, bundleId } = takeDomain();
  const customer = await createTestCustomer(`Approvals ${counter}`, [domain], {
    canPurchase: true,
    canRenew: true,
  });
  const db = await getDb();
  await db
    .update(customers)
    .set({
      monthlySpendLimitCents: settings.limitCents ?? null,
      purchaseApproval: settings.approval ?? false,
    })
    .where(eq(customers.id, customer.id));
  const login = await createTestUser({
    email: `buyer${counter}@approvals.test`,
    role: "customer",
    customerId: customer.id,
  });
  const user: SessionUser = {
    ...login,
    customerName: customer.name,
    customer: {
      canCreateMailboxes: true,
      canManageMailboxes: true,
      canToggleAutoRenew: false,
      canPurchase: true,
      canRenew: true,
    },
  };
  return { user, customerId: customer.id, domain, bundleId };
}

async function mailsTo(email: string) {
  return (await readCapturedMail(mailDir)).filter((mail) => mail.to.includes(email));
}
async function attemptsOf(customerId: string) {
  const db = await getDb();
  return db.select().from(purchaseAttempts).where(eq(purchaseAttempts.customerId, customerId));
}
async function requestRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(purchaseRequests).where(eq(purchaseRequests.id, id));
  return row;
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, domainCount: 120 });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 2_000 });
  const today = todayIso();
  const { paks } = await enom.client.getPopExpirations();
  const names = [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))]
    .filter((name) => name !== "resellerdocs.com")
    .sort();
  for (const domain of names) {
    const response = await fetch(`${sim.origin}/_sim/state/domain/${domain}`);
    const truth = (
      (await response.json()) as {
        paks: { bundleId: number; prodType: number; billingPeriod: string; expDate: string }[];
      }
    ).paks;
    const [pak] = truth;
    if (!pak || truth.length !== 1 || pak.expDate <= today) continue;
    if (pak.prodType === PROD_TYPE_MAILBOX && pak.billingPeriod === "year")
      freeDomains.push({ domain, bundleId: pak.bundleId });
  }
  staff = await createTestUser({ email: "staff@approvals.test", role: "staff" });
  otherStaff = await createTestUser({ email: "other@approvals.test", role: "admin" });
});

afterAll(async () => {
  await stopJobEngine();
  await sim?.close();
});

beforeEach(async () => {
  signInAs(null);
  await fetch(`${sim.origin}/_sim/balance`, { method: "POST", body: JSON.stringify({ balance: 5000 }) });
});

describe("the monthly spending limit", () => {
  it("counts this month's orders and refuses the one that would go over, writing nothing but the audit", async () => {
    const { user, customerId, domain } = await customerWith({ limitCents: 30_000 });
    signInAs(user);
    const first = ok(await purchaseAction({ idempotencyKey: key(), request: newPak(domain) }));
    expect(first).toMatchObject({ status: "ok", retailCents: PAK_RETAIL_CENTS });

    const seq = await harness.lastSeq();
    const audit = await lastAuditId();
    const refusedKey = key();
    const refused = await purchaseAction({
      idempotencyKey: refusedKey,
      request: newPak(domain, { quantity: 24 }),
    });

    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain("monthly spending limit of $300.00");
    expect(!refused.ok && refused.message).toContain("$225.00 is already spent this month, $75.00 is left");
    expect(await ordersSince(seq)).toEqual([]);
    expect((await attemptsOf(customerId)).map((row) => row.key)).toEqual([first.key]);
    const rows = await auditAfter(audit);
    expect(rows.map((row) => [row.action, row.outcome, row.actorEmail])).toEqual([
      ["pak.purchase", "failed", user.email],
    ]);
    expect(rows[0]?.summary).toMatch(/^Refused: .* over the monthly limit of \$300\.00$/);
    expect(rows[0]?.details).toMatchObject({
      key: refusedKey,
      spentCents: PAK_RETAIL_CENTS,
      limitCents: 30_000,
    });
  });

  it("shows this month's spending in the customer's quote, and never in staff's", async () => {
    const { user, domain } = await customerWith({ limitCents: 50_000, approval: false });
    signInAs(user);
    const quote = ok(await quotePurchase(newPak(domain)));
    expect(quote.spending).toEqual({ spentCents: 0, limitCents: 50_000, approvalRequired: false });
    signInAs(staff);
    expect(ok(await quotePurchase(newPak(domain))).spending).toBeUndefined();
  });

  it("applies to renewals too", async () => {
    const { user, customerId, domain, bundleId } = await customerWith({ limitCents: 100 });
    signInAs(user);
    const seq = await harness.lastSeq();
    const result = await renewAction({
      idempotencyKey: key(),
      request: { items: [{ domain, bundleId }], years: 1 },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("monthly spending limit of $1.00");
    expect(await ordersSince(seq)).toEqual([]);
    expect(await attemptsOf(customerId)).toEqual([]);
  });

  it("is set on the customer's page: dollars as typed, empty for none, anything else refused", async () => {
    const { customerId } = await customerWith({});
    signInAs(staff);
    const details = {
      customerId,
      name: "Spender",
      canCreateMailboxes: true,
      canManageMailboxes: true,
      canPurchase: true,
      canRenew: true,
    };
    ok(await updateCustomerAction({ ...details, monthlySpendLimit: "$1,250.50", purchaseApproval: true }));
    const db = await getDb();
    const read = async () => (await db.select().from(customers).where(eq(customers.id, customerId)))[0];
    expect(await read()).toMatchObject({ monthlySpendLimitCents: 125_050, purchaseApproval: true });

    const bad = await updateCustomerAction({ ...details, monthlySpendLimit: "lots" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.fieldErrors?.monthlySpendLimit?.[0]).toContain("Enter the limit in dollars");
    expect(await read()).toMatchObject({ monthlySpendLimitCents: 125_050 });

    // Not sent: kept as stored.
    ok(await updateCustomerAction({ ...details, name: "Spender Inc" }));
    expect(await read()).toMatchObject({ monthlySpendLimitCents: 125_050, purchaseApproval: true });

    ok(await updateCustomerAction({ ...details, monthlySpendLimit: "", purchaseApproval: false }));
    expect(await read()).toMatchObject({ monthlySpendLimitCents: null, purchaseApproval: false });
  });
});

describe("receipts and notices", () => {
  it("emails the customer a receipt in the reseller's brand at its price, and tells staff", async () => {
    const { user, domain } = await customerWith({});
    signInAs(user);
    const view = ok(await purchaseAction({ idempotencyKey: key(), request: newPak(domain) }));
    const [receipt, ...more] = await mailsTo(user.email);
    expect(more).toEqual([]);
    expect(receipt?.subject).toBe(`Receipt: New pak on ${domain}: 25 mailboxes, 5 GB each, 1 year`);
    expect(receipt?.text).toContain("Price: $225.00.");
    expect(receipt?.text).toContain(`Order number: ${view.orderId}.`);
    expect(receipt?.text).toContain(`/portal/purchases/${view.key}`);
    for (const part of [receipt?.subject, receipt?.text, receipt?.html]) expect(part).not.toMatch(/enom/i);

    const db = await getDb();
    const notices = await db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, "customer-purchase"),
          eq(notifications.dedupeKey, `customer-purchase:${view.key}`),
        ),
      );
    expect(notices.map((row) => row.userId).sort()).toEqual([staff.id, otherStaff.id].sort());
    expect(notices[0]?.title).toContain(`bought: New pak on ${domain}`);
  });

  it("sends no receipt for staff's own orders", async () => {
    const { domain } = await customerWith({});
    signInAs(staff);
    const before = (await readCapturedMail(mailDir)).length;
    ok(await purchaseAction({ idempotencyKey: key(), request: newPak(domain) }));
    expect((await readCapturedMail(mailDir)).length).toBe(before);
  });
});

describe("asking staff to approve", () => {
  it("refuses to buy directly, and writes one request per wizard key", async () => {
    const { user, customerId, domain } = await customerWith({ approval: true });
    signInAs(user);
    const seq = await harness.lastSeq();
    const direct = await purchaseAction({ idempotencyKey: key(), request: newPak(domain) });
    expect(direct.ok).toBe(false);
    expect(!direct.ok && direct.message).toContain("send this order for approval");
    expect(await attemptsOf(customerId)).toEqual([]);

    const wizardKey = key();
    const sent = ok(await requestPurchaseAction({ idempotencyKey: wizardKey, request: newPak(domain) }));
    const again = ok(await requestPurchaseAction({ idempotencyKey: wizardKey, request: newPak(domain) }));
    expect(sent).toMatchObject({ id: wizardKey, status: "waiting", retailCents: PAK_RETAIL_CENTS, domain });
    expect(again.id).toBe(sent.id);
    const db = await getDb();
    expect(
      await db.select().from(purchaseRequests).where(eq(purchaseRequests.customerId, customerId)),
    ).toHaveLength(1);

    const changed = await requestPurchaseAction({
      idempotencyKey: wizardKey,
      request: newPak(domain, { quantity: 3 }),
    });
    expect(changed).toEqual({ ok: false, message: CHANGED_REQUEST });
    expect(await ordersSince(seq)).toEqual([]);
  });

  it("approving twice, or from two tabs at once, buys once, as the customer's order", async () => {
    const { user, customerId, domain } = await customerWith({ approval: true });
    signInAs(user);
    const request = ok(await requestPurchaseAction({ idempotencyKey: key(), request: newPak(domain) }));

    signInAs(staff);
    const seq = await harness.lastSeq();
    const audit = await lastAuditId();
    const [first, second] = await Promise.all([
      approveRequestAction({ requestId: request.id }),
      approveRequestAction({ requestId: request.id }),
    ]);
    const third = await approveRequestAction({ requestId: request.id });

    expect(await ordersSince(seq)).toEqual(["PURCHASESERVICES"]);
    // The tab that lost the race may answer while the order is still with eNom; it never orders.
    for (const result of [first, second]) expect(["ok", "pending"]).toContain(ok(result).order?.status);
    expect(ok(third)).toMatchObject({ status: "approved", order: { status: "ok" } });
    expect(third.ok && third.message).toBe("This request was already approved.");
    const attemptKey = approvalKeyOf(request.id);
    const attempts = await attemptsOf(customerId);
    expect(attempts.map((row) => [row.key, row.status, row.actorEmail, row.retailCents])).toEqual([
      [attemptKey, "ok", user.email, PAK_RETAIL_CENTS],
    ]);
    expect(await requestRow(request.id)).toMatchObject({
      status: "approved",
      decidedBy: staff.id,
      attemptKey,
    });
    const rows = await auditAfter(audit);
    expect(rows.filter((row) => row.outcome === "ok").map((row) => [row.action, row.actorEmail])).toEqual([
      ["pak.purchase", user.email],
      ["purchase-request.approve", staff.email],
    ]);
    expect(await mailsTo(user.email)).toHaveLength(1);
  });

  it("approving an order over the limit buys nothing and leaves the request waiting", async () => {
    const { user, customerId, domain } = await customerWith({ approval: true, limitCents: 50_000 });
    signInAs(user);
    const request = ok(await requestPurchaseAction({ idempotencyKey: key(), request: newPak(domain) }));
    const db = await getDb();
    await db.update(customers).set({ monthlySpendLimitCents: 10_000 }).where(eq(customers.id, customerId));

    signInAs(staff);
    const seq = await harness.lastSeq();
    const result = await approveRequestAction({ requestId: request.id });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("the request still waits");
    expect(await ordersSince(seq)).toEqual([]);
    expect(await requestRow(request.id)).toMatchObject({
      status: "waiting",
      attemptKey: null,
      decidedBy: null,
    });
  });

  it("declining writes nothing to eNom and tells the customer by email", async () => {
    const { user, domain } = await customerWith({ approval: true });
    signInAs(user);
    const request = ok(await requestPurchaseAction({ idempotencyKey: key(), request: newPak(domain) }));

    signInAs(staff);
    const seq = await harness.lastSeq();
    const declined = ok(
      await declineRequestAction({ requestId: request.id, note: "Budget is frozen until May." }),
    );
    expect(declined.status).toBe("declined");
    expect(await harness.calls(seq)).toEqual([]);
    const approve = await approveRequestAction({ requestId: request.id });
    expect(approve.ok).toBe(false);
    expect(await harness.calls(seq)).toEqual([]);

    const [mail] = await mailsTo(user.email);
    expect(mail?.subject).toBe(`Not approved: New pak on ${domain}: 25 mailboxes, 5 GB each, 1 year`);
    expect(mail?.text).toContain("Their note: Budget is frozen until May.");
    expect(mail?.text).toContain("Nothing was bought");
    for (const part of [mail?.subject, mail?.text, mail?.html]) expect(part).not.toMatch(/enom/i);
  });

  it("lets the customer withdraw a waiting request, which staff can then no longer approve", async () => {
    const { user, domain, bundleId } = await customerWith({ approval: true });
    signInAs(user);
    const request = ok(
      await requestRenewalAction({
        idempotencyKey: key(),
        request: { items: [{ domain, bundleId }], years: 1 },
      }),
    );
    expect(request).toMatchObject({ kind: "renew", status: "waiting" });
    ok(await withdrawRequestAction({ requestId: request.id }));

    signInAs(staff);
    const seq = await harness.lastSeq();
    const approve = await approveRequestAction({ requestId: request.id });
    expect(approve).toEqual({
      ok: false,
      message: "The customer withdrew this request: nothing was bought.",
    });
    expect(await ordersSince(seq)).toEqual([]);
  });

  it("keeps each customer to its own requests, and customers out of the approval actions", async () => {
    const mine = await customerWith({ approval: true });
    const theirs = await customerWith({ approval: true });
    signInAs(mine.user);
    const request = ok(await requestPurchaseAction({ idempotencyKey: key(), request: newPak(mine.domain) }));

    signInAs(theirs.user);
    expect(await withdrawRequestAction({ requestId: request.id })).toMatchObject({
      ok: false,
      message: "That request was not found.",
    });
    expect(await approveRequestAction({ requestId: request.id })).toMatchObject({
      ok: false,
      message: "That request was not found.",
    });
    // Another customer's domain is "not found" before anything else.
    expect(
      await requestPurchaseAction({ idempotencyKey: key(), request: newPak(mine.domain) }),
    ).toMatchObject({ ok: false });
    expect(await requestRow(request.id)).toMatchObject({ status: "waiting" });
  });
});
