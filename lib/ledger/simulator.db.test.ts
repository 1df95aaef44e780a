import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveCustomerPricesAction } from "@/lib/actions/ledger";
import { purchaseAction, renewAction } from "@/lib/actions/purchases";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { ledgerEntries, purchaseAttempts, users } from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { stopJobEngine } from "@/lib/jobs/engine";
import { runJob } from "@/lib/jobs/runner";
import { todayIso } from "@/lib/purchases/dates";
import { PROD_TYPE_CLASSIC_POP, PROD_TYPE_MAILBOX } from "@/lib/validation/enom-rules";
import { eq } from "drizzle-orm";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { monthOf } from "./model";
import { selectTotalsByCustomer } from "./queries";
import { getStatement } from "./statements";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * Issue 18's "done means": scripted purchases through the panel's own actions against the eNom
 * simulator (staff buying for customers' domains, customers buying in the portal, growth, a
 * renewal answered at once, a bulk renewal run as a job, a classic pak renewed with
 * RenewPOPBundle, an order whose answer was lost and found made, and orders eNom refused), then
 * the ledger's cost per customer equals what the simulator debited for that customer's domains,
 * and its retail is what each customer owes at its own prices.
 */

let sim: RunningSimulator;
let staff: SessionUser;
let bakeryOwner: SessionUser;
let floristOwner: SessionUser;
let bakeryId: string;
let floristId: string;

interface Pak {
  domain: string;
  bundleId: number;
}
const mailboxPaks: Pak[] = [];
const classicPaks: Pak[] = [];
function take(list: Pak[]): Pak {
  const next = list.shift();
  if (!next) throw new Error("The seeded world has too few domains with a running pak of this kind.");
  return next;
}

