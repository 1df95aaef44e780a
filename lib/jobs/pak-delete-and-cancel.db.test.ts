import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cancelJobAction } from "@/lib/actions/jobs";
import { startDeleteMailboxesJobAction } from "@/lib/actions/mailboxes";
import { deletePakAction } from "@/lib/actions/paks";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { auditLog, jobItems, jobRuns } from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { generateMailboxPassword } from "@/lib/validation/mailbox-rules";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { simHarness, type SimCall } from "@/test/sim-harness";
import { mayCancelJob } from "./cancel";
import { stopJobEngine } from "./engine";
import { runJob } from "./runner";
import { getRun } from "./runs";

/**
 * A pak with more mailboxes than one DeletePOP3 call deleted as a job (its mailboxes, then the
 * pak, never an item twice), and cancelling a job (unsent items skipped, sent ones left to finish).
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
const harness = simHarness(() => sim);
let admin: SessionUser;
let counter = 0;

function name(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

/** A new pak of `size` on the domain holding `count` new mailboxes, made straight at eNom. */
async function pakWithMailboxes(domain: string, size: number, count: number) {
  const client = enom.client;
  if (!client) throw new Error("no client");
  const purchase = await client.purchaseServices({ kind: "service", domain, quantity: size });
  const bundleId = purchase.bundles[0]?.bundleId;
  if (!bundleId) throw new Error("the purchase returned no pak");
  const userNames = Array.from({ length: count }, () => name("pd"));
  for (let start = 0; start < count; start += 99)
    await client.setUpPop3Users({
      domain,
      bundleId,
      users: userNames.slice(start, start + 99).map((userName) => ({
        userName,
        password: generateMailboxPassword({ userName, domain }),
        isAdmin: false,
      })),
    });
  return { bundleId, userNames };
}

function userNamesOf(call: SimCall): string[] {
  return Object.entries(call.params)
    .filter(([key]) => /^UserName\d+$/i.test(key))
    .map(([, value]) => value.toLowerCase());
}

async function truth(domain: string) {
  const state = await harness.domain(domain);
  return {
    mailboxes: new Set(state.mailboxes.map((mailbox) => mailbox.userName.toLowerCase())),
    paks: new Set(state.paks.map((pak) => pak.bundleId)),
  };
}

async function auditOfRun(runId: string) {
  const db = await getDb();
  const rows = await db.select().from(auditLog).orderBy(auditLog.id);
  return rows.filter((row) => (row.details as { job?: unknown }).job === runId);
}

async function startPakDeletion(domain: string, bundleId: number): Promise<string> {
  signInAs(admin);
  const started = await deletePakAction({ domain, bundleId, confirmation: domain });
  if (!started.ok) throw new Error(started.message);
  const { runId } = started.data;
  if (!runId) throw new Error("the deletion did not start a job");
  return runId;
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 1_500 });
  admin = await createTestUser({ email: "admin@pak-jobs.test", role: "admin" });
});

afterAll(async () => {
  await stopJobEngine();
  await sim?.close();
});

beforeEach(() => signInAs(null));

