import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { purchaseAttempts } from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { logger } from "@/lib/logger";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom } from "@/test/enom-mock";
import { createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { simHarness, type DomainTruth } from "@/test/sim-harness";
import {
  createMailboxesAction,
  deleteMailboxesAction,
  resetMailboxPasswordsAction,
  setMailboxAdminAction,
  setMailboxForwardingAction,
} from "./mailboxes";
import { setAutoRenewBulkAction } from "./auto-renew";
import { deletePakAction, setCatchAllAction, setPakAutoRenewAction } from "./paks";
import { checkAttemptAction, purchaseAction, renewAction } from "./purchases";
import type { ActionResult } from "./result";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * The fault matrix (issue 9): every write action × every way eNom can fail, through the
 * simulator's fault injection. Each cell starts from the freshly seeded world, arms ONE fault on
 * the action's write command, calls the action as staff with a realistic input and checks:
 *   1. what the user reads is specific (never the generic "went wrong on our side", never empty);
 *   2. the audit log has one entry with the true outcome (eNom's own text when it said why);
 *   3. the simulator's state is exactly the state before (nothing was done) or exactly the state
 *      after one successful call (it was done once) — never two, nothing else touched;
 *   4. the write command reached eNom once: no write is ever retried on its own.
 *
 * What the client can know, by fault (read lib/enom-sim/endpoint.ts and lib/enom/transport.ts):
 *   timeout          the simulator logs the call and never answers, the client gives up: unknown;
 *   slow             the answer comes after the client gave up, and eNom did the work: unknown,
 *                    and the state changed (a purchase stays unknown until a later check finds it);
 *   http500          IIS's error page: eNom's page may have run before it failed: unknown;
 *   reset            the connection dies after the request was sent: unknown;
 *   malformed        a reply cut off mid-way: the command may have run: unknown;
 *   error            ErrCount 1, nothing done: failed, with eNom's words;
 *   partial          batch commands (SetUpPOP3User, ModifyPOP3, DeletePOP3) do the first user and
 *                    fail the rest (FailedAccounts): an outcome per mailbox. Other commands have no
 *                    per-item answer; the simulator answers them as a whole refusal, which is
 *                    what the cell checks (same as `error`);
 *   commit-then-drop the change is made, then the connection dies: unknown, and the state changed.
 * The simulator acts only for `slow`, `partial` (first user) and `commit-then-drop`.
 */

const DOMAIN = "saffron-movers.biz"; // pak 600018 of 20, 5 mailboxes, catch-all "li" in the seed
const BUNDLE = 600018;
const FAULT_TEXT = "Mail store is in maintenance mode";
const TIMEOUT_MS = 1_000;
/** The `slow` fault: eNom answers after the client has given up, and does the work all the same. */
const SLOW_MS = TIMEOUT_MS + 400;
const GENERIC = /went wrong on our side/i;
const UNCONFIRMED = /may or may not have been (done|made)/i;

type Fault =
  "timeout" | "slow" | "http500" | "reset" | "malformed" | "error" | "partial" | "commit-then-drop";

const FAULT_MODE: Record<Fault, string> = {
  timeout: "hang",
  slow: "latency",
  http500: "http500",
  reset: "reset",
  malformed: "malformed",
  error: "error",
  partial: "partial",
  "commit-then-drop": "commit-then-drop",
};
const FAULTS = Object.keys(FAULT_MODE) as Fault[];

/** Whether the simulator made the change under each fault, for a command with one item. */
const COMMITS: Record<Fault, boolean> = {
  timeout: false,
  slow: true,
  http500: false,
  reset: false,
  malformed: false,
  error: false,
  partial: false,
  "commit-then-drop": true,
};

/** The outcome Mailpak can truly know from the client's side. */
const KNOWN_OUTCOME: Record<Fault, "failed" | "unknown"> = {
  timeout: "unknown",
  slow: "unknown",
  http500: "unknown",
  reset: "unknown",
  malformed: "unknown",
  error: "failed",
  partial: "failed",
  "commit-then-drop": "unknown",
};

interface MatrixAction {
  action: string;
  command: string;
  /** The command reports an outcome per mailbox (FailedAccounts). */
  perItem: boolean;
  /** The action returns `data.results` per mailbox (the grid's batch contract). */
  batchResult: boolean;
  /** The mailboxes in the input, in order, for the per-mailbox checks. */
  items: string[];
  run: () => Promise<ActionResult<unknown>>;
  /** The same change for the first mailbox only: the state a `partial` fault must leave. */
  runFirstOnly?: () => Promise<ActionResult<unknown>>;
}

const PASSWORDS = ["Harbor7Lantern", "Copper9Meadow", "Violet4Summit"];
const NEW_NAMES = ["fm.anna", "fm.bram", "fm.cleo"];
/** Mailboxes of the seed's saffron-movers.biz that the changes touch; the other two stay as they are. */
const TOUCHED = ["yuki.adler", "chloe.iyer", "li.reed"];

const ACTIONS: MatrixAction[] = [
  {
    action: "mailbox.create",
    command: "SETUPPOP3USER",
    perItem: true,
    batchResult: true,
    items: NEW_NAMES,
    run: () =>
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: NEW_NAMES.map((userName, index) => ({
          userName,
          password: PASSWORDS[index],
          displayName: `Fault ${index}`,
        })),
      }),
    runFirstOnly: () =>
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: [{ userName: NEW_NAMES[0], password: PASSWORDS[0], displayName: "Fault 0" }],
      }),
  },
  {
    action: "mailbox.admin",
    command: "MODIFYPOP3",
    perItem: true,
    batchResult: true,
    items: TOUCHED,
    run: () => setMailboxAdminAction({ domain: DOMAIN, bundleId: BUNDLE, userNames: TOUCHED, isAdmin: true }),
    runFirstOnly: () =>
      setMailboxAdminAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        userNames: TOUCHED.slice(0, 1),
        isAdmin: true,
      }),
  },
  {
    action: "mailbox.password-reset",
    command: "MODIFYPOP3",
    perItem: true,
    batchResult: true,
    items: TOUCHED,
    run: () =>
      resetMailboxPasswordsAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        items: TOUCHED.map((userName, index) => ({ userName, password: PASSWORDS[index] })),
      }),
    runFirstOnly: () =>
      resetMailboxPasswordsAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        items: [{ userName: TOUCHED[0], password: PASSWORDS[0] }],
      }),
  },
  {
    action: "mailbox.delete",
    command: "DELETEPOP3",
    perItem: true,
    batchResult: true,
    items: TOUCHED,
    run: () => deleteMailboxesAction({ domain: DOMAIN, userNames: TOUCHED }),
    runFirstOnly: () => deleteMailboxesAction({ domain: DOMAIN, userNames: TOUCHED.slice(0, 1) }),
  },
  {
    action: "mailbox.forwarding",
    command: "SETPOPFORWARDING",
    perItem: false,
    batchResult: true,
    items: ["office"],
    run: () =>
      setMailboxForwardingAction({ domain: DOMAIN, userName: "office", forwardTo: "dispatch@example.org" }),
  },
  {
    action: "pak.autoRenew",
    command: "SETPAKRENEW",
    perItem: false,
    batchResult: false,
    items: [],
    run: () => setPakAutoRenewAction({ domain: DOMAIN, bundleId: BUNDLE, autoRenew: true }),
  },
  {
    action: "pak.delete",
    command: "DELETEPOPPAK",
    perItem: false,
    batchResult: false,
    items: [],
    run: () => deletePakAction({ domain: DOMAIN, bundleId: BUNDLE, confirmation: DOMAIN }),
  },
  {
    action: "domain.catchAll",
    command: "SETCATCHALL",
    perItem: false,
    batchResult: false,
    items: [],
    run: () => setCatchAllAction({ domain: DOMAIN, catchAll: "office" }),
  },
];