async function simJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${sim.origin}${path}`, init);
  return (await response.json()) as T;
}
const balanceCents = async () =>
  Math.round(Number((await simJson<{ balance: string }>("/_sim/balance")).balance) * 100);

/** Who each domain's debits belong to ("reseller": the reseller's own domains). */
const ownerOf = new Map<string, string>();
/** What the simulator debited, per owner, measured around each scripted step. */
const debited = new Map<string, number>();

/** Runs one scripted step and books the simulator's balance change to `owner`. */
async function step<T>(owner: string, run: () => Promise<T>): Promise<T> {
  const before = await balanceCents();
  const result = await run();
  const after = await balanceCents();
  debited.set(owner, (debited.get(owner) ?? 0) + (before - after));
  return result;
}

function ok<T>(result: { ok: true; data: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result.data;
}

const key = () => crypto.randomUUID();
const newPak = (domain: string, overrides: Record<string, unknown> = {}) => ({
  kind: "purchase",
  domain,
  quantityUnit: "boxes",
  quantity: 4,
  capacityGb: 5,
  billingPeriod: "year",
  terms: 1,
  ...overrides,
});

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, domainCount: 120 });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 2_000 });
  await simJson("/_sim/balance", { method: "POST", body: JSON.stringify({ balance: 5000 }) });
  const today = todayIso();
  const { paks } = await enom.client.getPopExpirations();
  const names = [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))]
    .filter((name) => name !== "resellerdocs.com")
    .sort();
  for (const domain of names) {
    const truth = (
      await simJson<{
        paks: { bundleId: number; expDate: string; prodType: number; billingPeriod: string }[];
      }>(`/_sim/state/domain/${encodeURIComponent(domain)}`)
    ).paks;
    const [pak] = truth;
    if (!pak || truth.length !== 1 || pak.expDate <= today) continue;
    if (pak.prodType === PROD_TYPE_MAILBOX && pak.billingPeriod === "year")
      mailboxPaks.push({ domain, bundleId: pak.bundleId });
    if (pak.prodType === PROD_TYPE_CLASSIC_POP) classicPaks.push({ domain, bundleId: pak.bundleId });
  }
});

afterAll(async () => {
  await stopJobEngine();
  await sim?.close();
});

beforeEach(() => signInAs(null));

describe("the ledger after scripted purchases", () => {
  it("equals the simulator's debits, customer by customer, at each customer's retail prices", async () => {
    const bakeryPaks = [take(mailboxPaks), take(mailboxPaks), take(mailboxPaks), take(classicPaks)];
    const floristPaks = [take(mailboxPaks), take(mailboxPaks)];
    const ownPaks = [take(mailboxPaks)];
    const bakery = await createTestCustomer(
      "Bakery",
      bakeryPaks.map((pak) => pak.domain),
      { canPurchase: true, canRenew: true },
    );
    const florist = await createTestCustomer(
      "Florist",
      floristPaks.map((pak) => pak.domain),
      { canPurchase: true, canRenew: true },
    );
    bakeryId = bakery.id;
    floristId = florist.id;
    for (const pak of bakeryPaks) ownerOf.set(pak.domain, bakeryId);
    for (const pak of floristPaks) ownerOf.set(pak.domain, floristId);
    for (const pak of ownPaks) ownerOf.set(pak.domain, "reseller");
    staff = await createTestUser({ email: "staff@ledger-sim.test", role: "staff" });
    const allowed = {
      canCreateMailboxes: true,
      canManageMailboxes: true,
      canToggleAutoRenew: false,
      canPurchase: true,
      canRenew: true,
    };
    bakeryOwner = {
      ...(await createTestUser({ email: "owner@bakery-sim.test", role: "customer", customerId: bakeryId })),
      customer: allowed,
    };
    floristOwner = {
      ...(await createTestUser({ email: "owner@florist-sim.test", role: "customer", customerId: floristId })),
      customer: allowed,
    };
    const db = await getDb();
    await db.update(users).set({ customerAdmin: true }).where(eq(users.email, "owner@bakery-sim.test"));

    // The bakery has prices of its own: 5 GB yearly at $7.50 (the list: $9.00).
    signInAs(staff);
    const none = { 1: "", 3: "", 5: "", 10: "" };
    ok(
      await saveCustomerPricesAction({
        customerId: bakeryId,
        retail: {
          mailbox: { year: { ...none, 5: "750" }, month: none },
          storageUnit: { year: "", month: "" },
        },
      }),
    );

    const [b0, b1, b2, bClassic] = bakeryPaks as [Pak, Pak, Pak, Pak];
    const [f0, f1] = floristPaks as [Pak, Pak];
    const [own] = ownPaks as [Pak];

    // Staff buy a new pak for the bakery's domain: at the bakery's prices.
    signInAs(staff);
    const bought = await step(bakeryId, async () =>
      ok(await purchaseAction({ idempotencyKey: key(), request: newPak(b0.domain) })),
    );
    expect(bought).toMatchObject({ status: "ok", costCents: 1600, retailCents: 3000 });

    // The bakery buys in its portal; the florist too, at the list's prices.
    signInAs(bakeryOwner);
    await step(bakeryId, async () =>
      ok(await purchaseAction({ idempotencyKey: key(), request: newPak(b1.domain, { quantity: 2 }) })),
    );
    signInAs(floristOwner);
    const floristBuys = await step(floristId, async () =>
      ok(await purchaseAction({ idempotencyKey: key(), request: newPak(f0.domain, { capacityGb: 1 }) })),
    );
    expect(floristBuys).toMatchObject({ status: "ok", retailCents: 4 * 300 });

    // Growth: more mailboxes and more storage.
    signInAs(staff);
    await step(floristId, async () =>
      ok(
        await purchaseAction({
          idempotencyKey: key(),
          request: { kind: "add-mailboxes", domain: f1.domain, bundleId: f1.bundleId, quantity: 3 },
        }),
      ),
    );
    signInAs(bakeryOwner);
    await step(bakeryId, async () =>
      ok(
        await purchaseAction({
          idempotencyKey: key(),
          request: { kind: "add-storage", domain: b2.domain, bundleId: b2.bundleId, units: 2 },
        }),
      ),
    );

    // An order whose answer is lost after eNom made it: found made, and in the ledger.
    signInAs(staff);
    await simJson("/_sim/faults", {
      method: "POST",
      body: JSON.stringify({ command: "PURCHASESERVICES", mode: "commit-then-drop", times: 1 }),
    });
    const lost = await step("reseller", async () =>
      ok(await purchaseAction({ idempotencyKey: key(), request: newPak(own.domain, { quantity: 1 }) })),
    );
    expect(lost).toMatchObject({ status: "ok", reconciliation: "made" });

    // Orders eNom refuses debit nothing and write nothing.
    await simJson("/_sim/faults", {
      method: "POST",
      body: JSON.stringify({
        command: "PURCHASESERVICES",
        mode: "error",
        message: "Pak is locked",
        times: 1,
      }),
    });
    const refused = await step(floristId, async () =>
      ok(await purchaseAction({ idempotencyKey: key(), request: newPak(f1.domain) })),
    );
    expect(refused.status).toBe("failed");

    // Renewals answered at once, and bulk renewals run as jobs (one attempt per pak), one of
    // them with a classic pak renewed by RenewPOPBundle (eNom answers no OrderAmount: the quoted
    // cost is recorded, and must be what eNom debited).
    await step(bakeryId, async () =>
      ok(await renewAction({ idempotencyKey: key(), request: { items: [b1], years: 1 } })),
    );
    await step("reseller", async () =>
      ok(await renewAction({ idempotencyKey: key(), request: { items: [own], years: 2 } })),
    );
    const bulk = async (items: Pak[]) => {
      const started = ok(await renewAction({ idempotencyKey: key(), request: { items, years: 1 } }));
      if (!started.runId) throw new Error("the bulk renewal did not start a job");
      expect(await runJob(started.runId)).toBe("done");
      const rows = await db
        .select()
        .from(purchaseAttempts)
        .where(eq(purchaseAttempts.batchKey, started.batchKey));
      expect(rows.map((row) => row.status)).toEqual(items.map(() => "ok"));
    };
    await step(bakeryId, () => bulk([bClassic, b2]));
    await step(floristId, () => bulk([f0, f1]));

    // The ledger, customer by customer, equals the simulator's debits.
    const totals = await selectTotalsByCustomer();
    const ledgerCost = new Map(totals.map((row) => [row.customerId ?? "reseller", row.costCents]));
    expect(Object.fromEntries(ledgerCost)).toEqual(Object.fromEntries(debited));
    expect(debited.get(bakeryId)).toBeGreaterThan(0);
    expect(debited.get(floristId)).toBeGreaterThan(0);
    expect(debited.get("reseller")).toBeGreaterThan(0);
    // Every made attempt is in the ledger once; nothing else is.
    const attempts = await db.select().from(purchaseAttempts);
    const made = attempts.filter((row) => row.status === "ok").map((row) => row.key);
    const entries = await db.select().from(ledgerEntries);
    expect(entries.map((row) => row.attemptKey).sort()).toEqual(made.sort());

    // The bakery's retail is its own price for the 5 GB mailboxes it bought (4 + 2 boxes at $7.50).
    const statement = await getStatement(staff, bakeryId, monthOf(new Date()));
    const purchases = statement.lines.filter((line) => line.kind === "purchase");
    expect(purchases.map((line) => line.retailCents)).toEqual([4 * 750, 2 * 750]);
    expect(statement.totals.costCents).toBe(debited.get(bakeryId));
    expect(statement.totals.retailCents).toBe(
      entries.filter((row) => row.customerId === bakeryId).reduce((sum, row) => sum + row.retailCents, 0),
    );
  });
});
