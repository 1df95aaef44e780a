import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { renewAction } from "@/lib/actions/purchases";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { jobItems, purchaseAttempts } from "@/lib/db/schema";
import { createEnomClient, type EnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { stopJobEngine } from "@/lib/jobs/engine";
import { runJob } from "@/lib/jobs/runner";
import { getRun } from "@/lib/jobs/runs";
import { PROD_TYPE_CLASSIC_POP, PROD_TYPE_MAILBOX } from "@/lib/validation/enom-rules";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { simHarness, type SimCall } from "@/test/sim-harness";
import { todayIso } from "./dates";
import { findAttempt, updateAttemptIf } from "./attempts";
import { readPurchaseRoute } from "./read-routes.testing";
import { settleStale } from "./settle";

/**
 * Renewing a selection of paks as a job (`paks.renew`): the submit answers at once, the job
 * renews each pak once through its attempt, and a job resumed after its worker died never renews
 * a pak it had sent: it reads eNom to say what became of it.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
let client: EnomClient;
let staff: SessionUser;
const harness = simHarness(() => sim);

interface Pak {
  domain: string;
  bundleId: number;
  expires: string;
}
const mailboxPaks: Pak[] = [];
const classicPaks: Pak[] = [];
function take(list: Pak[]): Pak {
  const next = list.shift();
  if (!next) throw new Error("The seeded world has too few domains with a running pak of this kind.");
  return next;
}

const ORDERS = new Set(["RENEWPOPBUNDLE", "PURCHASESERVICES"]);
const ordersSince = async (seq: number) =>
  (await harness.calls(seq)).filter((call) => ORDERS.has(call.command.toUpperCase()));
/** The pak an order is for: RenewPOPBundle's PakID, PurchaseServices' ProductID. */
const pakOfOrder = (call: SimCall) => Number(call.params.PakID ?? call.params.ProductID);
/** The simulator's truth about a domain's paks. */
async function paksOf(domain: string) {
  const response = await fetch(`${sim.origin}/_sim/state/domain/${encodeURIComponent(domain)}`);
  const body = (await response.json()) as {
    paks: { bundleId: number; expDate: string; prodType: number; billingPeriod: string }[];
  };
  return body.paks;
}
const expiryOf = async (pak: Pak) =>
  (await paksOf(pak.domain)).find((candidate) => candidate.bundleId === pak.bundleId)?.expDate;

async function startRenewal(paks: readonly Pak[]) {
  signInAs(staff);
  const result = await renewAction({
    idempotencyKey: crypto.randomUUID(),
    request: { items: paks.map(({ domain, bundleId }) => ({ domain, bundleId })), years: 1 },
  });
  if (!result.ok) throw new Error(result.message);
  const { runId } = result.data;
  if (!runId) throw new Error("the renewal did not start a job");
  return { ...result.data, runId };
}

/** The result page's read of the batch, in the order the paks were asked for. */
async function attemptsOf(batchKey: string, paks: readonly Pak[]) {
  const { body } = await readPurchaseRoute(batchKey);
  if (!body.ok) throw new Error(body.message);
  const { attempts, runId } = body.data;
  return {
    runId,
    attempts: paks.flatMap((pak) => attempts.filter((attempt) => attempt.bundleId === pak.bundleId)),
  };
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, domainCount: 120 });
  enom.client = client = createEnomClient({
    baseUrl: sim.url,
    uid: "resellid",
    pw: "resellpw",
    timeoutMs: 2_000,
  });
  const today = todayIso();
  const { paks } = await client.getPopExpirations();
  const names = [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))]
    .filter((name) => name !== "resellerdocs.com")
    .sort();
  for (const domain of names) {
    const truth = await paksOf(domain);
    const [pak] = truth;
    if (!pak || truth.length !== 1 || pak.expDate <= today) continue;
    const facts = { domain, bundleId: pak.bundleId, expires: pak.expDate };
    if (pak.prodType === PROD_TYPE_MAILBOX && pak.billingPeriod === "year") mailboxPaks.push(facts);
    if (pak.prodType === PROD_TYPE_CLASSIC_POP) classicPaks.push(facts);
  }
  staff = await createTestUser({ email: "staff@renewal-job.test", role: "staff" });
});

