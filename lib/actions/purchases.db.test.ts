import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { purchaseAttempts, purchaseConfirmations } from "@/lib/db/schema";
import { createEnomClient, type EnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { todayIso } from "@/lib/purchases/dates";
import { dollars } from "@/lib/purchases/quote";
import type { AttemptView } from "@/lib/purchases/types";
import { addTerm } from "@/lib/purchases/dates";
import { PROD_TYPE_CLASSIC_POP, PROD_TYPE_MAILBOX } from "@/lib/validation/enom-rules";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { simHarness, type SimCall } from "@/test/sim-harness";
import {
  quotePurchase,
  quoteRenewal,
  readAttempt,
  readPurchaseRoute,
} from "@/lib/purchases/read-routes.testing";
import { stopJobEngine } from "@/lib/jobs/engine";
import { runJob } from "@/lib/jobs/runner";
import { checkAttemptAction, purchaseAction, renewAction } from "./purchases";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * The purchase and renewal actions against a real simulator: what eNom is asked (its call log),
 * what it holds afterwards (/_sim/state), the balance, the attempts and the audit log. The heart
 * of it: no idempotency key ever buys twice, whatever happens to eNom's answer.
 */

// Short enough for a "hang" to end within a test; the simulator answers in milliseconds.
const TIMEOUT_MS = 2_000;
const RESELLER_CENTS = 500_000;

let sim: RunningSimulator;
let client: EnomClient;
let admin: SessionUser;
let staff: SessionUser;
let otherStaff: SessionUser;
let buyer: SessionUser;
let limited: SessionUser;

interface TruthPak {
  bundleId: number;
  qtyPurchased: number;
  quotaMb: number;
  expDate: string;
  storageUnits: number;
  prodType: number;
  billingPeriod: "year" | "month";
}

async function simJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${sim.origin}${path}`, init);
  return (await response.json()) as T;
}
/** The simulator's call log: what eNom was asked, with every parameter as sent. */
const harness = simHarness(() => sim);
const callsSince = (seq: number) => harness.calls(seq);
const lastSeq = () => harness.lastSeq();
const commandsSince = async (seq: number) =>
  (await callsSince(seq)).map((call) => call.command.toUpperCase());
const ordersSince = async (seq: number) =>
  (await commandsSince(seq)).filter(
    (command) => command === "PURCHASESERVICES" || command === "RENEWPOPBUNDLE",
  );
const paksOf = async (domain: string) =>
  (await simJson<{ paks: TruthPak[] }>(`/_sim/state/domain/${domain}`)).paks;
const balanceCents = async () =>
  Math.round(Number((await simJson<{ balance: string }>("/_sim/balance")).balance) * 100);
const setBalance = (dollars: number) =>
  simJson("/_sim/balance", { method: "POST", body: JSON.stringify({ balance: dollars }) });
const arm = (fault: {
  command: string;
  mode: string;
  message?: string;
  times?: number;
  latencyMs?: number;
}) => simJson("/_sim/faults", { method: "POST", body: JSON.stringify(fault) });

/** Waits (polling the call log) until the simulator has received `command`: to act while it hangs. */
async function receivedSince(seq: number, command: string): Promise<void> {
  for (;;) {
    if ((await commandsSince(seq)).includes(command)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Moves an unknown attempt back in time, as if its grace for a late answer had passed. */
async function pretendUnknownSince(attemptKey: string, msAgo: number): Promise<void> {
  const db = await getDb();
  await db
    .update(purchaseAttempts)
    .set({ result: { unknownAt: new Date(Date.now() - msAgo).toISOString() } })
    .where(eq(purchaseAttempts.key, attemptKey));
}

/** Domains with one running yearly Mailbox pak, each handed to one test only. */
const freeDomains: { domain: string; bundleId: number; expires: string }[] = [];
function takeDomain() {
  const next = freeDomains.shift();
  if (!next) throw new Error("The seeded world has too few domains with a running Mailbox pak.");
  return next;
}
/** Domains with one running classic 10-pak (ProdType 38). */
const classicDomains: { domain: string; bundleId: number; expires: string }[] = [];
function takeClassic() {
  const next = classicDomains.shift();
  if (!next) throw new Error("The seeded world has too few domains with a running classic pak.");
  return next;
}
/** An expired Mailbox pak. */
let expiredPak: { domain: string; bundleId: number; expires: string } | null = null;
let ownDomain: { domain: string; bundleId: number; expires: string };
let limitedDomain: { domain: string; bundleId: number; expires: string };
let foreignDomain: { domain: string; bundleId: number; expires: string };

const key = () => crypto.randomUUID();
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
const withoutReplayed = ({ replayed: _replayed, ...rest }: AttemptView) => rest;

beforeAll(async () => {
  // Enough generated domains that every test has its own pak of the kind it needs.
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, domainCount: 200 });
  enom.client = client = createEnomClient({
    baseUrl: sim.url,
    uid: "resellid",
    pw: "resellpw",
    timeoutMs: TIMEOUT_MS,
  });
  const today = todayIso();
  // GetPOPExpirations lists the paks; their product and billing come from the simulator's truth
  // (eNom reports no billing period, so tests pick yearly paks, which the panel prices exactly).
  const { paks } = await client.getPopExpirations();
  const names = [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))]
    .filter((name) => name !== "resellerdocs.com")
    .sort();
  for (const domain of names) {
    const truth = await paksOf(domain);
    const [pak] = truth;
    if (!pak) continue;
    const facts = { domain, bundleId: pak.bundleId, expires: pak.expDate };
    if (pak.prodType === PROD_TYPE_MAILBOX && pak.expDate < today) expiredPak ??= facts;
    if (truth.length !== 1 || pak.expDate <= today) continue;
    if (pak.prodType === PROD_TYPE_MAILBOX && pak.billingPeriod === "year") freeDomains.push(facts);
    if (pak.prodType === PROD_TYPE_CLASSIC_POP) classicDomains.push(facts);
  }
  ownDomain = takeDomain();
  limitedDomain = takeDomain();
  foreignDomain = takeDomain();

  admin = await createTestUser({ email: "admin@purchases.test", role: "admin" });
  staff = await createTestUser({ email: "staff@purchases.test", role: "staff" });
  otherStaff = await createTestUser({ email: "other@purchases.test", role: "staff" });
  const northwind = await createTestCustomer("Northwind", [ownDomain.domain], {
    canPurchase: true,
    canRenew: true,
  });
  buyer = {
    ...(await createTestUser({ email: "nancy@northwind.test", role: "customer", customerId: northwind.id })),
    customer: {
      canCreateMailboxes: true,
      canManageMailboxes: true,
      canToggleAutoRenew: false,
      canPurchase: true,
      canRenew: true,
    },
  };
  const contoso = await createTestCustomer("Contoso", [limitedDomain.domain]);
  limited = {
    ...(await createTestUser({ email: "vic@contoso.test", role: "customer", customerId: contoso.id })),
    customer: {
      canCreateMailboxes: true,
      canManageMailboxes: true,
      canToggleAutoRenew: false,
      canPurchase: false,
      canRenew: false,
    },
  };
  await createTestCustomer("Fabrikam", [foreignDomain.domain], { canPurchase: true, canRenew: true });
});

afterAll(async () => {
  await stopJobEngine();
  await sim?.close();
});

beforeEach(async () => {
  signInAs(null);
  await setBalance(RESELLER_CENTS / 100);
});
afterEach(async () => {
  await simJson("/_sim/faults", { method: "DELETE" });
});

describe("buying and growing paks", () => {
  it("buys a new pak once, at the quoted cost, and audits eNom's order id and TrackingKey", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const quote = ok(await quotePurchase(newPak(domain)));
    // 25 mailboxes × 5 GB × 1 year: $4.00 each at cost, $9.00 retail.
    expect(quote).toMatchObject({
      costCents: 10_000,
      retailCents: 22_500,
      balanceCents: RESELLER_CENTS,
      sufficient: true,
    });
    expect(quote.balanceAfterCents).toBe(RESELLER_CENTS - 10_000);
    const paksBefore = await paksOf(domain);
    const seq = await lastSeq();
    const audit = await lastAuditId();

    const view = ok(await purchaseAction({ idempotencyKey: key(), request: newPak(domain) }));

    expect(view).toMatchObject({
      kind: "purchase",
      status: "ok",
      reconciliation: null,
      domain,
      costCents: 10_000,
      retailCents: 22_500,
      replayed: false,
    });
    const paks = await paksOf(domain);
    expect(paks).toHaveLength(paksBefore.length + 1);
    const bought = paks.find((pak) => !paksBefore.some((before) => before.bundleId === pak.bundleId));
    expect(bought).toMatchObject({
      bundleId: view.bundleId,
      qtyPurchased: 25,
      quotaMb: 5120,
      storageUnits: 0,
    });
    expect(await balanceCents()).toBe(RESELLER_CENTS - 10_000);
    const orders = (await callsSince(seq)).filter(
      (call) => call.command.toUpperCase() === "PURCHASESERVICES",
    );
    expect(orders).toHaveLength(1);
    expect(orders[0]?.params).toMatchObject({
      ProductType: "Mailbox",
      ActionType: "Create",
      Quantity: "25",
      // Always said: eNom's default unit is packs of 10 (addtocart.md).
      QuantityUnit: "boxes",
      Capacity: "5",
      TimeUnit: "Year",
      TimeQuantity: "1",
      EndUserIP: "203.0.113.7",
    });
    expect(view.message).toBe(
      `Pak ${view.bundleId} is bought: 25 mailboxes, 5 GB each, until ${bought?.expDate}.`,
    );
    const rows = await auditAfter(audit);
    expect(rows.map((row) => [row.action, row.outcome, row.domain, row.pakId])).toEqual([
      ["pak.purchase", "ok", domain, String(view.bundleId)],
    ]);
    expect(rows[0]?.enomOrderId).toBe(view.orderId);
    expect(rows[0]?.enomTrackingKey).toBe(view.trackingKey);
    expect(view.trackingKey).toMatch(/^[0-9a-f-]{36}$/i);
    expect(rows[0]?.details).toMatchObject({ key: view.key, costCents: 10_000, retailCents: 22_500 });
  });

  it("buys packs of 10 as that many mailboxes, always saying the unit, and reads the pak back", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const paksBefore = await paksOf(domain);
    const seq = await lastSeq();
    const view = ok(
      await purchaseAction({
        idempotencyKey: key(),
        request: newPak(domain, { quantityUnit: "packs", quantity: 2, capacityGb: 1 }),
      }),
    );
    const calls = await callsSince(seq);
    const orders = calls.filter((call) => call.command.toUpperCase() === "PURCHASESERVICES");
    expect(orders.map((call) => [call.params.Quantity, call.params.QuantityUnit])).toEqual([["20", "boxes"]]);
    // The new pak is read back after the order, and holds 20 mailboxes, not 200.
    const order = calls.indexOf(orders[0] as SimCall);
    expect(calls.slice(order + 1).map((call) => call.command.toUpperCase())).toContain("GETPOP3");
    const bought = (await paksOf(domain)).find(
      (pak) => !paksBefore.some((before) => before.bundleId === pak.bundleId),
    );
    expect(bought).toMatchObject({ bundleId: view.bundleId, qtyPurchased: 20, quotaMb: 1024 });
    expect(view.message).toBe(
      `Pak ${view.bundleId} is bought: 20 mailboxes, 1 GB each, until ${bought?.expDate}.`,
    );
  });

  it("adds mailboxes to a running pak, and storage to it, each at the quoted cost", async () => {
    const { domain, bundleId } = takeDomain();
    signInAs(admin);
    const [before] = (await paksOf(domain)).filter((pak) => pak.bundleId === bundleId);
    const addMailboxes = { kind: "add-mailboxes", domain, bundleId, quantity: 3 };
    const mailboxQuote = ok(await quotePurchase(addMailboxes));
    expect(mailboxQuote.expiries).toEqual([{ domain, bundleId, from: before?.expDate, to: before?.expDate }]);
    const grown = ok(await purchaseAction({ idempotencyKey: key(), request: addMailboxes }));
    expect(grown).toMatchObject({ status: "ok", bundleId, costCents: mailboxQuote.costCents });
    expect(grown.message).toContain(`Pak ${bundleId} now has ${(before?.qtyPurchased ?? 0) + 3} mailboxes`);

    const addStorage = { kind: "add-storage", domain, bundleId, units: 2 };
    const storageQuote = ok(await quotePurchase(addStorage));
    const balance = await balanceCents();
    const stored = ok(await purchaseAction({ idempotencyKey: key(), request: addStorage }));
    expect(stored).toMatchObject({ status: "ok", bundleId, costCents: storageQuote.costCents });
    expect(await balanceCents()).toBe(balance - (storageQuote.costCents ?? 0));
    const [after] = (await paksOf(domain)).filter((pak) => pak.bundleId === bundleId);
    expect(after).toMatchObject({
      qtyPurchased: (before?.qtyPurchased ?? 0) + 3,
      quotaMb: (before?.quotaMb ?? 0) + 1024,
      expDate: before?.expDate,
    });
  });

  it("refuses growth of a pak that is not the domain's, before asking eNom to buy", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const seq = await lastSeq();
    const result = await purchaseAction({
      idempotencyKey: key(),
      request: { kind: "add-mailboxes", domain, bundleId: foreignDomain.bundleId, quantity: 1 },
    });
    expect(result).toEqual({ ok: false, message: "That pak was not found." });
    expect(await ordersSince(seq)).toEqual([]);
  });
});

describe("one key, one purchase", () => {
  it("a double submit makes exactly one PurchaseServices call, and both get the same result", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const seq = await lastSeq();
    const submit = { idempotencyKey: key(), request: newPak(domain, { quantity: 2, quantityUnit: "packs" }) };
    const [first, second] = await Promise.all([purchaseAction(submit), purchaseAction(submit)]);
    const a = ok(first);
    const b = ok(second);
    expect(withoutReplayed(a)).toEqual(withoutReplayed(b));
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(a.status).toBe("ok");
    expect(await ordersSince(seq)).toEqual(["PURCHASESERVICES"]);
  });

  it("a repeated submit after completion returns the first result without asking eNom anything", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const submit = { idempotencyKey: key(), request: newPak(domain) };
    const first = ok(await purchaseAction(submit));
    const seq = await lastSeq();
    const audit = await lastAuditId();
    const again = ok(await purchaseAction(submit));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await commandsSince(seq)).toEqual([]);
    expect(await auditAfter(audit)).toEqual([]);
  });

  it("refuses the same key with other choices, and someone else's key, without asking eNom", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const idempotencyKey = key();
    ok(await purchaseAction({ idempotencyKey, request: newPak(domain) }));
    const seq = await lastSeq();
    expect(await purchaseAction({ idempotencyKey, request: newPak(domain, { quantity: 26 }) })).toEqual({
      ok: false,
      message: "This form was already submitted with other choices. Start again to make a new purchase.",
    });
    signInAs(otherStaff);
    expect(await purchaseAction({ idempotencyKey, request: newPak(domain) })).toEqual({
      ok: false,
      message: "That purchase was not found.",
    });
    expect(await commandsSince(seq)).toEqual([]);
  });

  it("when eNom commits and the connection drops, the attempt is reconciled as made: one pak, and a resubmit buys nothing", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const paksBefore = await paksOf(domain);
    const audit = await lastAuditId();
    await arm({ command: "PURCHASESERVICES", mode: "commit-then-drop", times: 1 });
    const submit = { idempotencyKey: key(), request: newPak(domain, { capacityGb: 3, quantity: 7 }) };

    const view = ok(await purchaseAction(submit));

    const paks = await paksOf(domain);
    expect(paks).toHaveLength(paksBefore.length + 1);
    const bought = paks.find((pak) => !paksBefore.some((before) => before.bundleId === pak.bundleId));
    expect(view).toMatchObject({
      status: "ok",
      reconciliation: "made",
      bundleId: bought?.bundleId,
      orderId: null,
    });
    expect(view.message).toBe(
      `The connection dropped after the order was sent; we checked and it went through: pak ${bought?.bundleId}.`,
    );
    expect((await auditAfter(audit)).map((row) => [row.action, row.outcome])).toEqual([
      ["pak.purchase", "unknown"],
      ["pak.purchase", "ok"],
    ]);

    const seq = await lastSeq();
    const again = ok(await purchaseAction(submit));
    expect(again).toMatchObject({
      status: "ok",
      reconciliation: "made",
      bundleId: bought?.bundleId,
      replayed: true,
    });
    expect(await commandsSince(seq)).toEqual([]);
    expect(await paksOf(domain)).toHaveLength(paksBefore.length + 1);
  });

  it("when more mailboxes are bought and the answer is lost, the check finds them, and a resubmit buys nothing", async () => {
    const { domain, bundleId } = takeDomain();
    signInAs(staff);
    const [before] = (await paksOf(domain)).filter((pak) => pak.bundleId === bundleId);
    await arm({ command: "PURCHASESERVICES", mode: "commit-then-drop", times: 1 });
    const submit = {
      idempotencyKey: key(),
      request: { kind: "add-mailboxes", domain, bundleId, quantity: 2 },
    };
    const view = ok(await purchaseAction(submit));
    expect(view).toMatchObject({ status: "ok", reconciliation: "made", bundleId });
    expect(view.message).toBe(
      `The connection dropped after the order was sent; we checked and it went through: pak ${bundleId} has the 2 new mailboxes.`,
    );
    const seq = await lastSeq();
    expect(ok(await purchaseAction(submit))).toMatchObject({ status: "ok", replayed: true });
    expect(await ordersSince(seq)).toEqual([]);
    expect((await paksOf(domain)).find((pak) => pak.bundleId === bundleId)?.qtyPurchased).toBe(
      (before?.qtyPurchased ?? 0) + 2,
    );
  });

  it.each([
    ["reset", "the connection is reset"],
    ["http500", "eNom's front door fails"],
  ])("%s: when %s, the check finds nothing bought and says so", async (mode) => {
    const { domain } = takeDomain();
    signInAs(staff);
    const paksBefore = await paksOf(domain);
    const balance = await balanceCents();
    await arm({ command: "PURCHASESERVICES", mode, times: 1 });
    const view = ok(await purchaseAction({ idempotencyKey: key(), request: newPak(domain) }));
    expect(view).toMatchObject({ status: "failed", reconciliation: "not-made" });
    expect(view.message).toBe(
      "The connection dropped after the order was sent; we checked and nothing was bought. You can submit it again.",
    );
    expect(await paksOf(domain)).toHaveLength(paksBefore.length);
    expect(await balanceCents()).toBe(balance);
  });

  it("when eNom does not answer in time, nothing more is bought, and a later check settles it", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const paksBefore = await paksOf(domain);
    const seq = await lastSeq();
    await arm({ command: "PURCHASESERVICES", mode: "hang", times: 1 });
    const submit = { idempotencyKey: key(), request: newPak(domain) };
    const view = ok(await purchaseAction(submit));
    // eNom may still be working on an order it did not answer: "nothing bought" has to wait.
    expect(view).toMatchObject({ status: "unknown", reconciliation: null });
    expect(view.message).toBe(
      "We could not confirm yet whether this purchase went through. Nothing more will be bought until it is checked; check again in a minute.",
    );
    const again = ok(await purchaseAction(submit));
    expect(again).toMatchObject({ status: "unknown", replayed: true });
    expect(ok(await checkAttemptAction({ key: submit.idempotencyKey })).status).toBe("unknown");

    await pretendUnknownSince(submit.idempotencyKey, 120_000);
    const checked = ok(await checkAttemptAction({ key: submit.idempotencyKey }));
    expect(checked).toMatchObject({ status: "failed", reconciliation: "not-made" });
    expect(checked.message).toBe(
      "The connection dropped after the order was sent; we checked and nothing was bought. You can submit it again.",
    );
    // The key is spent: the same submit shows the same result and sends no order.
    expect(ok(await purchaseAction(submit))).toMatchObject({ status: "failed", reconciliation: "not-made" });
    expect(await paksOf(domain)).toHaveLength(paksBefore.length);
    expect(await ordersSince(seq)).toEqual(["PURCHASESERVICES"]);
  });

  it("a late check still finds an order eNom made after the answer was given up on", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    await arm({ command: "PURCHASESERVICES", mode: "hang", times: 1 });
    const submit = { idempotencyKey: key(), request: newPak(domain, { quantity: 4, capacityGb: 10 }) };
    expect(ok(await purchaseAction(submit)).status).toBe("unknown");
    // As if eNom finished the order after the timeout.
    const late = await client.purchaseServices({
      kind: "mailbox",
      domain,
      endUserIp: "127.0.0.1",
      quantity: 4,
      capacity: 10,
    });
    const checked = ok(await checkAttemptAction({ key: submit.idempotencyKey }));
    expect(checked).toMatchObject({
      status: "ok",
      reconciliation: "made",
      bundleId: late.bundles[0]?.bundleId,
    });
  });

  it("stays unknown while eNom cannot be read, sends no second order, and settles on a later check", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const seq = await lastSeq();
    await arm({ command: "PURCHASESERVICES", mode: "hang", times: 1 });
    const submit = { idempotencyKey: key(), request: newPak(domain) };
    const pending = purchaseAction(submit);
    // While the order hangs, the reconciliation read is made to fail too.
    await receivedSince(seq, "PURCHASESERVICES");
    await arm({ command: "GETPOP3", mode: "error", message: "Service unavailable", times: 1 });
    const view = ok(await pending);
    expect(view).toMatchObject({ status: "unknown", reconciliation: null });
    expect(view.message).toBe(
      "We could not confirm whether this purchase went through. Nothing more will be bought until it is checked.",
    );

    // A resubmit only reads; "nothing bought" waits until no cached read could hide the order.
    const again = ok(await purchaseAction(submit));
    expect(again.status).toBe("unknown");
    expect(again.message).toMatch(/check again in a minute\.$/);
    await pretendUnknownSince(submit.idempotencyKey, 120_000);
    const checked = ok(await checkAttemptAction({ key: submit.idempotencyKey }));
    expect(checked).toMatchObject({ status: "failed", reconciliation: "not-made" });
    expect(await ordersSince(seq)).toEqual(["PURCHASESERVICES"]);
  });
  it("an attempt left pending by a crash is checked like an unknown one, and found when eNom made it", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const paksBefore = await paksOf(domain);
    const idempotencyKey = key();
    const request = { ...newPak(domain, { quantity: 6, capacityGb: 3 }) } as Record<string, unknown>;
    const db = await getDb();
    // As a panel instance leaves it when it dies after sending the order.
    await db.insert(purchaseAttempts).values({
      key: idempotencyKey,
      kind: "purchase",
      status: "pending",
      actorId: staff.id,
      actorEmail: staff.email,
      actorRole: staff.role,
      domain,
      request,
      before: {
        paks: paksBefore.map(({ bundleId, qtyPurchased, quotaMb, expDate }) => ({
          bundleId,
          qtyPurchased,
          quotaMb,
          expires: expDate,
        })),
      },
      updatedAt: new Date(Date.now() - 60 * 60_000),
    });
    const made = await client.purchaseServices({
      kind: "mailbox",
      domain,
      endUserIp: "127.0.0.1",
      quantity: 6,
      capacity: 3,
    });
    const seq = await lastSeq();
    const checked = ok(await checkAttemptAction({ key: idempotencyKey }));
    expect(checked).toMatchObject({
      status: "ok",
      reconciliation: "made",
      bundleId: made.bundles[0]?.bundleId,
    });
    expect(ok(await purchaseAction({ idempotencyKey, request }))).toMatchObject({
      status: "ok",
      replayed: true,
    });
    expect(await ordersSince(seq)).toEqual([]);
  });
});

describe("one order, whatever the key (the same thing within 15 minutes; a domain with an unconfirmed order)", () => {
  const expireConfirmations = async () => {
    const db = await getDb();
    await db.update(purchaseConfirmations).set({ expiresAt: new Date(Date.now() - 1_000) });
  };

  it("two tabs with the same choices (two keys) make one PurchaseServices; the second gets the first's result", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const seq = await lastSeq();
    const request = newPak(domain, { quantity: 3 });
    const [first, second] = await Promise.all([
      purchaseAction({ idempotencyKey: key(), request }),
      purchaseAction({ idempotencyKey: key(), request }),
    ]);
    const views = [ok(first), ok(second)];
    const made = views.find((view) => view.earlier === null);
    const shown = views.find((view) => view.earlier !== null);
    if (!made || !shown) throw new Error("expected one order and one earlier-order answer");
    expect(made).toMatchObject({ status: "ok", earlier: null });
    expect(shown).toMatchObject({
      key: made.key,
      status: "ok",
      orderId: made.orderId,
      bundleId: made.bundleId,
      replayed: true,
      earlier: { reason: "same-order", placedBy: "you", canView: true },
    });
    expect(shown.earlier?.confirmation).toEqual(expect.any(String));
    expect(await ordersSince(seq)).toEqual(["PURCHASESERVICES"]);
  });

  it("a second staff member asking for the same renewal later sees the first, and eNom is not asked to renew", async () => {
    const { domain, bundleId } = takeDomain();
    signInAs(staff);
    const request = { items: [{ domain, bundleId }], years: 1 };
    const first = ok(await renewAction({ idempotencyKey: key(), request }));
    expect(first.attempts.map((attempt) => attempt.status)).toEqual(["ok"]);
    signInAs(otherStaff);
    const seq = await lastSeq();
    const second = ok(await renewAction({ idempotencyKey: key(), request }));
    expect(second.batchKey).toBe(first.batchKey);
    expect(second.attempts.map((attempt) => attempt.key)).toEqual(
      first.attempts.map((attempt) => attempt.key),
    );
    expect(second.earlier).toMatchObject({ reason: "same-order", placedBy: staff.email });
    expect(await ordersSince(seq)).toEqual([]);
  });

  it("an unknown order on a domain holds every other order for it (another product, a renewal) until it is checked", async () => {
    const { domain, bundleId } = takeDomain();
    signInAs(staff);
    await arm({ command: "PURCHASESERVICES", mode: "hang", times: 1 });
    const unknown = ok(await purchaseAction({ idempotencyKey: key(), request: newPak(domain) }));
    expect(unknown.status).toBe("unknown");

    // Another person, another product, another key: nothing is ordered while the first is unknown.
    signInAs(otherStaff);
    const seq = await lastSeq();
    const more = { kind: "add-mailboxes", domain, bundleId, quantity: 2 };
    const held = ok(await purchaseAction({ idempotencyKey: key(), request: more }));
    expect(held).toMatchObject({
      key: unknown.key,
      status: "unknown",
      earlier: { reason: "domain-held", placedBy: staff.email, confirmation: null },
    });
    const renewal = ok(
      await renewAction({ idempotencyKey: key(), request: { items: [{ domain, bundleId }], years: 1 } }),
    );
    expect(renewal.attempts.map((attempt) => attempt.key)).toEqual([unknown.key]);
    expect(renewal.earlier).toMatchObject({ reason: "domain-held", confirmation: null });
    expect(await ordersSince(seq)).toEqual([]);

    // Once the check settles it (nothing was bought), the other order goes through, once.
    await pretendUnknownSince(unknown.key, 120_000);
    expect(ok(await checkAttemptAction({ key: unknown.key }))).toMatchObject({ status: "failed" });
    const bought = ok(await purchaseAction({ idempotencyKey: key(), request: more }));
    expect(bought).toMatchObject({ status: "ok", earlier: null, bundleId });
    expect(await ordersSince(seq)).toEqual(["PURCHASESERVICES"]);
  });

  it("a customer held by its provider's unknown order is told so without the provider's details", async () => {
    signInAs(staff);
    await arm({ command: "PURCHASESERVICES", mode: "hang", times: 1 });
    const unknown = ok(await purchaseAction({ idempotencyKey: key(), request: newPak(ownDomain.domain) }));
    expect(unknown.status).toBe("unknown");
    signInAs(buyer);
    const seq = await lastSeq();
    const held = ok(
      await purchaseAction({ idempotencyKey: key(), request: newPak(ownDomain.domain, { quantity: 1 }) }),
    );
    expect(held).toMatchObject({
      status: "unknown",
      costCents: null,
      trackingKey: null,
      earlier: { reason: "domain-held", placedBy: "your provider", canView: false },
    });
    expect(await ordersSince(seq)).toEqual([]);
    // Settled, so later tests on this domain start clean.
    signInAs(staff);
    await pretendUnknownSince(unknown.key, 120_000);
    expect(ok(await checkAttemptAction({ key: unknown.key })).status).toBe("failed");
  });

  it("buying again on purpose with the server's confirmation makes exactly one more order, and is audited", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const request = newPak(domain, { quantity: 4 });
    const first = ok(await purchaseAction({ idempotencyKey: key(), request }));
    signInAs(otherStaff);
    const shown = ok(await purchaseAction({ idempotencyKey: key(), request }));
    const confirmation = shown.earlier?.confirmation ?? "";
    expect(shown).toMatchObject({ key: first.key, earlier: { reason: "same-order", placedBy: staff.email } });

    // Someone else cannot use it.
    signInAs(staff);
    const seq = await lastSeq();
    expect(await purchaseAction({ idempotencyKey: key(), request, confirmation })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no longer valid/),
    });

    signInAs(otherStaff);
    const audit = await lastAuditId();
    const [a, b] = await Promise.all([
      purchaseAction({ idempotencyKey: key(), request, confirmation }),
      purchaseAction({ idempotencyKey: key(), request, confirmation }),
    ]);
    const again = [ok(a), ok(b)];
    expect(again.map((view) => view.key)[0]).toBe(again[1]?.key);
    expect(again[0]?.key).not.toBe(first.key);
    expect(again.map((view) => view.status)).toEqual(["ok", "ok"]);
    expect(await ordersSince(seq)).toEqual(["PURCHASESERVICES"]);
    const entries = (await auditAfter(audit)).map((row) => [row.action, row.outcome, row.actorEmail]);
    expect(entries).toEqual([
      ["pak.purchase.again", "ok", otherStaff.email],
      ["pak.purchase", "ok", otherStaff.email],
    ]);
    const [repeat] = await auditAfter(audit);
    expect(repeat?.details).toMatchObject({ keys: [again[0]?.key], repeatOf: [first.key] });

    // The used confirmation buys nothing more, and a third submit shows the newest order.
    const third = ok(await purchaseAction({ idempotencyKey: key(), request }));
    expect(third).toMatchObject({ key: again[0]?.key, earlier: { reason: "same-order", placedBy: "you" } });
    expect(await ordersSince(seq)).toEqual(["PURCHASESERVICES"]);
  });

  it("renewing again on purpose renews once more, and is audited", async () => {
    const { domain, bundleId } = takeDomain();
    signInAs(staff);
    const request = { items: [{ domain, bundleId }], years: 1 };
    const first = ok(await renewAction({ idempotencyKey: key(), request }));
    const shown = ok(await renewAction({ idempotencyKey: key(), request }));
    expect(shown.batchKey).toBe(first.batchKey);
    const confirmation = shown.earlier?.confirmation ?? "";
    const seq = await lastSeq();
    const audit = await lastAuditId();
    const again = ok(await renewAction({ idempotencyKey: key(), request, confirmation }));
    expect(again.batchKey).not.toBe(first.batchKey);
    expect(again.attempts.map((attempt) => attempt.status)).toEqual(["ok"]);
    expect(await ordersSince(seq)).toEqual(["PURCHASESERVICES"]);
    expect((await auditAfter(audit)).map((row) => [row.action, row.outcome])).toEqual([
      ["pak.renew.again", "ok"],
      ["pak.renew", "ok"],
    ]);
    // The same confirmation once more: the renewal it made, nothing new.
    const replay = ok(await renewAction({ idempotencyKey: key(), request, confirmation }));
    expect(replay.batchKey).toBe(again.batchKey);
    expect(await ordersSince(seq)).toEqual(["PURCHASESERVICES"]);
  });

  it("refuses a forged or expired confirmation, and buys nothing", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const request = newPak(domain, { quantity: 5 });
    ok(await purchaseAction({ idempotencyKey: key(), request }));
    const shown = ok(await purchaseAction({ idempotencyKey: key(), request }));
    const confirmation = shown.earlier?.confirmation ?? "";
    expect(confirmation).not.toBe("");
    const seq = await lastSeq();

    const forged = await purchaseAction({
      idempotencyKey: key(),
      request,
      confirmation: "A".repeat(43),
    });
    expect(forged).toEqual({
      ok: false,
      message:
        "This confirmation to buy again is no longer valid (it expired, was used, or was not issued to you). Nothing was bought; look at the earlier order and confirm again.",
    });
    // A confirmation of another order (another quantity) does not carry over.
    expect(
      await purchaseAction({ idempotencyKey: key(), request: newPak(domain, { quantity: 6 }), confirmation }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/no longer valid/) });
    await expireConfirmations();
    expect(await purchaseAction({ idempotencyKey: key(), request, confirmation })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no longer valid/),
    });
    expect(await ordersSince(seq)).toEqual([]);
  });
});

describe("refusals and eNom's errors", () => {
  it("refuses an order the balance cannot cover, naming the amounts, and takes the same form once topped up", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    await setBalance(5);
    const quote = ok(await quotePurchase(newPak(domain)));
    expect(quote).toMatchObject({ sufficient: false, balanceCents: 500, balanceAfterCents: -9_500 });
    const seq = await lastSeq();
    const audit = await lastAuditId();
    const submit = { idempotencyKey: key(), request: newPak(domain) };
    expect(await purchaseAction(submit)).toEqual({
      ok: false,
      message:
        "The eNom account balance ($5.00) does not cover this order ($100.00). Nothing was bought. Add funds to the account, then submit again: your choices are kept.",
    });
    expect(await ordersSince(seq)).toEqual([]);
    expect((await auditAfter(audit)).map((row) => [row.action, row.outcome])).toEqual([
      ["pak.purchase", "failed"],
    ]);

    await setBalance(5_000);
    expect(ok(await purchaseAction(submit))).toMatchObject({ status: "ok", replayed: false });
  });

  it("shows eNom's own refusal when the balance could not be read first", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    await setBalance(5);
    // Not a transient error (the client retries those on reads): the quote's read, then the submit's.
    await arm({ command: "GETBALANCE", mode: "error", message: "Account is under review", times: 2 });
    const quote = ok(await quotePurchase(newPak(domain)));
    expect(quote).toMatchObject({
      costCents: 10_000,
      balanceCents: null,
      balanceAfterCents: null,
      sufficient: true,
    });
    expect(quote.balanceProblem).toMatch(/^The account balance could not be read just now/);
    const view = ok(await purchaseAction({ idempotencyKey: key(), request: newPak(domain) }));
    expect(view).toMatchObject({ status: "failed", reconciliation: null });
    expect(view.message).toBe(
      "The email service refused this: Insufficient funds: this order costs $100 and the account balance is $5.00",
    );
  });

  it("shows each eNom error plainly and buys nothing", async () => {
    const { domain, bundleId } = takeDomain();
    signInAs(admin);
    const audit = await lastAuditId();
    await arm({
      command: "PURCHASESERVICES",
      mode: "error",
      message: "Domain is locked for changes",
      times: 1,
    });
    const refused = ok(await purchaseAction({ idempotencyKey: key(), request: newPak(domain) }));
    expect(refused).toMatchObject({
      status: "failed",
      message: "The email service refused this: Domain is locked for changes",
    });
    const rows = await auditAfter(audit);
    expect(rows.map((row) => [row.action, row.outcome, row.enomError])).toEqual([
      ["pak.purchase", "failed", "Domain is locked for changes"],
    ]);
    expect(rows[0]?.enomTrackingKey).toMatch(/[0-9a-f-]{36}/i);

    // eNom's cap on extra storage: 20 units per pak in all.
    ok(
      await purchaseAction({
        idempotencyKey: key(),
        request: { kind: "add-storage", domain, bundleId, units: 20 },
      }),
    );
    const quota = (await paksOf(domain)).find((pak) => pak.bundleId === bundleId)?.quotaMb;
    const capped = ok(
      await purchaseAction({
        idempotencyKey: key(),
        request: { kind: "add-storage", domain, bundleId, units: 1 },
      }),
    );
    expect(capped.status).toBe("failed");
    expect(capped.message).toMatch(/^The email service refused this: .*Quantity/);
    expect((await paksOf(domain)).find((pak) => pak.bundleId === bundleId)?.quotaMb).toBe(quota);
  });

  it("buys nothing when the domain cannot be read first, and takes the same form again later", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const seq = await lastSeq();
    // Every try of the read (reads are retried) fails.
    await arm({ command: "GETPOP3", mode: "http500", times: 3 });
    const submit = { idempotencyKey: key(), request: newPak(domain) };
    expect(await purchaseAction(submit)).toEqual({
      ok: false,
      message:
        "The email service is not answering right now. Nothing was bought; please try again in a moment.",
    });
    expect(await ordersSince(seq)).toEqual([]);
    expect(ok(await purchaseAction(submit))).toMatchObject({ status: "ok", replayed: false });
  });

  it("refuses growth of an expired pak before asking eNom", async () => {
    signInAs(staff);
    const expired = expiredPak;
    if (!expired) throw new Error("The seeded world has no expired Mailbox pak.");
    const seq = await lastSeq();
    const result = await quotePurchase({
      kind: "add-storage",
      domain: expired.domain,
      bundleId: expired.bundleId,
      units: 1,
    });
    expect(result).toEqual({
      ok: false,
      message: `Pak ${expired.bundleId} expired on ${expired.expires}. Renew it first, then add storage.`,
    });
    expect(await ordersSince(seq)).toEqual([]);
  });

  it("reports bad input field by field", async () => {
    signInAs(staff);
    const result = await purchaseAction({
      idempotencyKey: "nope",
      request: newPak("not a domain", { quantity: 0 }),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      "idempotencyKey",
      "request.domain",
      "request.quantity",
    ]);
  });
});

describe("customers", () => {
  it("buy on their own domain at retail prices, never seeing cost, balance or TrackingKey", async () => {
    signInAs(buyer);
    const request = newPak(ownDomain.domain, { quantity: 2, capacityGb: 1 });
    const quote = ok(await quotePurchase(request));
    expect(quote).toMatchObject({
      retailCents: 600,
      costCents: null,
      balanceCents: null,
      balanceAfterCents: null,
      balanceProblem: null,
    });
    expect(quote.lines.every((line) => line.costCents === null)).toBe(true);
    const view = ok(await purchaseAction({ idempotencyKey: key(), request }));
    expect(view).toMatchObject({ status: "ok", retailCents: 600, costCents: null, trackingKey: null });
    expect(JSON.stringify(view)).not.toMatch(/enom/i);
    expect(ok(await readAttempt(view.key))).toMatchObject({
      key: view.key,
      costCents: null,
      trackingKey: null,
    });
    // Staff see the same attempt with what eNom charged and its TrackingKey.
    signInAs(staff);
    const staffView = ok(await readAttempt(view.key));
    expect(staffView).toMatchObject({ key: view.key, costCents: 200, retailCents: 600 });
    expect(staffView.trackingKey).toMatch(/[0-9a-f-]{36}/i);
  });

  it("are not told the reseller's balance when it cannot cover their order", async () => {
    signInAs(buyer);
    await setBalance(0.01);
    expect(await purchaseAction({ idempotencyKey: key(), request: newPak(ownDomain.domain) })).toEqual({
      ok: false,
      message:
        "This order cannot be completed right now, and nothing was bought. Please contact your provider; your choices are kept.",
    });
    await arm({ command: "GETBALANCE", mode: "error", message: "Account is under review", times: 1 });
    const refused = ok(await purchaseAction({ idempotencyKey: key(), request: newPak(ownDomain.domain) }));
    expect(refused.status).toBe("failed");
    // eNom's refusal reaches the customer in the panel's words (lib/white-label.ts), never naming
    // the balance or eNom.
    expect(refused.message).not.toMatch(/enom|balance|insufficient|reseller/i);
  });

  it("are refused, and audited, where the reseller has not allowed purchases", async () => {
    signInAs(limited);
    const seq = await lastSeq();
    const audit = await lastAuditId();
    const idempotencyKey = key();
    const result = await purchaseAction({ idempotencyKey, request: newPak(limitedDomain.domain) });
    expect(result).toEqual({
      ok: false,
      message: "Your reseller has not enabled this for your account. Contact them to change it.",
    });
    expect(await commandsSince(seq)).toEqual([]);
    expect(
      (await auditAfter(audit)).map((row) => [row.action, row.outcome, row.domain, row.details]),
    ).toEqual([["pak.purchase", "failed", limitedDomain.domain, { refused: true, key: idempotencyKey }]]);
    expect(
      await renewAction({
        idempotencyKey: key(),
        request: { items: [{ domain: limitedDomain.domain, bundleId: limitedDomain.bundleId }], years: 1 },
      }),
    ).toEqual({
      ok: false,
      message: "Your reseller has not enabled this for your account. Contact them to change it.",
    });
  });

  it("are told another customer's domain, its attempts and its paks do not exist, and eNom is not asked", async () => {
    signInAs(staff);
    const staffView = ok(
      await purchaseAction({ idempotencyKey: key(), request: newPak(foreignDomain.domain, { quantity: 1 }) }),
    );
    signInAs(buyer);
    const seq = await lastSeq();
    expect(await purchaseAction({ idempotencyKey: key(), request: newPak(foreignDomain.domain) })).toEqual({
      ok: false,
      message: "That domain was not found.",
    });
    expect(
      await quoteRenewal({
        items: [{ domain: foreignDomain.domain, bundleId: foreignDomain.bundleId }],
        years: 1,
      }),
    ).toEqual({ ok: false, message: "That domain was not found." });
    expect(await readAttempt(staffView.key)).toEqual({
      ok: false,
      message: "That purchase was not found.",
    });
    expect(await checkAttemptAction({ key: staffView.key })).toEqual({
      ok: false,
      message: "That purchase was not found.",
    });
    // Their own domain with someone else's pak.
    expect(
      await renewAction({
        idempotencyKey: key(),
        request: { items: [{ domain: ownDomain.domain, bundleId: foreignDomain.bundleId }], years: 1 },
      }),
    ).toEqual({ ok: false, message: "That pak was not found." });
    expect(await commandsSince(seq)).not.toContain("PURCHASESERVICES");
    expect(await commandsSince(seq)).not.toContain("RENEWPOPBUNDLE");
  });
});

describe("renewals", () => {
  it("renews each pak with the command for its product, one by one, each with its own outcome; a replay asks eNom nothing", async () => {
    const paks = [takeClassic(), takeDomain(), takeDomain()];
    const items = paks.map(({ domain, bundleId }) => ({ domain, bundleId }));
    signInAs(staff);
    const quote = ok(await quoteRenewal({ items, years: 1 }));
    expect(quote.expiries.map((expiry) => expiry.from)).toEqual(paks.map((pak) => pak.expires));
    const audit = await lastAuditId();
    const seq = await lastSeq();
    // The second pak's renewal (the first Mailbox one) is refused.
    await arm({ command: "PURCHASESERVICES", mode: "error", message: "Pak is locked", times: 1 });
    const idempotencyKey = key();

    const started = ok(await renewAction({ idempotencyKey, request: { items, years: 1 } }));

    // A selection is renewed by a job: the submit answers at once, nothing ordered yet.
    expect(started.batchKey).toBe(idempotencyKey);
    expect(started.attempts.map((attempt) => attempt.status)).toEqual(["pending", "pending", "pending"]);
    expect(await ordersSince(seq)).toEqual([]);
    if (!started.runId) throw new Error("the renewal did not start a job");
    expect(await runJob(started.runId)).toBe("done");
    // The result page's read, in the order the paks were asked for.
    const read = ok((await readPurchaseRoute(idempotencyKey)).body);
    const batch = {
      attempts: paks.flatMap((pak) => read.attempts.filter((attempt) => attempt.bundleId === pak.bundleId)),
    };

    expect(batch.attempts.map((attempt) => [attempt.bundleId, attempt.status])).toEqual([
      [paks[0]?.bundleId, "ok"],
      [paks[1]?.bundleId, "failed"],
      [paks[2]?.bundleId, "ok"],
    ]);
    expect(batch.attempts[1]?.message).toBe("The email service refused this: Pak is locked");
    for (const [index, pak] of paks.entries()) {
      const now = (await paksOf(pak.domain)).find((candidate) => candidate.bundleId === pak.bundleId);
      expect(now?.expDate).toBe(index === 1 ? pak.expires : quote.expiries[index]?.to);
      if (index !== 1) {
        expect(batch.attempts[index]?.newExpiry).toBe(quote.expiries[index]?.to);
        expect(batch.attempts[index]?.message).toBe(
          `Pak ${pak.bundleId} of ${pak.domain} now expires on ${quote.expiries[index]?.to}.`,
        );
      }
    }
    // RenewPOPBundle for the classic 10-pak; PurchaseServices Mailbox/Renew for the Mailbox paks.
    const orders = (await callsSince(seq)).filter((call) =>
      ["PURCHASESERVICES", "RENEWPOPBUNDLE"].includes(call.command.toUpperCase()),
    );
    expect(orders.map((call) => call.command.toUpperCase())).toEqual([
      "RENEWPOPBUNDLE",
      "PURCHASESERVICES",
      "PURCHASESERVICES",
    ]);
    expect(orders[0]?.params).toMatchObject({
      PakID: String(paks[0]?.bundleId),
      Quantity: "1",
      UseCreditCard: "no",
    });
    expect(orders[2]?.params).toMatchObject({
      ProductType: "Mailbox",
      ActionType: "Renew",
      ProductID: String(paks[2]?.bundleId),
      TimeUnit: "Year",
      TimeQuantity: "1",
    });
    const entries = await auditAfter(audit);
    const rows = entries.filter((row) => row.action === "pak.renew");
    expect(rows.map((row) => [row.action, row.outcome, row.pakId])).toEqual(
      paks.map((pak, index) => ["pak.renew", index === 1 ? "failed" : "ok", String(pak.bundleId)]),
    );
    // The job's own entry per pak, with the same outcome.
    expect(
      entries.filter((row) => row.action === "pak.renew.job").map((row) => [row.outcome, row.pakId]),
    ).toEqual(paks.map((pak, index) => [index === 1 ? "failed" : "ok", String(pak.bundleId)]));
    expect(rows[0]?.enomOrderId).toBe(batch.attempts[0]?.orderId);
    expect(rows[0]?.enomTrackingKey).toBe(batch.attempts[0]?.trackingKey);
    expect(rows[0]?.details).toMatchObject({
      expires: quote.expiries[0]?.to,
      batchKey: idempotencyKey,
      readBack: { finding: "as-asked", command: "RenewPOPBundle" },
    });

    const replaySeq = await lastSeq();
    const again = ok(await renewAction({ idempotencyKey, request: { items, years: 1 } }));
    expect(again.attempts.map(withoutReplayed)).toEqual(batch.attempts.map(withoutReplayed));
    expect(again.attempts.every((attempt) => attempt.replayed)).toBe(true);
    expect(again.runId).toBe(started.runId);
    expect(await commandsSince(replaySeq)).toEqual([]);
    expect(batch.attempts).toHaveLength(3);
    expect(await renewAction({ idempotencyKey, request: { items, years: 2 } })).toEqual({
      ok: false,
      message: "This form was already submitted with other choices. Start again to make a new purchase.",
    });
  });

  it("reads RenewPOPBundle's new expiry back, as its answer carries only the order id", async () => {
    const pak = takeClassic();
    signInAs(admin);
    const seq = await lastSeq();
    const batch = ok(
      await renewAction({
        idempotencyKey: key(),
        request: { items: [{ domain: pak.domain, bundleId: pak.bundleId }], years: 2 },
      }),
    );
    const now = (await paksOf(pak.domain)).find((candidate) => candidate.bundleId === pak.bundleId);
    expect(now?.expDate).not.toBe(pak.expires);
    expect(batch.attempts).toEqual([expect.objectContaining({ status: "ok", newExpiry: now?.expDate })]);
    const commands = await commandsSince(seq);
    // The read-back, then the domain read into the account mirror so every list shows the new expiry.
    const after = commands.slice(commands.indexOf("RENEWPOPBUNDLE"));
    expect(after.slice(0, 3)).toEqual(["RENEWPOPBUNDLE", "GETPOP3", "GETPOP3"]);
    // Forwarding and catch-all are read side by side.
    expect(after.slice(3).sort()).toEqual(["GETCATCHALL", "GETPOPFORWARDING"]);
  });

  it("renews a monthly Mailbox pak the panel bought by the month: 12 months for a year", async () => {
    const { domain } = takeDomain();
    signInAs(staff);
    const bought = ok(
      await purchaseAction({
        idempotencyKey: key(),
        request: newPak(domain, { quantity: 3, capacityGb: 1, billingPeriod: "month", terms: 2 }),
      }),
    );
    const before = (await paksOf(domain)).find((pak) => pak.bundleId === bought.bundleId);
    if (!before || bought.bundleId === null) throw new Error("the monthly pak was not bought");
    const items = [{ domain, bundleId: bought.bundleId }];
    const quote = ok(await quoteRenewal({ items, years: 1 }));
    expect(quote.lines.map((line) => line.label)).toEqual([
      `Pak ${bought.bundleId} of ${domain}: 3 mailboxes, 1 GB, 12 months`,
    ]);
    // 3 mailboxes × $0.10 a month × 12.
    expect(quote.costCents).toBe(360);
    const seq = await lastSeq();
    const balance = await balanceCents();
    const batch = ok(await renewAction({ idempotencyKey: key(), request: { items, years: 1 } }));
    const orders = (await callsSince(seq)).filter(
      (call) => call.command.toUpperCase() === "PURCHASESERVICES",
    );
    expect(
      orders.map((call) => [call.params.ActionType, call.params.TimeUnit, call.params.TimeQuantity]),
    ).toEqual([["Renew", "Month", "12"]]);
    expect(batch.attempts[0]?.newExpiry).toBe(addTerm(before.expDate, "month", 12));
    expect(await balanceCents()).toBe(balance - 360);
    // A monthly pak cannot be renewed for two years in one order (TimeQuantity is 1-12).
    expect(await quoteRenewal({ items, years: 2 })).toEqual({
      ok: false,
      message: `Pak ${bought.bundleId} is billed monthly, and one renewal covers at most 12 months. Renew it for 1 year at a time.`,
    });
  });

  it("checks every pak belongs to its domain before renewing any", async () => {
    const first = takeDomain();
    signInAs(admin);
    const seq = await lastSeq();
    const result = await renewAction({
      idempotencyKey: key(),
      request: {
        items: [first, { domain: first.domain, bundleId: foreignDomain.bundleId }].map(
          ({ domain, bundleId }) => ({ domain, bundleId }),
        ),
        years: 1,
      },
    });
    expect(result).toEqual({ ok: false, message: "That pak was not found." });
    expect(await ordersSince(seq)).toEqual([]);
    expect((await paksOf(first.domain)).find((pak) => pak.bundleId === first.bundleId)?.expDate).toBe(
      first.expires,
    );
  });

  it("renews nothing when the balance cannot cover the whole batch", async () => {
    const pak = takeDomain();
    signInAs(staff);
    await setBalance(0.01);
    const items = [{ domain: pak.domain, bundleId: pak.bundleId }];
    const quote = ok(await quoteRenewal({ items, years: 3 }));
    expect(quote.sufficient).toBe(false);
    const seq = await lastSeq();
    const result = await renewAction({ idempotencyKey: key(), request: { items, years: 3 } });
    expect(result).toEqual({
      ok: false,
      message: `The eNom account balance ($0.01) does not cover this order (${dollars(quote.costCents ?? 0)}). Nothing was bought. Add funds to the account, then submit again: your choices are kept.`,
    });
    expect(await ordersSince(seq)).toEqual([]);
    expect((await paksOf(pak.domain)).find((candidate) => candidate.bundleId === pak.bundleId)?.expDate).toBe(
      pak.expires,
    );
  });

  it("lets a customer renew its own pak at retail prices", async () => {
    signInAs(buyer);
    const items = [{ domain: ownDomain.domain, bundleId: ownDomain.bundleId }];
    const quote = ok(await quoteRenewal({ items, years: 2 }));
    expect(quote.costCents).toBeNull();
    const batch = ok(await renewAction({ idempotencyKey: key(), request: { items, years: 2 } }));
    expect(batch.attempts).toEqual([
      expect.objectContaining({
        status: "ok",
        retailCents: quote.retailCents,
        costCents: null,
        trackingKey: null,
        newExpiry: quote.expiries[0]?.to,
      }),
    ]);
  });

  it.each([
    ["a Mailbox pak", "PURCHASESERVICES", takeDomain],
    ["a classic pak", "RENEWPOPBUNDLE", takeClassic],
  ] as const)(
    "when the renewal of %s is lost after eNom renewed, the check sees the later expiry and a resubmit renews nothing",
    async (_what, command, take) => {
      const pak = take();
      signInAs(staff);
      await arm({ command, mode: "commit-then-drop", times: 1 });
      const items = [{ domain: pak.domain, bundleId: pak.bundleId }];
      const submit = { idempotencyKey: key(), request: { items, years: 1 } };
      const batch = ok(await renewAction(submit));
      const now = (await paksOf(pak.domain)).find((candidate) => candidate.bundleId === pak.bundleId);
      expect(batch.attempts).toEqual([
        expect.objectContaining({ status: "ok", reconciliation: "made", newExpiry: now?.expDate }),
      ]);
      expect(now?.expDate).not.toBe(pak.expires);
      const seq = await lastSeq();
      expect(ok(await renewAction(submit)).attempts).toEqual([
        expect.objectContaining({ status: "ok", replayed: true }),
      ]);
      expect(await ordersSince(seq)).toEqual([]);
      expect(
        (await paksOf(pak.domain)).find((candidate) => candidate.bundleId === pak.bundleId)?.expDate,
      ).toBe(now?.expDate);
    },
  );
});
