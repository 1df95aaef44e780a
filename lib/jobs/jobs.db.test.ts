import { and, eq, inArray } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getRunRoute } from "@/app/api/jobs/[id]/route";
import { GET as listRunsRoute } from "@/app/api/jobs/route";
import {
  startCreateMailboxesJobAction,
  startDeleteMailboxesJobAction,
  startResetPasswordsJobAction,
} from "@/lib/actions/mailboxes";
import type { SessionUser } from "@/lib/auth/session";
import { getDatabaseHandle, getDb } from "@/lib/db";
import { auditLog, jobItems, jobRuns } from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { generateMailboxPassword } from "@/lib/validation/mailbox-rules";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { simHarness, type SimCall } from "@/test/sim-harness";
import { createJobEngine, RUN_QUEUE, startWorkers, stopJobEngine, sweep, type JobEngine } from "./engine";
import type { JobRunListResponse, JobRunResponse } from "./model";
import { failRun, isRunLocked, runJob } from "./runner";
import { getRun, insertRun, listRuns } from "./runs";

/**
 * Durable jobs on pg-boss: what a user starts runs to the end once, item by item, with each
 * item's true outcome in the run, the activity view and the audit log; a worker that dies never
 * has its sent items sent again, only read back.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
const harness = simHarness(() => sim);
let admin: SessionUser;
let counter = 0;
const passwordsSent = new Set<string>();

function name(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

function password(userName: string, domain: string): string {
  const value = generateMailboxPassword({ userName, domain });
  passwordsSent.add(value);
  return value;
}

async function freshPak(domain: string, mailboxes: number): Promise<number> {
  if (!enom.client) throw new Error("no client");
  const purchase = await enom.client.purchaseServices({ kind: "service", domain, quantity: mailboxes });
  const bundleId = purchase.bundles[0]?.bundleId;
  if (!bundleId) throw new Error("the purchase returned no pak");
  return bundleId;
}

async function mailboxNames(domain: string): Promise<Set<string>> {
  return new Set((await harness.domain(domain)).mailboxes.map((mailbox) => mailbox.userName.toLowerCase()));
}

/** The user names a write call carried (UserName1, UserName2, …). */
function userNamesOf(call: SimCall): string[] {
  return Object.entries(call.params)
    .filter(([key]) => /^UserName\d+$/i.test(key))
    .map(([, value]) => value.toLowerCase());
}

async function startCreate(user: SessionUser, domain: string, bundleId: number, userNames: string[]) {
  signInAs(user);
  const started = await startCreateMailboxesJobAction({
    domain,
    bundleId,
    mailboxes: userNames.map((userName) => ({ userName, password: password(userName, domain) })),
  });
  if (!started.ok) throw new Error(started.message);
  return started.data.runId;
}

async function itemsOf(runId: string) {
  const db = await getDb();
  return db.select().from(jobItems).where(eq(jobItems.jobId, runId)).orderBy(jobItems.seq);
}

async function runRow(runId: string) {
  const db = await getDb();
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, runId));
  return row;
}

async function auditOfRun(runId: string) {
  const db = await getDb();
  const rows = await db.select().from(auditLog).orderBy(auditLog.id);
  return rows.filter((row) => (row.details as { job?: unknown }).job === runId);
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 1_500 });
  admin = await createTestUser({ email: "admin@jobs.test", role: "admin" });
});

afterAll(async () => {
  await stopJobEngine();
  await sim?.close();
});

beforeEach(() => signInAs(null));