let sim: RunningSimulator;
const simulator = simHarness(() => sim);
let staff: SessionUser;

/**
 * The domain as the simulator has it, comparable across runs: a password's timestamp becomes
 * whether it changed since `baseline`.
 */
function comparable(state: DomainTruth, baseline: DomainTruth) {
  const before = new Map(baseline.mailboxes.map((mailbox) => [mailbox.userName, mailbox.passwordSetAt]));
  return {
    ...state,
    mailboxes: state.mailboxes
      .map(({ passwordSetAt, ...mailbox }) => ({
        ...mailbox,
        password: !before.has(mailbox.userName)
          ? "new"
          : before.get(mailbox.userName) === passwordSetAt
            ? "same"
            : "changed",
      }))
      .sort((a, b) => a.userName.localeCompare(b.userName)),
  };
}

async function armFault(command: string, fault: Fault, times: number): Promise<void> {
  await simulator.arm({
    command,
    mode: FAULT_MODE[fault],
    message: FAULT_TEXT,
    times,
    ...(fault === "slow" ? { latencyMs: SLOW_MS } : {}),
  });
}

/**
 * Waits until `count` writes since `seq` are in the simulator's log: a `slow` write is logged
 * once eNom has finished it, after the client stopped waiting.
 */
async function writesLanded(seq: number, count: number): Promise<void> {
  while ((await simulator.writesSince(seq)).length < count) await new Promise((done) => setTimeout(done, 25));
}

