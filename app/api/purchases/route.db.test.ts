import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadPurchaseResult } from "@/components/purchases/result-props";
import { purchaseAction, renewAction } from "@/lib/actions/purchases";
import type { SessionUser } from "@/lib/auth/session";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import {
  listPurchasesRoute,
  quotePurchaseRoute,
  quoteRenewalRoute,
  readPurchaseRoute,
} from "@/lib/purchases/read-routes.testing";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { simHarness } from "@/test/sim-harness";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * The purchase feature's GET routes (quotes, an attempt's result, a domain's purchases): the
 * browser's reads. Each checks its caller like an action does, answers someone else's things as
 * "not found", and writes nothing: no audit row, no order.
 */

const OWN = "saffron-movers.biz"; // pak 600018 in the seed
const OWN_PAK = 600018;
const FOREIGN = "magnolia-nursery.com"; // pak 600074
const FOREIGN_PAK = 600074;
const ALLOWED = { canPurchase: true, canRenew: true };

let sim: RunningSimulator;
const simulator = simHarness(() => sim);
let staff: SessionUser;
let owner: SessionUser;
let stranger: SessionUser;
let purchaseKey = "";
let renewalKey = "";

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  testEnom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 5_000 });
  staff = await createTestUser({ email: "staff@reads.test", role: "staff" });
  const mine = await createTestCustomer("Own Co", [OWN], ALLOWED);
  const theirs = await createTestCustomer("Other Co", [FOREIGN], ALLOWED);
  owner = {
    ...(await createTestUser({ email: "owner@reads.test", role: "customer", customerId: mine.id })),
    customer: { canCreateMailboxes: false, canManageMailboxes: false, canToggleAutoRenew: false, ...ALLOWED },
  };
  stranger = {
    ...(await createTestUser({ email: "stranger@reads.test", role: "customer", customerId: theirs.id })),
    customer: { canCreateMailboxes: false, canManageMailboxes: false, canToggleAutoRenew: false, ...ALLOWED },
  };
  signInAs(owner);
  purchaseKey = crypto.randomUUID();
  const bought = await purchaseAction({
    idempotencyKey: purchaseKey,
    request: { kind: "add-mailboxes", domain: OWN, bundleId: OWN_PAK, quantity: 1 },
  });
  expect(bought, "the owner buys a mailbox").toMatchObject({ ok: true });
  renewalKey = crypto.randomUUID();
  const renewed = await renewAction({
    idempotencyKey: renewalKey,
    request: { items: [{ domain: OWN, bundleId: OWN_PAK }], years: 1 },
  });
  expect(renewed, "the owner renews its pak").toMatchObject({ ok: true });
});

afterAll(async () => {
  signInAs(null);
  await sim?.close();
});

beforeEach(() => signInAs(null));

describe("GET /api/quotes/purchase and /api/quotes/renewal", () => {
  const growth = { kind: "add-mailboxes", domain: OWN, bundleId: OWN_PAK, quantity: 2 };

  it("give the owner its price at retail, without the cost or the balance", async () => {
    signInAs(owner);
    const { status, body } = await quotePurchaseRoute(growth);
    expect(status).toBe(200);
    if (!body.ok) throw new Error(body.message);
    expect(body.data).toMatchObject({ costCents: null, balanceCents: null });
    expect(body.data.retailCents).toBeGreaterThan(0);
    const renewal = await quoteRenewalRoute({ items: [{ domain: OWN, bundleId: OWN_PAK }], years: 1 });
    expect(renewal).toMatchObject({ status: 200, body: { ok: true, data: { costCents: null } } });
  });

  it("give staff the cost beside the retail price", async () => {
    signInAs(staff);
    const { body } = await quotePurchaseRoute(growth);
    if (!body.ok) throw new Error(body.message);
    expect(body.data.costCents).toBeGreaterThan(0);
  });

  it("refuse the signed-out with 401", async () => {
    expect(await quotePurchaseRoute(growth)).toMatchObject({ status: 401, body: { ok: false } });
    expect(await quoteRenewalRoute({ items: [{ domain: OWN, bundleId: OWN_PAK }], years: 1 })).toMatchObject({
      status: 401,
    });
  });

  it("answer another customer 404, as for a domain that does not exist, without asking eNom", async () => {
    signInAs(stranger);
    const seq = await simulator.lastSeq();
    const notFound = { status: 404, body: { ok: false, message: "That domain was not found." } };
    expect(await quotePurchaseRoute(growth)).toEqual(notFound);
    expect(await quoteRenewalRoute({ items: [{ domain: OWN, bundleId: OWN_PAK }], years: 1 })).toEqual(
      notFound,
    );
    expect(await quotePurchaseRoute({ ...growth, domain: "no-such-domain.example" })).toEqual(notFound);
    expect(await simulator.calls(seq)).toEqual([]);
  });

  it("name each wrong field with 400", async () => {
    signInAs(owner);
    const { status, body } = await quotePurchaseRoute({ ...growth, quantity: 0 });
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, fieldErrors: { quantity: [expect.any(String)] } });
    expect((await quoteRenewalRoute({ items: [], years: 1 })).status).toBe(400);
  });
});

