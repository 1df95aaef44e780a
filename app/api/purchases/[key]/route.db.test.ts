import { asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { purchaseAttempts, type PurchaseAttemptRow } from "@/lib/db/schema";
import { readPurchaseRoute } from "@/lib/purchases/read-routes.testing";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
// No eNom client is set: were the read to ask eNom anything, it would fail instead of answering.
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * The renewal result page's one read of a whole order: every pak's status in one answer, by the
 * wizard's key, for whoever may see the order (each pak only if they may see it), and nothing
 * written or asked of eNom however often it is polled.
 */

const OWN = ["order-read-a.test", "order-read-b.test"];
const GONE = "order-read-gone.test"; // no longer the customer's

let staff: SessionUser;
let owner: SessionUser;
let colleague: SessionUser;
let stranger: SessionUser;
const batchKey = crypto.randomUUID();
const statuses: PurchaseAttemptRow["status"][] = ["ok", "pending", "failed", "pending"];
const paks = [
  { domain: OWN[0] ?? "", bundleId: 710001 },
  { domain: OWN[0] ?? "", bundleId: 710002 },
  { domain: OWN[1] ?? "", bundleId: 710003 },
  { domain: GONE, bundleId: 710004 },
];

beforeAll(async () => {
  const mine = await createTestCustomer("Order Read Co", OWN);
  const theirs = await createTestCustomer("Elsewhere Co", ["order-read-elsewhere.test"]);
  staff = await createTestUser({ email: "staff@order-read.test", role: "staff" });
  owner = await createTestUser({ email: "owner@order-read.test", role: "customer", customerId: mine.id });
  colleague = await createTestUser({
    email: "colleague@order-read.test",
    role: "customer",
    customerId: mine.id,
  });
  stranger = await createTestUser({
    email: "stranger@order-read.test",
    role: "customer",
    customerId: theirs.id,
  });
  const db = await getDb();
  await db.insert(purchaseAttempts).values(
    paks.map((pak, index) => ({
      key: `${batchKey}:${pak.bundleId}`,
      batchKey,
      kind: "renew" as const,
      status: statuses[index] ?? "pending",
      actorId: owner.id,
      actorEmail: owner.email,
      actorRole: owner.role,
      customerId: mine.id,
      domain: pak.domain,
      pakId: String(pak.bundleId),
      request: { kind: "renew", domain: pak.domain, bundleId: pak.bundleId, years: 1 },
      message: statuses[index] === "failed" ? "The pak could not be renewed." : "",
      retailCents: 1200,
      costCents: 500,
      createdAt: new Date(Date.now() + index),
    })),
  );
});

beforeEach(() => signInAs(null));

async function batchRows() {
  const db = await getDb();
  return db
    .select()
    .from(purchaseAttempts)
    .where(eq(purchaseAttempts.batchKey, batchKey))
    .orderBy(asc(purchaseAttempts.createdAt));
}

async function statusesFor(user: SessionUser) {
  signInAs(user);
  const answer = await readPurchaseRoute(batchKey);
  if (!answer.body.ok) return { status: answer.status, message: answer.body.message };
  return {
    status: answer.status,
    isBatch: answer.body.data.isBatch,
    paks: answer.body.data.attempts.map((attempt) => [attempt.bundleId, attempt.status]),
  };
}

describe("GET /api/purchases/<batch key>: a whole renewal in one answer", () => {
  it("gives staff every pak's status, in the order they were renewed", async () => {
    expect(await statusesFor(staff)).toEqual({
      status: 200,
      isBatch: true,
      paks: paks.map((pak, index) => [pak.bundleId, statuses[index]]),
    });
  });

  it("gives the customer's people the paks on domains still theirs, and another customer nothing", async () => {
    const visible = paks.slice(0, 3).map((pak, index) => [pak.bundleId, statuses[index]]);
    expect(await statusesFor(owner)).toEqual({ status: 200, isBatch: true, paks: visible });
    expect(await statusesFor(colleague)).toEqual({ status: 200, isBatch: true, paks: visible });
    expect(await statusesFor(stranger)).toEqual({ status: 404, message: "That purchase was not found." });
  });

  it("shows a pak's new state on the next read (the page's poll)", async () => {
    const db = await getDb();
    await db
      .update(purchaseAttempts)
      .set({ status: "ok" })
      .where(eq(purchaseAttempts.key, `${batchKey}:${paks[1]?.bundleId}`));
    const answer = await statusesFor(owner);
    expect(answer.paks?.[1]).toEqual([paks[1]?.bundleId, "ok"]);
    await db
      .update(purchaseAttempts)
      .set({ status: "pending" })
      .where(eq(purchaseAttempts.key, `${batchKey}:${paks[1]?.bundleId}`));
  });

  it("writes nothing and asks eNom nothing, however often it is read", async () => {
    const before = await lastAuditId();
    const rowsBefore = await batchRows();
    for (let poll = 0; poll < 5; poll += 1)
      for (const user of [staff, owner, stranger]) await statusesFor(user);
    expect(await auditAfter(before)).toEqual([]);
    // Not even a pending pak is touched (no settling, no reconciliation): the rows are as they were.
    expect(await batchRows()).toEqual(rowsBefore);
    expect(rowsBefore.map((row) => row.status)).toEqual(statuses);
  });
});