describe("deleting a pak with more mailboxes than one eNom call", () => {
  it("runs as a job: its mailboxes in calls of 99, then the pak, each audited", async () => {
    const domain = "juniper-fitness.biz";
    const { bundleId, userNames } = await pakWithMailboxes(domain, 150, 120);
    const seq = await harness.lastSeq();
    const runId = await startPakDeletion(domain, bundleId);
    // Started, not yet run: nothing deleted yet.
    expect(await harness.writesSince(seq)).toEqual([]);

    expect(await runJob(runId)).toBe("done");
    const writes = await harness.writesSince(seq);
    expect(writes.map((call) => call.command.toUpperCase())).toEqual([
      "DELETEPOP3",
      "DELETEPOP3",
      "DELETEPOPPAK",
    ]);
    expect(writes.slice(0, 2).map((call) => userNamesOf(call).length)).toEqual([99, 21]);
    const after = await truth(domain);
    expect(userNames.some((userName) => after.mailboxes.has(userName.toLowerCase()))).toBe(false);
    expect(after.paks.has(bundleId)).toBe(false);

    const run = await getRun(admin, runId);
    expect(run).toMatchObject({ kind: "paks.delete", status: "done", total: 121, succeeded: 121 });
    expect(run.items.at(-1)).toMatchObject({ label: `Pak ${bundleId}`, status: "ok" });
    const audit = await auditOfRun(runId);
    expect(audit.filter((row) => row.action === "mailbox.delete" && row.outcome === "ok")).toHaveLength(120);
    expect(audit.filter((row) => row.action === "pak.delete")).toMatchObject([
      { outcome: "ok", pakId: String(bundleId), actorEmail: admin.email },
    ]);
  });

  it("resumes after a crash without sending a mailbox twice, then deletes the pak", async () => {
    const domain = "lark-pottery.biz";
    const { bundleId, userNames } = await pakWithMailboxes(domain, 150, 110);
    const runId = await startPakDeletion(domain, bundleId);
    // A worker killed with -9 after sending the first 99: eNom deleted them, the answer was lost.
    await enom.client?.deletePop3Users({ domain, userNames: userNames.slice(0, 99) });
    const db = await getDb();
    await db.update(jobRuns).set({ status: "running", startedAt: new Date() }).where(eq(jobRuns.id, runId));
    await db
      .update(jobItems)
      .set({ status: "running", sentAt: new Date() })
      .where(
        and(
          eq(jobItems.jobId, runId),
          inArray(
            jobItems.seq,
            Array.from({ length: 99 }, (_, index) => index + 1),
          ),
        ),
      );

    const seq = await harness.lastSeq();
    expect(await runJob(runId)).toBe("done");
    const writes = await harness.writesSince(seq);
    // Only the 11 never sent, then the pak: none of the 99 went again.
    expect(writes.map((call) => call.command.toUpperCase())).toEqual(["DELETEPOP3", "DELETEPOPPAK"]);
    expect(writes[0] ? userNamesOf(writes[0]) : []).toEqual(
      userNames.slice(99).map((userName) => userName.toLowerCase()),
    );
    expect((await truth(domain)).paks.has(bundleId)).toBe(false);
    const run = await getRun(admin, runId);
    expect(run).toMatchObject({ status: "done", succeeded: 111, failed: 0, unknown: 0 });
    expect(run.items[0]?.message).toMatch(/after the panel restarted/);
  });

  it("leaves the pak alone when a mailbox could not be deleted", async () => {
    const domain = "rosewood-kennels.net";
    const { bundleId, userNames } = await pakWithMailboxes(domain, 150, 105);
    const runId = await startPakDeletion(domain, bundleId);
    // The first 99 were sent by a worker that died, but eNom deleted none of them.
    const db = await getDb();
    await db
      .update(jobItems)
      .set({ status: "running", sentAt: new Date() })
      .where(
        and(
          eq(jobItems.jobId, runId),
          inArray(
            jobItems.seq,
            Array.from({ length: 99 }, (_, index) => index + 1),
          ),
        ),
      );
    const seq = await harness.lastSeq();
    expect(await runJob(runId)).toBe("done");
    // Read back, not sent again; and nothing after them was sent.
    expect(await harness.writesSince(seq)).toEqual([]);
    const after = await truth(domain);
    expect(after.paks.has(bundleId)).toBe(true);
    expect(userNames.every((userName) => after.mailboxes.has(userName.toLowerCase()))).toBe(true);
    const run = await getRun(admin, runId);
    expect(run.items[0]).toMatchObject({ status: "failed", message: expect.stringMatching(/^Not deleted/) });
    expect(run.items[99]).toMatchObject({
      status: "skipped",
      message: expect.stringMatching(/earlier batch of mailboxes did not fully succeed/),
    });
    expect(run.items.at(-1)).toMatchObject({
      status: "skipped",
      message: expect.stringMatching(/eNom deletes only an empty pak/),
    });
    const pakAudit = (await auditOfRun(runId)).filter((row) => row.action === "pak.delete");
    expect(pakAudit).toMatchObject([{ outcome: "failed" }]);
  });
});