/** The state one successful run of `change` leaves, from the seeded world. */
async function stateAfter(change: () => Promise<ActionResult<unknown>>) {
  await simulator.reset();
  const baseline = await simulator.domain(DOMAIN);
  const result = await change();
  expect(result, "the change works without a fault").toMatchObject({ ok: true });
  if (result.ok && isBatch(result.data))
    expect(result.data.results.every((entry) => entry.outcome === "ok")).toBe(true);
  return comparable(await simulator.domain(DOMAIN), baseline);
}

interface BatchData {
  results: { userName: string; outcome: string; message: string | null }[];
}

function isBatch(data: unknown): data is BatchData {
  return typeof data === "object" && data !== null && Array.isArray((data as BatchData).results);
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  // Short enough for the `hang` fault to end quickly; reads retry, writes never do.
  testEnom.client = createEnomClient({
    baseUrl: sim.url,
    uid: "resellid",
    pw: "resellpw",
    timeoutMs: TIMEOUT_MS,
  });
  for (const level of ["error", "warn", "info"] as const)
    vi.spyOn(logger, level).mockImplementation(() => {});
  staff = await createTestUser({ email: "staff@fault-matrix.test", role: "staff" });
});

afterAll(async () => {
  signInAs(null);
  await sim?.close();
});