describe("a list longer than one eNom call runs as a job", () => {
  it("150 new mailboxes: two write calls, every item's outcome, one audit entry each, no password kept", async () => {
    const domain = "juniper-fitness.biz";
    const bundleId = await freshPak(domain, 200);
    const userNames = Array.from({ length: 150 }, () => name("job"));
    const seq = await harness.lastSeq();
    const runId = await startCreate(admin, domain, bundleId, userNames);

    // Started, not yet run: nothing was sent, and the passwords are sealed, not in clear.
    expect(await harness.writesSince(seq)).toEqual([]);
    const queued = await itemsOf(runId);
    expect(queued).toHaveLength(150);
    const stored = JSON.stringify(queued);
    expect(stored).toContain("sealedSecret");
    for (const secret of passwordsSent) expect(stored).not.toContain(secret);

    expect(await runJob(runId)).toBe("done");
    const writes = await harness.writesSince(seq);
    expect(
      writes
        .filter((call) => call.command.toUpperCase() === "SETUPPOP3USER")
        .map((call) => userNamesOf(call).length),
    ).toEqual([99, 51]);
    expect(await mailboxNames(domain)).toEqual(new Set(userNames.map((userName) => userName.toLowerCase())));

    const run = await getRun(admin, runId);
    expect(run).toMatchObject({ status: "done", total: 150, succeeded: 150, failed: 0, unknown: 0 });
    expect(run.items.map((item) => item.status)).toEqual(userNames.map(() => "ok"));
    expect(run.items[0]?.label).toBe(`${userNames[0]}@${domain}`);

    const audit = await auditOfRun(runId);
    expect(audit).toHaveLength(150);
    expect(audit.every((row) => row.action === "mailbox.create" && row.outcome === "ok")).toBe(true);
    expect(audit[0]).toMatchObject({ actorEmail: admin.email, mailbox: userNames[0], domain });

    // The sealed passwords are gone with the items' end; none ever reached the audit log.
    const after = JSON.stringify([await itemsOf(runId), audit]);
    expect(after).not.toContain("sealedSecret");
    for (const secret of passwordsSent) expect(after).not.toContain(secret);
  });

  it("names already taken and mailboxes that are gone are refused items of the job, never sent", async () => {
    const domain = "lark-pottery.biz";
    const bundleId = await freshPak(domain, 250);
    const taken = name("taken");
    signInAs(admin);
    const first = await startCreate(admin, domain, bundleId, [
      taken,
      ...Array.from({ length: 99 }, () => name("pre")),
    ]);
    await runJob(first);
    const userNames = [taken.toUpperCase(), ...Array.from({ length: 100 }, () => name("next"))];
    const seq = await harness.lastSeq();
    const runId = await startCreate(admin, domain, bundleId, userNames);
    await runJob(runId);
    const sentNames = (await harness.writesSince(seq)).flatMap(userNamesOf);
    expect(sentNames).not.toContain(taken.toLowerCase());
    const run = await getRun(admin, runId);
    expect(run).toMatchObject({ total: 101, succeeded: 100, failed: 1 });
    expect(run.items[0]).toMatchObject({
      status: "failed",
      message: "A mailbox with this name already exists on this domain.",
    });

    // Delete 100 of them plus one that does not exist: the unknown one is refused, not sent.
    const doomed = [...userNames.slice(1), name("ghost")];
    signInAs(admin);
    const deleting = await startDeleteMailboxesJobAction({ domain, userNames: doomed });
    if (!deleting.ok) throw new Error(deleting.message);
    await runJob(deleting.data.runId);
    expect(await getRun(admin, deleting.data.runId)).toMatchObject({ succeeded: 100, failed: 1 });
    const left = await mailboxNames(domain);
    for (const userName of userNames.slice(1)) expect(left.has(userName.toLowerCase())).toBe(false);
  });
});