describe("cancelling a job", () => {
  it("skips every item not yet sent; an item already sent is left to finish with its true outcome", async () => {
    const domain = "juniper-fitness.biz";
    const { userNames } = await pakWithMailboxes(domain, 150, 120);
    signInAs(admin);
    const started = await startDeleteMailboxesJobAction({ domain, userNames });
    if (!started.ok) throw new Error(started.message);
    const { runId } = started.data;
    // A worker is sending the first item (marked sent, answer not back yet) when the user cancels.
    const db = await getDb();
    await db.update(jobRuns).set({ status: "running", startedAt: new Date() }).where(eq(jobRuns.id, runId));
    await db
      .update(jobItems)
      .set({ status: "running", sentAt: new Date() })
      .where(and(eq(jobItems.jobId, runId), eq(jobItems.seq, 1)));
    await enom.client?.deletePop3Users({ domain, userNames: userNames.slice(0, 1) });

    const seq = await harness.lastSeq();
    const cancelled = await cancelJobAction({ runId });
    expect(cancelled).toEqual({
      ok: true,
      data: { runId },
      message:
        "Cancelled: 119 items not yet sent will not be; 1 already sent to the email service is left to finish.",
    });
    // Still finishing the sent item: the run is cancelled but not finished; a worker settles it.
    expect(await getRun(admin, runId)).toMatchObject({ status: "cancelled", finishedAt: null });
    expect(await runJob(runId)).toBe("done");
    expect(await harness.writesSince(seq)).toEqual([]);
    const run = await getRun(admin, runId);
    expect(run).toMatchObject({ status: "cancelled", succeeded: 1, failed: 119 });
    expect(run.finishedAt).not.toBeNull();
    expect(run.items[0]?.status).toBe("ok");
    expect(run.items[1]).toMatchObject({
      status: "skipped",
      message: `Not sent: the job was cancelled by ${admin.email}.`,
    });
    const left = (await truth(domain)).mailboxes;
    expect(userNames.slice(1).every((userName) => left.has(userName.toLowerCase()))).toBe(true);
    // The sent item's true outcome is in the audit log; the ones never sent, in the cancel's entry.
    const audit = await auditOfRun(runId);
    expect(audit.filter((row) => row.action === "mailbox.delete")).toMatchObject([
      { outcome: "ok", mailbox: userNames[0] },
    ]);
    expect(audit.find((row) => row.action === "job.cancel")).toMatchObject({
      actorEmail: admin.email,
      details: { skipped: 119, stillSending: 1 },
    });

    expect(await cancelJobAction({ runId })).toEqual({
      ok: false,
      message: "This job has already finished; there is nothing to cancel.",
    });
    expect(await runJob(runId)).toBe("not-runnable");
  });

  it("a queued job cancelled before any worker took it never sends anything", async () => {
    const domain = "lark-pottery.biz";
    const { userNames } = await pakWithMailboxes(domain, 150, 100);
    signInAs(admin);
    const started = await startDeleteMailboxesJobAction({ domain, userNames });
    if (!started.ok) throw new Error(started.message);
    const { runId } = started.data;
    const seq = await harness.lastSeq();
    expect(await cancelJobAction({ runId })).toMatchObject({ ok: true });
    expect(await getRun(admin, runId)).toMatchObject({ status: "cancelled", failed: 100 });
    expect(await runJob(runId)).toBe("not-runnable");
    expect(await harness.writesSince(seq)).toEqual([]);
  });

  it("only by someone who may see the job and change its domain", async () => {
    const domain = "rosewood-kennels.net";
    const owner = await createTestCustomer(name("Owner "), [domain]);
    const stranger = await createTestCustomer(name("Stranger "), ["juniper-fitness.biz"]);
    const ownerUser = await createTestUser({
      email: `${name("owner")}@c.test`,
      role: "customer",
      customerId: owner.id,
    });
    const strangerUser = await createTestUser({
      email: `${name("stranger")}@c.test`,
      role: "customer",
      customerId: stranger.id,
    });
    const support = await createTestUser({ email: `${name("support")}@pak-jobs.test`, role: "support" });
    const { userNames } = await pakWithMailboxes(domain, 150, 100);
    signInAs(ownerUser);
    const started = await startDeleteMailboxesJobAction({ domain, userNames });
    if (!started.ok) throw new Error(started.message);
    const { runId } = started.data;

    // The job page offers the button to the owner only.
    expect(await mayCancelJob(ownerUser, runId)).toBe(true);
    expect(await mayCancelJob(strangerUser, runId)).toBe(false);
    expect(await mayCancelJob(support, runId)).toBe(false);

    signInAs(strangerUser);
    expect(await cancelJobAction({ runId })).toEqual({ ok: false, message: "That job was not found." });
    signInAs(support);
    expect(await cancelJobAction({ runId })).toMatchObject({ ok: false });
    expect(await getRun(admin, runId)).toMatchObject({ status: "queued" });

    signInAs(ownerUser);
    expect(await cancelJobAction({ runId })).toMatchObject({ ok: true });
    expect(await getRun(admin, runId)).toMatchObject({ status: "cancelled" });
    expect(await mayCancelJob(ownerUser, runId)).toBe(false);
  });
});