describe.each(ACTIONS)("$action ($command) when eNom fails", (subject) => {
  let untouched: ReturnType<typeof comparable>;
  let done: ReturnType<typeof comparable>;
  let firstDone: ReturnType<typeof comparable> | null = null;

  beforeAll(async () => {
    signInAs(staff);
    await simulator.reset();
    const seeded = await simulator.domain(DOMAIN);
    untouched = comparable(seeded, seeded);
    done = await stateAfter(subject.run);
    expect(done).not.toEqual(untouched);
    if (subject.runFirstOnly) firstDone = await stateAfter(subject.runFirstOnly);
  });

  it.each(FAULTS)("%s", async (fault) => {
    signInAs(staff);
    await simulator.reset();
    const baseline = await simulator.domain(DOMAIN);
    const seq = await simulator.lastSeq();
    const auditId = await lastAuditId();
    await armFault(subject.command, fault, 1);

    const result = await subject.run();
    await writesLanded(seq, 1);

    // 1. A specific message.
    expect(result.message).toBeTruthy();
    expect(result.message).not.toMatch(GENERIC);
    const perItemPartial = fault === "partial" && subject.perItem;
    const outcome = perItemPartial ? "failed" : KNOWN_OUTCOME[fault];
    if (perItemPartial) {
      // The first mailbox is done, the others refused with eNom's reason, each said so.
      expect(result).toMatchObject({ ok: true });
      const results = result.ok && isBatch(result.data) ? result.data.results : [];
      expect(results.map((entry) => [entry.userName, entry.outcome])).toEqual(
        subject.items.map((name, index) => [name, index === 0 ? "ok" : "failed"]),
      );
      for (const entry of results.slice(1)) expect(entry.message).toContain(FAULT_TEXT);
      expect(result.message).toMatch(/1 of 3 mailboxes.*2 mailboxes failed/);
    } else if (outcome === "failed") {
      expect(result).toMatchObject({ ok: false, message: `The email service refused this: ${FAULT_TEXT}` });
      // The form can show the reason beside each mailbox the user typed.
      if (subject.batchResult && !result.ok)
        expect(Object.keys(result.fieldErrors ?? {})).toHaveLength(subject.items.length);
    } else if (subject.batchResult) {
      // Sent, answer lost: each mailbox is "not confirmed", and the grid reads the domain again.
      expect(result).toMatchObject({ ok: true });
      expect(result.message).toMatch(UNCONFIRMED);
      const results = result.ok && isBatch(result.data) ? result.data.results : [];
      expect(results.map((entry) => [entry.userName, entry.outcome])).toEqual(
        subject.items.map((name) => [name, "unknown"]),
      );
    } else {
      expect(result).toMatchObject({ ok: false });
      expect(result.message).toMatch(UNCONFIRMED);
    }
    expect(result.message).not.toMatch(/enom/i);

    // 2. One audit entry, with the true outcome and eNom's own words.
    const entries = (await auditAfter(auditId)).filter((entry) => entry.action === subject.action);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    if (!entry) return;
    expect(entry).toMatchObject({ outcome, actorEmail: staff.email, domain: DOMAIN });
    expect(entry.enomError, "the audit keeps what went wrong").toBeTruthy();
    if (fault === "error" || perItemPartial || (fault === "partial" && !subject.perItem))
      expect(entry.enomError).toContain(FAULT_TEXT);
    if (subject.batchResult) {
      const recorded = (entry.details.results as { userName: string; outcome: string }[]).map((item) => [
        item.userName,
        item.outcome,
      ]);
      expect(recorded).toEqual(
        subject.items.map((name, index) => [
          name,
          perItemPartial ? (index === 0 ? "ok" : "failed") : outcome === "failed" ? "failed" : "unknown",
        ]),
      );
    }

    // 3. The state: untouched, or changed exactly as by one call; nothing else touched.
    const after = comparable(await simulator.domain(DOMAIN), baseline);
    if (perItemPartial) expect(after).toEqual(firstDone);
    else expect(after).toEqual(COMMITS[fault] ? done : untouched);

    // 4. The write went to eNom once, and was not repeated.
    const writes = await simulator.writesSince(seq);
    expect(writes.map((call) => call.command)).toEqual([subject.command]);
  });
});

/** The eNom client's writes, by the command each sends. */
const CLIENT_WRITES: Record<string, string> = {
  setUpPop3Users: "SETUPPOP3USER",
  modifyPop3Users: "MODIFYPOP3",
  deletePop3Users: "DELETEPOP3",
  setPopForwarding: "SETPOPFORWARDING",
  setPakRenew: "SETPAKRENEW",
  deletePopPak: "DELETEPOPPAK",
  deleteAllPopPaks: "DELETEALLPOPPAKS",
  setCatchAll: "SETCATCHALL",
  purchaseServices: "PURCHASESERVICES",
  purchasePopBundle: "PURCHASEPOPBUNDLE",
  renewPopBundle: "RENEWPOPBUNDLE",
};

/** The app's code behind the server actions, read as text. */
const SOURCES = import.meta.glob<string>(
  [
    "./*.ts",
    "../purchases/*.ts",
    "../expirations/*.ts",
    "../domains/*.ts",
    "!./*.test.ts",
    "!../**/*.test.ts",
  ],
  { query: "?raw", import: "default", eager: true },
);