describe("a worker that died mid-way", () => {
  it("resumes without sending an item twice: sent items are read back, unsent ones sent once", async () => {
    const domain = "rosewood-kennels.net";
    const bundleId = await freshPak(domain, 150);
    const userNames = Array.from({ length: 120 }, () => name("crash"));
    const runId = await startCreate(admin, domain, bundleId, userNames);

    // What a worker killed with -9 leaves: the first call's 99 items claimed and marked sent;
    // eNom made the first 60 of them (the answer was lost with the worker), never got the others.
    await enom.client?.setUpPop3Users({
      domain,
      bundleId,
      users: userNames
        .slice(0, 60)
        .map((userName) => ({ userName, password: password(userName, domain), isAdmin: false })),
    });
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
            Array.from({ length: 99 }, (_, i) => i + 1),
          ),
        ),
      );
    // and item 100 claimed, but the worker died before marking it sent.
    await db
      .update(jobItems)
      .set({ status: "running" })
      .where(and(eq(jobItems.jobId, runId), eq(jobItems.seq, 100)));

    const seq = await harness.lastSeq();
    expect(await runJob(runId)).toBe("done");
    const writes = await harness.writesSince(seq);
    // One write: the 21 never sent. None of the 99 sent before the crash went again.
    expect(writes.map(userNamesOf)).toEqual([userNames.slice(99).map((userName) => userName.toLowerCase())]);

    const run = await getRun(admin, runId);
    expect(run).toMatchObject({ status: "done", succeeded: 60 + 21, failed: 39, unknown: 0 });
    expect(run.items[0]?.message).toMatch(/after the panel restarted/);
    expect(run.items[60]).toMatchObject({ status: "failed", message: expect.stringMatching(/^Not created/) });
    const audit = await auditOfRun(runId);
    expect(audit).toHaveLength(120);
    expect(
      audit.filter((row) => (row.details as { settledByReadBack?: boolean }).settledByReadBack),
    ).toHaveLength(99);
  });

  it("a run held by a live worker is not run by a second one; a finished run is not run again", async () => {
    const domain = "juniper-fitness.biz";
    const bundleId = await freshPak(domain, 120);
    const runId = await startCreate(
      admin,
      domain,
      bundleId,
      Array.from({ length: 100 }, () => name("held")),
    );
    const seq = await harness.lastSeq();
    // Another instance's worker holds the run (its lock lives as long as its connection).
    const other = new Client({ connectionString: (await getDatabaseHandle()).url });
    await other.connect();
    await other.query("select pg_advisory_lock(727002, hashtext($1))", [runId]);
    expect(await runJob(runId)).toBe("busy");
    expect(await harness.writesSince(seq)).toEqual([]);
    expect(await isRunLocked(runId)).toBe(true);
    // It dies: the lock goes with its connection, and the run can be taken up.
    await other.end();
    expect(await isRunLocked(runId)).toBe(false);
    expect(await runJob(runId)).toBe("done");
    expect(await runJob(runId)).toBe("not-runnable");
    expect((await harness.writesSince(seq)).flatMap(userNamesOf)).toHaveLength(100);
  });
});

describe("a run given up after its last retry", () => {
  it("says so: items never sent are 'not sent', a sent one is 'not confirmed', nothing is sent", async () => {
    const domain = "rosewood-kennels.net";
    const bundleId = await freshPak(domain, 120);
    const runId = await startCreate(
      admin,
      domain,
      bundleId,
      Array.from({ length: 100 }, () => name("given")),
    );
    const db = await getDb();
    await db
      .update(jobItems)
      .set({ status: "running", sentAt: new Date() })
      .where(and(eq(jobItems.jobId, runId), eq(jobItems.seq, 1)));
    const seq = await harness.lastSeq();
    await failRun(runId, "The job stopped on an error in the panel.");
    expect(await harness.writesSince(seq)).toEqual([]);
    const run = await getRun(admin, runId);
    expect(run).toMatchObject({
      status: "failed",
      error: "The job stopped on an error in the panel.",
      unknown: 1,
      failed: 99,
    });
    expect(run.items[0]?.status).toBe("unknown");
    expect(run.items[1]).toMatchObject({
      status: "skipped",
      message: "Not sent: the job stopped before this item.",
    });
    expect(await runJob(runId)).toBe("not-runnable");
  });
});

describe("two panel instances on one database", () => {
  let engines: JobEngine[] = [];

  afterAll(async () => {
    await Promise.all(engines.map((engine) => engine.stop()));
  });

  it("run each job once, even when a job is queued twice", async () => {
    const { url } = await getDatabaseHandle();
    engines = [await createJobEngine({ url, working: true }), await createJobEngine({ url, working: true })];
    const domain = "lark-pottery.biz";
    const runs: string[] = [];
    const all: string[] = [];
    for (let index = 0; index < 3; index++) {
      const bundleId = await freshPak(domain, 120);
      const userNames = Array.from({ length: 100 }, () => name(`twin${index}x`));
      all.push(...userNames.map((userName) => userName.toLowerCase()));
      runs.push(await startCreate(admin, domain, bundleId, userNames));
    }
    const seq = await harness.lastSeq();
    // Queued again on the second instance's engine: as if pg-boss handed it out twice.
    for (const runId of runs) await engines[1]?.boss.send(RUN_QUEUE, { runId });
    for (const engine of engines)
      await startWorkers(engine, { pollingIntervalSeconds: 0.5, schedules: false });

    await vi.waitFor(
      async () => {
        for (const runId of runs) expect((await runRow(runId))?.status).toBe("done");
      },
      { timeout: 60_000, interval: 250 },
    );
    const sent = (await harness.writesSince(seq)).flatMap(userNamesOf);
    expect(sent.sort()).toEqual([...all].sort());
    for (const runId of runs) expect(await auditOfRun(runId)).toHaveLength(100);
  }, 90_000);

  it("a run left unfinished by an instance that died is queued again by the sweep and finished", async () => {
    const domain = "juniper-fitness.biz";
    const bundleId = await freshPak(domain, 120);
    const userNames = Array.from({ length: 100 }, () => name("swept"));
    // Recorded, but never queued (its instance died right after), and older than a fresh start.
    const run = await insertRun({
      kind: "mailboxes.create",
      title: "Left behind",
      actor: { id: admin.id, email: admin.email, role: admin.role },
      customerId: null,
      domain,
      items: userNames.map((userName) => ({
        label: `${userName}@${domain}`,
        input: { userName, bundleId, isAdmin: false, displayName: "" },
        secret: password(userName, domain),
      })),
    });
    const db = await getDb();
    await db
      .update(jobRuns)
      .set({ status: "running", createdAt: new Date(Date.now() - 60_000) })
      .where(eq(jobRuns.id, run.id));
    const [engine] = engines;
    if (!engine) throw new Error("no engine");
    expect(await sweep(engine)).toBeGreaterThanOrEqual(1);
    await vi.waitFor(async () => expect((await runRow(run.id))?.status).toBe("done"), {
      timeout: 30_000,
      interval: 250,
    });
    const present = await mailboxNames(domain);
    expect(userNames.every((userName) => present.has(userName.toLowerCase()))).toBe(true);
  }, 60_000);
});