describe("GET /api/purchases/[key]", () => {
  it("gives the owner and staff the attempt; customers never see its cost or TrackingKey", async () => {
    signInAs(owner);
    const mine = await readPurchaseRoute(purchaseKey);
    expect(mine).toMatchObject({ status: 200, body: { ok: true, data: { isBatch: false } } });
    if (!mine.body.ok) return;
    expect(mine.body.data.attempts).toEqual([
      expect.objectContaining({ key: purchaseKey, status: "ok", costCents: null, trackingKey: null }),
    ]);
    signInAs(staff);
    const staffView = await readPurchaseRoute(purchaseKey);
    if (!staffView.body.ok) throw new Error(staffView.body.message);
    expect(staffView.body.data.attempts[0]?.costCents).toBeGreaterThan(0);
  });

  it("gives a renewal of several paks by the wizard's key", async () => {
    signInAs(owner);
    const batch = await readPurchaseRoute(renewalKey);
    expect(batch).toMatchObject({ status: 200, body: { ok: true, data: { isBatch: true } } });
    if (batch.body.ok) expect(batch.body.data.attempts.map((attempt) => attempt.kind)).toEqual(["renew"]);
  });

  it("refuses the signed-out with 401", async () => {
    expect(await readPurchaseRoute(purchaseKey)).toMatchObject({ status: 401, body: { ok: false } });
  });

  it("answers another customer 404, exactly as for a reference that does not exist", async () => {
    signInAs(stranger);
    const notFound = { status: 404, body: { ok: false, message: "That purchase was not found." } };
    expect(await readPurchaseRoute(purchaseKey)).toEqual(notFound);
    expect(await readPurchaseRoute(renewalKey)).toEqual(notFound);
    expect(await readPurchaseRoute(crypto.randomUUID())).toEqual(notFound);
  });

  it("writes no audit row, whoever reads and whatever the answer", async () => {
    const audit = await lastAuditId();
    for (const user of [owner, staff, stranger]) {
      signInAs(user);
      await readPurchaseRoute(purchaseKey);
      await readPurchaseRoute(renewalKey);
      await quotePurchaseRoute({
        kind: "add-mailboxes",
        domain: FOREIGN,
        bundleId: FOREIGN_PAK,
        quantity: 1,
      });
      await listPurchasesRoute(OWN);
    }
    expect(await auditAfter(audit)).toEqual([]);
  });
});

describe("GET /api/purchases?domain=", () => {
  it("lists the owner's purchases of its domain, and answers another customer 404", async () => {
    signInAs(owner);
    const mine = await listPurchasesRoute(OWN);
    expect(mine.status).toBe(200);
    if (mine.body.ok) expect(mine.body.data.map((attempt) => attempt.key)).toContain(purchaseKey);
    signInAs(stranger);
    expect(await listPurchasesRoute(OWN)).toEqual({
      status: 404,
      body: { ok: false, message: "That domain was not found." },
    });
  });
});

describe("the renewal result page", () => {
  it("shows the renewal by the wizard's key and writes no audit row (it once wrote a false refusal)", async () => {
    signInAs(owner);
    const audit = await lastAuditId();
    const page = await loadPurchaseResult(owner, renewalKey);
    expect(page.isBatch).toBe(true);
    expect(page.attempts).toEqual([
      expect.objectContaining({
        view: expect.objectContaining({ kind: "renew", status: "ok" }),
        problem: null,
      }),
    ]);
    expect(await auditAfter(audit)).toEqual([]);
  });

  it("shows someone else's result as not found, and writes no audit row either", async () => {
    signInAs(stranger);
    const audit = await lastAuditId();
    const page = await loadPurchaseResult(stranger, renewalKey);
    expect(page.attempts).toEqual([{ key: renewalKey, view: null, problem: "That purchase was not found." }]);
    expect(await auditAfter(audit)).toEqual([]);
  });
});