describe("the matrix's own premises", () => {
  it("covers every eNom write the app's actions can send, and every module that sends one", () => {
    const sent = new Map<string, Set<string>>();
    for (const [path, source] of Object.entries(SOURCES))
      for (const [method, command] of Object.entries(CLIENT_WRITES))
        if (new RegExp(`\\.${method}\\(`).test(source))
          (sent.get(command) ?? sent.set(command, new Set()).get(command))?.add(path);
    const covered = new Set([...ACTIONS, ...ORDERS].map((subject) => subject.command));
    covered.add("SETPAKRENEW"); // and the bulk auto-renew below
    expect([...sent.keys()].filter((command) => !covered.has(command))).toEqual([]);
    expect(new Set([...sent.values()].flatMap((paths) => [...paths]))).toEqual(
      new Set([
        "./mailboxes.ts",
        "./paks.ts",
        "./auto-renew.ts",
        "../purchases/purchase.ts",
        "../purchases/renewal.ts",
      ]),
    );
  });
});

// ── Purchases and renewals: an idempotency key per submit, and an unknown outcome reconciled ──

/**
 * A purchase whose answer was lost is checked at once with one read of the domain (lib/purchases/
 * settle.ts): the audit gets the "unknown" entry, then the reconciled one — "made" when the pak
 * shows the order, "not made" otherwise. So the user and the audit end with the true outcome.
 * After a timeout eNom may still be working, so "not made" waits (the attempt stays unknown).
 */
interface OrderAction {
  action: string;
  command: string;
  run: (key: string) => Promise<ActionResult<unknown>>;
}

const ORDERS: OrderAction[] = [
  {
    action: "pak.addMailboxes",
    command: "PURCHASESERVICES",
    run: (idempotencyKey) =>
      purchaseAction({
        idempotencyKey,
        request: { kind: "add-mailboxes", domain: DOMAIN, bundleId: BUNDLE, quantity: 2 },
      }),
  },
  {
    action: "pak.purchase",
    command: "PURCHASESERVICES",
    run: (idempotencyKey) =>
      purchaseAction({
        idempotencyKey,
        request: {
          kind: "purchase",
          domain: DOMAIN,
          quantityUnit: "boxes",
          quantity: 5,
          capacityGb: 1,
          billingPeriod: "year",
          terms: 1,
        },
      }),
  },
  {
    action: "pak.renew",
    command: "RENEWPOPBUNDLE",
    run: (idempotencyKey) =>
      renewAction({ idempotencyKey, request: { items: [{ domain: DOMAIN, bundleId: BUNDLE }], years: 1 } }),
  },
];

interface Attempt {
  status: string;
  reconciliation: string | null;
  message: string;
}

/** The attempt's own key (a renewal's attempts are keyed by the batch key and the pak). */
function keyOf(result: ActionResult<unknown>): string {
  return (attemptsOf(result)[0] as (Attempt & { key?: string }) | undefined)?.key ?? "";
}

function attemptsOf(result: ActionResult<unknown>): Attempt[] {
  if (!result.ok) return [];
  const data = result.data as Attempt | { attempts: Attempt[] };
  return "attempts" in data ? data.attempts : [data];
}

/**
 * The seeded world again, and no stored purchase: a reset world never saw the earlier orders, and
 * eNom's next BundleID is the seed's again, so an earlier order must not look like the owner of
 * the pak a cell buys (real BundleIDs are never reused).
 */
async function resetWorld(): Promise<void> {
  await simulator.reset();
  const db = await getDb();
  await db.delete(purchaseAttempts);
}

/** The domain and the balance: a purchase debits it, so "bought twice" shows there too. */
async function orderTruth(baseline: DomainTruth) {
  return { domain: comparable(await simulator.domain(DOMAIN), baseline), balance: await simulator.balance() };
}