describe("who may follow a job", () => {
  it("a customer reads their own runs, never another customer's; staff read all", async () => {
    const ownDomain = "juniper-fitness.biz";
    const otherDomain = "rosewood-kennels.net";
    const own = await createTestCustomer(name("Own "), [ownDomain]);
    const other = await createTestCustomer(name("Other "), [otherDomain]);
    const ownUser = await createTestUser({
      email: `${name("own")}@c.test`,
      role: "customer",
      customerId: own.id,
    });
    const otherUser = await createTestUser({
      email: `${name("other")}@c.test`,
      role: "customer",
      customerId: other.id,
    });
    const staffUser = await createTestUser({ email: `${name("staff")}@jobs.test`, role: "staff" });

    signInAs(otherUser);
    const items = Array.from({ length: 100 }, () => {
      const userName = name("pw");
      return { userName, password: password(userName, otherDomain) };
    });
    const started = await startResetPasswordsJobAction({ domain: otherDomain, items });
    if (!started.ok) throw new Error(started.message);
    const runId = started.data.runId;

    await expect(getRun(ownUser, runId)).rejects.toThrow("That job was not found.");
    expect((await listRuns(ownUser)).map((run) => run.id)).not.toContain(runId);
    expect((await listRuns(otherUser)).map((run) => run.id)).toContain(runId);
    expect((await getRun(staffUser, runId)).id).toBe(runId);

    const read = async (id: string) => {
      const response = await getRunRoute(new Request(`http://panel.test/api/jobs/${id}`), {
        params: Promise.resolve({ id }),
      });
      return { status: response.status, body: (await response.json()) as JobRunResponse };
    };
    signInAs(ownUser);
    expect(await read(runId)).toMatchObject({ status: 404, body: { ok: false } });
    const list = (await (
      await listRunsRoute(new Request("http://panel.test/api/jobs"))
    ).json()) as JobRunListResponse;
    expect(list.ok && list.data.map((run) => run.id)).not.toContain(runId);
    signInAs(otherUser);
    expect(await read(runId)).toMatchObject({
      status: 200,
      body: { ok: true, data: { id: runId, total: 100 } },
    });
    signInAs(null);
    expect((await read(runId)).status).toBe(401);

    // A customer may not start a job on someone else's domain: "not found", nothing recorded.
    signInAs(ownUser);
    const refused = await startResetPasswordsJobAction({ domain: otherDomain, items });
    expect(refused).toMatchObject({ ok: false, message: "That domain was not found." });
  });
});

describe("the full sync of the mirror", () => {
  it("runs as a one-item job: the activity view says what it read", async () => {
    const run = await insertRun({
      kind: "mirror.sync",
      title: "Full sync",
      actor: null,
      customerId: null,
      domain: null,
      items: [{ label: "Every domain of the account", input: {} }],
    });
    expect(await runJob(run.id)).toBe("done");
    const detail = await getRun(admin, run.id);
    expect(detail).toMatchObject({ status: "done", succeeded: 1, startedBy: "Scheduled" });
    expect(detail.items[0]?.message).toMatch(/^\d+ domains listed, \d+ read/);
  }, 60_000);
});