afterAll(async () => {
  await stopJobEngine();
  await sim?.close();
});

beforeEach(() => signInAs(null));

describe("renewing a selection of paks as a job", () => {
  it("answers at once, then renews each of 5 paks exactly once, audited per pak", async () => {
    const paks = [
      take(classicPaks),
      take(mailboxPaks),
      take(classicPaks),
      take(mailboxPaks),
      take(mailboxPaks),
    ];
    const seq = await harness.lastSeq();
    const audit = await lastAuditId();

    const started = await startRenewal(paks);
    expect(started.attempts.map((attempt) => attempt.status)).toEqual(Array(5).fill("pending"));
    expect(await ordersSince(seq)).toEqual([]);
    expect((await attemptsOf(started.batchKey, paks)).runId).toBe(started.runId);

    expect(await runJob(started.runId)).toBe("done");
    const orders = await ordersSince(seq);
    expect(orders.map(pakOfOrder)).toEqual(paks.map((pak) => pak.bundleId));
    expect(orders.map((call) => call.command.toUpperCase())).toEqual([
      "RENEWPOPBUNDLE",
      "PURCHASESERVICES",
      "RENEWPOPBUNDLE",
      "PURCHASESERVICES",
      "PURCHASESERVICES",
    ]);
    const result = await attemptsOf(started.batchKey, paks);
    expect(result.attempts.map((attempt) => [attempt.bundleId, attempt.status])).toEqual(
      paks.map((pak) => [pak.bundleId, "ok"]),
    );
    for (const [index, pak] of paks.entries()) {
      const now = await expiryOf(pak);
      expect(now).not.toBe(pak.expires);
      expect(result.attempts[index]?.newExpiry).toBe(now);
    }

    const run = await getRun(staff, started.runId);
    expect(run).toMatchObject({ kind: "paks.renew", status: "done", total: 5, succeeded: 5, failed: 0 });
    expect(run.items.map((item) => [item.label, item.status])).toEqual(
      paks.map((pak) => [`Pak ${pak.bundleId} of ${pak.domain}`, "ok"]),
    );
    const entries = await auditAfter(audit);
    expect(
      entries
        .filter((row) => row.action === "pak.renew")
        .map((row) => [row.outcome, row.pakId, row.enomOrderId]),
    ).toEqual(result.attempts.map((attempt) => ["ok", String(attempt.bundleId), attempt.orderId]));
    const jobEntries = entries.filter((row) => row.action === "pak.renew.job");
    expect(jobEntries.map((row) => [row.outcome, row.pakId, row.actorEmail])).toEqual(
      paks.map((pak) => ["ok", String(pak.bundleId), staff.email]),
    );
    expect(jobEntries.every((row) => (row.details as { job?: string }).job === started.runId)).toBe(true);

    // Run again (a second worker, a retry): nothing more is ordered.
    expect(await runJob(started.runId)).toBe("not-runnable");
    expect(await ordersSince(seq)).toHaveLength(5);
  });

  it("resumed after its worker died, never renews a pak it had sent: it reads eNom to settle it", async () => {
    // The dead worker had sent the first (eNom renewed it) and the second (eNom never got it).
    const renewedBeforeDying = take(classicPaks);
    const lostOnTheWay = take(classicPaks);
    const notYetSent = take(mailboxPaks);
    const paks = [renewedBeforeDying, lostOnTheWay, notYetSent];
    const started = await startRenewal(paks);
    const db = await getDb();
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await db
      .update(jobItems)
      .set({ status: "running", sentAt: longAgo, attempts: 1 })
      .where(and(eq(jobItems.jobId, started.runId), inArray(jobItems.seq, [1, 2])));
    await client.renewPopBundle({
      domain: renewedBeforeDying.domain,
      pakId: renewedBeforeDying.bundleId,
      years: 1,
    });
    const renewedTo = await expiryOf(renewedBeforeDying);
    expect(renewedTo).not.toBe(renewedBeforeDying.expires);
    const seq = await harness.lastSeq();
    const audit = await lastAuditId();

    expect(await runJob(started.runId)).toBe("done");

    // Only the pak never sent is ordered; no RenewPOPBundle at all.
    const orders = await ordersSince(seq);
    expect(orders.map((call) => [call.command.toUpperCase(), pakOfOrder(call)])).toEqual([
      ["PURCHASESERVICES", notYetSent.bundleId],
    ]);
    expect(await expiryOf(renewedBeforeDying)).toBe(renewedTo);
    expect(await expiryOf(lostOnTheWay)).toBe(lostOnTheWay.expires);

    const result = await attemptsOf(started.batchKey, paks);
    expect(
      result.attempts.map((attempt) => [attempt.bundleId, attempt.status, attempt.reconciliation]),
    ).toEqual([
      [renewedBeforeDying.bundleId, "ok", "made"],
      [lostOnTheWay.bundleId, "failed", "not-made"],
      [notYetSent.bundleId, "ok", null],
    ]);
    expect(result.attempts[0]?.newExpiry).toBe(renewedTo);
    const run = await getRun(staff, started.runId);
    expect(run.items.map((item) => item.status)).toEqual(["ok", "failed", "ok"]);
    expect(run).toMatchObject({ status: "done", succeeded: 2, failed: 1, unknown: 0 });
    const jobEntries = (await auditAfter(audit)).filter((row) => row.action === "pak.renew.job");
    expect(
      jobEntries.map((row) => [
        row.pakId,
        row.outcome,
        (row.details as { settledByReadBack?: boolean }).settledByReadBack ?? false,
      ]),
    ).toEqual([
      [String(renewedBeforeDying.bundleId), "ok", true],
      [String(lostOnTheWay.bundleId), "failed", true],
      [String(notYetSent.bundleId), "ok", false],
    ]);
  });

  it("does not send a pak whose attempt was settled while it waited in the job", async () => {
    const paks = [take(mailboxPaks), take(mailboxPaks)];
    const started = await startRenewal(paks);
    // A check settled the second pak's attempt before the job reached it (nothing was bought).
    const db = await getDb();
    const second = started.attempts[1]?.key ?? "";
    await db
      .update(purchaseAttempts)
      .set({ status: "failed", reconciliation: "not-made", message: "Checked: nothing was bought." })
      .where(eq(purchaseAttempts.key, second));
    const seq = await harness.lastSeq();

    expect(await runJob(started.runId)).toBe("done");

    expect((await ordersSince(seq)).map(pakOfOrder)).toEqual([paks[0]?.bundleId]);
    expect(await expiryOf(paks[1] as Pak)).toBe(paks[1]?.expires);
    const run = await getRun(staff, started.runId);
    expect(run.items.map((item) => item.status)).toEqual(["ok", "skipped"]);
    expect(run.items[1]?.message).toMatch(/^Not sent: this renewal was settled meanwhile/);
  });

  it("a check that found a waiting pak's attempt abandoned does not settle it once the job has taken it", async () => {
    const paks = [take(mailboxPaks), take(mailboxPaks)];
    const started = await startRenewal(paks);
    const key = started.attempts[1]?.key ?? "";
    const db = await getDb();
    // Waiting for minutes behind a long job: it looks interrupted to a check reading it now.
    await db
      .update(purchaseAttempts)
      .set({ updatedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(purchaseAttempts.key, key));
    const readByTheCheck = await findAttempt(key);
    if (!readByTheCheck) throw new Error("the attempt is missing");
    // The job takes it to send, as renewal-job.ts does, before the check writes.
    expect(await updateAttemptIf(key, "pending", { message: "This renewal is being sent." })).not.toBeNull();

    const afterCheck = await settleStale(readByTheCheck, staff);

    expect(afterCheck.status).toBe("pending");
    expect((await findAttempt(key))?.status).toBe("pending");
  });
});