describe.each(ORDERS)("$action ($command) when eNom fails", (subject) => {
  let untouched: Awaited<ReturnType<typeof orderTruth>>;
  let done: Awaited<ReturnType<typeof orderTruth>>;

  beforeAll(async () => {
    signInAs(staff);
    await resetWorld();
    const seeded = await simulator.domain(DOMAIN);
    untouched = await orderTruth(seeded);
    const result = await subject.run(crypto.randomUUID());
    expect(
      attemptsOf(result).map((attempt) => attempt.status),
      "the order works without a fault",
    ).toEqual(["ok"]);
    done = await orderTruth(seeded);
    expect(done).not.toEqual(untouched);
  });

  it.each(FAULTS)("%s", async (fault) => {
    signInAs(staff);
    await resetWorld();
    const baseline = await simulator.domain(DOMAIN);
    const seq = await simulator.lastSeq();
    const auditId = await lastAuditId();
    await armFault(subject.command, fault, 1);
    const key = crypto.randomUUID();

    const result = await subject.run(key);

    const attempts = attemptsOf(result);
    expect(attempts).toHaveLength(1);
    const [attempt] = attempts;
    if (!attempt) return;
    expect(attempt.message).toBeTruthy();
    expect(attempt.message).not.toMatch(GENERIC);
    const outcomes = (await auditAfter(auditId))
      .filter((entry) => entry.action === subject.action)
      .map((entry) => entry.outcome);
    const refused = fault === "error" || fault === "partial";
    if (fault === "slow" || fault === "timeout") {
      // The client gave up while eNom may still be working: a read now cannot tell "not bought"
      // from "not bought yet", so the attempt stays unknown and nothing more is bought for its key...
      expect(attempt).toMatchObject({ status: "unknown", reconciliation: null });
      expect(attempt.message).toMatch(/could not confirm/i);
      expect(outcomes).toEqual(["unknown"]);
      await writesLanded(seq, 1);
      const checked = attemptsOf(await checkAttemptAction({ key: keyOf(result) }));
      const audited = async () =>
        (await auditAfter(auditId))
          .filter((entry) => entry.action === subject.action)
          .map((entry) => entry.outcome);
      if (fault === "slow") {
        // ...until a check after eNom has finished finds the order.
        expect(checked).toMatchObject([{ status: "ok", reconciliation: "made" }]);
        expect(await audited()).toEqual(["unknown", "ok"]);
      } else {
        // ...and a check within eNom's working time still does not conclude "not bought".
        expect(checked).toMatchObject([{ status: "unknown", reconciliation: null }]);
        expect(checked[0]?.message).toMatch(/check again/i);
        expect(await audited()).toEqual(["unknown"]);
      }
    } else if (refused) {
      // PurchaseServices and RenewPOPBundle have no per-item answer: `partial` is a whole refusal.
      expect(attempt).toMatchObject({ status: "failed", reconciliation: null });
      expect(attempt.message).toContain(FAULT_TEXT);
      expect(outcomes).toEqual(["failed"]);
    } else if (COMMITS[fault]) {
      expect(attempt).toMatchObject({ status: "ok", reconciliation: "made" });
      expect(attempt.message).toMatch(/we checked and it went through/);
      expect(outcomes).toEqual(["unknown", "ok"]);
    } else {
      expect(attempt).toMatchObject({ status: "failed", reconciliation: "not-made" });
      expect(attempt.message).toMatch(/we checked and nothing was bought/);
      expect(outcomes).toEqual(["unknown", "failed"]);
    }
    expect(await orderTruth(baseline)).toEqual(COMMITS[fault] ? done : untouched);
    const writes = await simulator.writesSince(seq);
    expect(writes.map((call) => call.command)).toEqual([subject.command]);

    // Submitting the same key again shows the same (settled) result and orders nothing more.
    const replay = await subject.run(key);
    expect(attemptsOf(replay).map((entry) => entry.status)).toEqual([
      fault === "slow" ? "ok" : attempt.status,
    ]);
    expect(await simulator.writesSince(seq)).toHaveLength(1);
    expect(await orderTruth(baseline)).toEqual(COMMITS[fault] ? done : untouched);
  });
});

// ── Auto-renew for a selection: one SetPakRenew per pak, an outcome per pak ──────────────────

describe("pak.autoRenew in bulk (SETPAKRENEW per pak) when eNom fails", () => {
  const SELECTION = [
    { domain: DOMAIN, bundleId: BUNDLE },
    { domain: "rosewood-kennels.net", bundleId: 600060 },
  ];
  const run = () => setAutoRenewBulkAction({ items: SELECTION, autoRenew: true });
  const truthOf = async () =>
    Promise.all(SELECTION.map(async ({ domain }) => (await simulator.domain(domain)).paks));
  let untouched: Awaited<ReturnType<typeof truthOf>>;
  let done: Awaited<ReturnType<typeof truthOf>>;

  beforeAll(async () => {
    signInAs(staff);
    await simulator.reset();
    untouched = await truthOf();
    expect(await run()).toMatchObject({ ok: true });
    done = await truthOf();
    expect(done).not.toEqual(untouched);
  });

  it.each(FAULTS)("%s on every pak", async (fault) => {
    signInAs(staff);
    await simulator.reset();
    const seq = await simulator.lastSeq();
    const auditId = await lastAuditId();
    await armFault("SETPAKRENEW", fault, 2);

    const result = await run();
    await writesLanded(seq, 2);

    expect(result.ok).toBe(true);
    expect(result.message).not.toMatch(GENERIC);
    const results = result.ok ? result.data.results : [];
    const outcome = KNOWN_OUTCOME[fault];
    expect(results.map((item) => [item.bundleId, item.outcome])).toEqual(
      SELECTION.map((item) => [item.bundleId, outcome]),
    );
    for (const item of results)
      expect(item.message).toMatch(outcome === "failed" ? new RegExp(FAULT_TEXT) : UNCONFIRMED);
    const entries = (await auditAfter(auditId)).filter((entry) => entry.action === "pak.autoRenew");
    expect(entries.map((entry) => [entry.pakId, entry.outcome]).sort()).toEqual(
      SELECTION.map((item) => [String(item.bundleId), outcome]).sort(),
    );
    expect(await truthOf()).toEqual(COMMITS[fault] ? done : untouched);
    expect((await simulator.writesSince(seq)).map((call) => call.command)).toEqual([
      "SETPAKRENEW",
      "SETPAKRENEW",
    ]);
  });
});

// ── eNom cannot be read before the change: nothing is sent ──────────────────────────────────

describe("when eNom cannot be read before the change", () => {
  /** Reads are tried three times (two retries): the fault outlasts them all. */
  const READ_ATTEMPTS = 3;
  const subjects: { action: string; read: string; run: () => Promise<ActionResult<unknown>> }[] = [
    ...ACTIONS.filter((subject) => subject.action !== "domain.catchAll").map((subject) => ({
      action: subject.action,
      read: "GETPOP3",
      run: subject.run,
    })),
    ...ORDERS.map((subject) => ({
      action: subject.action,
      // A renewal reads the paks' expiries; a purchase, the domain.
      read: subject.command === "RENEWPOPBUNDLE" ? "GETPOPEXPIRATIONS" : "GETPOP3",
      run: () => subject.run(crypto.randomUUID()),
    })),
    {
      action: "pak.autoRenew (bulk)",
      read: "GETPOPEXPIRATIONS",
      run: () => setAutoRenewBulkAction({ items: [{ domain: DOMAIN, bundleId: BUNDLE }], autoRenew: true }),
    },
  ];

  it.each(subjects.map((subject) => [subject.action, subject] as const))("%s", async (_, subject) => {
    signInAs(staff);
    await resetWorld();
    const baseline = await simulator.domain(DOMAIN);
    const seq = await simulator.lastSeq();
    const auditId = await lastAuditId();
    await simulator.arm({ command: subject.read, mode: "http500", times: READ_ATTEMPTS });

    const result = await subject.run();

    expect(result.ok, "nothing was done").toBe(false);
    expect(result.message).toBeTruthy();
    expect(result.message).not.toMatch(GENERIC);
    expect(result.message).not.toMatch(/enom/i);
    expect(await simulator.writesSince(seq), "nothing was sent").toEqual([]);
    expect(comparable(await simulator.domain(DOMAIN), baseline)).toEqual(comparable(baseline, baseline));
    // Whatever the audit log says of it, it says it failed.
    expect(
      (await auditAfter(auditId)).map((entry) => entry.outcome).filter((outcome) => outcome !== "failed"),
    ).toEqual([]);
  });
});
