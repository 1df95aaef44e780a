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
  removeMailboxForwardingAction,
  setMailboxAdminAction,
  setMailboxForwardingAction,
} from "./mailboxes";
import { setAutoRenewBulkAction } from "./auto-renew";
import { deletePakAction, setCatchAllAction, setPakAutoRenewAction } from "./paks";
import { checkAttemptAction, purchaseAction, renewAction } from "./purchases";
import type { ActionResult } from "./result";
import type { PakDeletionView } from "@/lib/purchases/types";

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
 *   busy, locked     eNom's transient errors 20 "Try again later" and 25 "Failed to obtain
 *                    provisioning lock" (api-error-codes.md), nothing done: failed, "busy", and
 *                    the write is not sent again (only reads are retried);
 *   partial          batch commands (SetUpPOP3User, ModifyPOP3, DeletePOP3) do the first user and
 *                    fail the rest, reporting counts but not which names (seeds/001): the mailbox
 *                    actions read the domain back and settle each mailbox (a password cannot be
 *                    read back and stays unknown). Other commands have no per-item answer; the
 *                    simulator answers them as a whole refusal, which is what the cell checks
 *                    (same as `error`);
 *   commit-then-drop the change is made, then the connection dies: unknown, and the state changed;
 *                    the mailbox actions that can read their change back report it done.
 * The simulator acts only for `slow`, `partial` (first user) and `commit-then-drop`.
 *
 * Deleting a pak is two writes (DeletePOP3 of its mailboxes, then DeletePOPPak), each faulted on
 * its own below; renewing is PurchaseServices for a Mailbox pak and RenewPOPBundle for a classic
 * 10-pak, each a row of its own. Every write the app can send is covered (the premises test).
 */

const DOMAIN = "saffron-movers.biz"; // pak 600018 of 20, 5 mailboxes, catch-all li@ in the seed
const BUNDLE = 600018; // a Mailbox pak (ProdType 2011)
/** A domain with a classic 10-pak (ProdType 38), renewed with RenewPOPBundle. */
const CLASSIC_DOMAIN = "redwood-optics.biz";
const CLASSIC_BUNDLE = 600030;
/** A domain whose `office` forwards mail in the seed, for stopping a forward. */
const FORWARDING_DOMAIN = "kestrel-fitness.net";
const FAULT_TEXT = "Mail store is in maintenance mode";
const TIMEOUT_MS = 1_000;
/** The `slow` fault: eNom answers after the client has given up, and does the work all the same. */
const SLOW_MS = TIMEOUT_MS + 400;
const GENERIC = /went wrong on our side/i;
const UNCONFIRMED = /may or may not have been (done|made)/i;
const BUSY = "The email service is busy, so nothing was changed. Please try again in a few minutes.";

type Fault =
  | "timeout"
  | "slow"
  | "http500"
  | "reset"
  | "malformed"
  | "error"
  | "busy"
  | "locked"
  | "partial"
  | "commit-then-drop";

const FAULT_MODE: Record<Fault, string> = {
  timeout: "hang",
  slow: "latency",
  http500: "http500",
  reset: "reset",
  malformed: "malformed",
  error: "error",
  busy: "try-again-later",
  locked: "provisioning-lock",
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
  busy: false,
  locked: false,
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
  busy: "failed",
  locked: "failed",
  partial: "failed",
  "commit-then-drop": "unknown",
};

/**
 * A whole refusal by eNom: what the user reads, and what of eNom's answer the audit keeps (its
 * words, or its words and number for the documented transient errors). Null: eNom did not refuse.
 */
function refusalOf(fault: Fault): { message: string; enomError: string } | null {
  switch (fault) {
    case "error":
    case "partial":
      return { message: `The email service refused this: ${FAULT_TEXT}`, enomError: FAULT_TEXT };
    case "busy":
      return { message: BUSY, enomError: "Try again later [20]" };
    case "locked":
      return { message: BUSY, enomError: "Failed to obtain provisioning lock [25]" };
    default:
      return null;
  }
}

interface MatrixAction {
  action: string;
  command: string;
  /** The domain it changes; saffron-movers.biz unless said. */
  domain?: string;
  /** The name of its cells, when the action and command do not tell it apart. */
  title?: string;
  /** What it reads from eNom before writing; GETPOP3 unless said. */
  read?: string;
  /** The command reports an outcome per mailbox (FailedAccounts). */
  perItem: boolean;
  /** The action returns `data.results` per mailbox (the grid's batch contract). */
  batchResult: boolean;
  /** The mailboxes in the input, in order, for the per-mailbox checks. */
  items: string[];
  run: () => Promise<ActionResult<unknown>>;
  /** The same change for the first mailbox only: the state a `partial` fault must leave. */
  runFirstOnly?: () => Promise<ActionResult<unknown>>;
  /** The action reads eNom back to settle an open outcome (a password change cannot be read back). */
  settles?: boolean;
}

const PASSWORDS = ["Harbor-7Lantern", "Copper-9Meadow", "Violet-4Summit"];
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
    settles: true,
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
    settles: true,
    run: () => setMailboxAdminAction({ domain: DOMAIN, userNames: TOUCHED, isAdmin: true }),
    runFirstOnly: () =>
      setMailboxAdminAction({ domain: DOMAIN, userNames: TOUCHED.slice(0, 1), isAdmin: true }),
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
        items: TOUCHED.map((userName, index) => ({ userName, password: PASSWORDS[index] })),
      }),
    runFirstOnly: () =>
      resetMailboxPasswordsAction({
        domain: DOMAIN,
        items: [{ userName: TOUCHED[0], password: PASSWORDS[0] }],
      }),
  },
  {
    action: "mailbox.delete",
    command: "DELETEPOP3",
    perItem: true,
    batchResult: true,
    items: TOUCHED,
    settles: true,
    run: () => deleteMailboxesAction({ domain: DOMAIN, userNames: TOUCHED }),
    runFirstOnly: () => deleteMailboxesAction({ domain: DOMAIN, userNames: TOUCHED.slice(0, 1) }),
  },
  {
    action: "mailbox.forwarding",
    command: "SETPOPFORWARDING",
    title: "mailbox.forwarding set (SETPOPFORWARDING Enable=1)",
    perItem: false,
    batchResult: true,
    items: ["office"],
    settles: true,
    run: () =>
      setMailboxForwardingAction({
        domain: DOMAIN,
        userName: "office",
        forwardTo: "dispatch@example.org",
        keepCopy: false,
      }),
  },
  {
    action: "mailbox.forwarding",
    command: "SETPOPFORWARDING",
    title: "mailbox.forwarding stop (SETPOPFORWARDING Enable=0)",
    domain: FORWARDING_DOMAIN,
    read: "GETPOPFORWARDING",
    perItem: false,
    batchResult: true,
    items: ["office"],
    settles: true,
    run: () => removeMailboxForwardingAction({ domain: FORWARDING_DOMAIN, userName: "office" }),
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
    action: "domain.catchAll",
    command: "SETCATCHALL",
    perItem: false,
    batchResult: false,
    items: [],
    run: () => setCatchAllAction({ domain: DOMAIN, catchAll: "office@saffron-movers.biz" }),
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

/** The state of `domain` one successful run of `change` leaves, from the seeded world. */
async function stateAfter(change: () => Promise<ActionResult<unknown>>, domain = DOMAIN) {
  await simulator.reset();
  const baseline = await simulator.domain(domain);
  const result = await change();
  expect(result, "the change works without a fault").toMatchObject({ ok: true });
  if (result.ok && isBatch(result.data))
    expect(result.data.results.every((entry) => entry.outcome === "ok")).toBe(true);
  return comparable(await simulator.domain(domain), baseline);
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

const titleOf = (subject: MatrixAction) => subject.title ?? `${subject.action} (${subject.command})`;

describe.each(ACTIONS.map((subject) => [titleOf(subject), subject] as const))(
  "%s when eNom fails",
  (_, subject) => {
    const domain = subject.domain ?? DOMAIN;
    let untouched: ReturnType<typeof comparable>;
    let done: ReturnType<typeof comparable>;
    let firstDone: ReturnType<typeof comparable> | null = null;

    beforeAll(async () => {
      signInAs(staff);
      await simulator.reset();
      const seeded = await simulator.domain(domain);
      untouched = comparable(seeded, seeded);
      done = await stateAfter(subject.run, domain);
      expect(done).not.toEqual(untouched);
      if (subject.runFirstOnly) firstDone = await stateAfter(subject.runFirstOnly, domain);
    });

    it.each(FAULTS)("%s", async (fault) => {
      signInAs(staff);
      await simulator.reset();
      const baseline = await simulator.domain(domain);
      const seq = await simulator.lastSeq();
      const auditId = await lastAuditId();
      await armFault(subject.command, fault, 1);

      const result = await subject.run();
      await writesLanded(seq, 1);

      // 1. A specific message.
      expect(result.message).toBeTruthy();
      expect(result.message).not.toMatch(GENERIC);
      const refusal = refusalOf(fault);
      const perItemPartial = fault === "partial" && subject.perItem;
      // eNom did the work and the action read it back: done, settled.
      const settledDone = fault === "commit-then-drop" && subject.settles === true;
      // eNom named no failed mailbox, and a password cannot be read back: every one stays unknown.
      const unsettledPartial = perItemPartial && !subject.settles;
      const outcome = settledDone
        ? "ok"
        : unsettledPartial
          ? "unknown"
          : perItemPartial
            ? "failed"
            : KNOWN_OUTCOME[fault];
      if (settledDone) {
        expect(result).toMatchObject({ ok: true });
        const results = result.ok && isBatch(result.data) ? result.data.results : [];
        expect(results.map((entry) => [entry.userName, entry.outcome])).toEqual(
          subject.items.map((name) => [name, "ok"]),
        );
      } else if (unsettledPartial) {
        expect(result).toMatchObject({ ok: true });
        const results = result.ok && isBatch(result.data) ? result.data.results : [];
        expect(results.map((entry) => [entry.userName, entry.outcome])).toEqual(
          subject.items.map((name) => [name, "unknown"]),
        );
        expect(result.message).toMatch(/cannot be read back/);
      } else if (perItemPartial) {
        // The first mailbox is done, the others refused with eNom's reason, each said so.
        expect(result).toMatchObject({ ok: true });
        const results = result.ok && isBatch(result.data) ? result.data.results : [];
        expect(results.map((entry) => [entry.userName, entry.outcome])).toEqual(
          subject.items.map((name, index) => [name, index === 0 ? "ok" : "failed"]),
        );
        for (const entry of results.slice(1)) expect(entry.message).toContain(FAULT_TEXT);
        expect(result.message).toMatch(/1 of 3 mailboxes.*2 mailboxes failed/);
      } else if (outcome === "failed") {
        expect(result).toMatchObject({ ok: false, message: refusal?.message });
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
      expect(entry).toMatchObject({ outcome, actorEmail: staff.email, domain });
      expect(entry.enomError, "the audit keeps what went wrong").toBeTruthy();
      if (refusal) expect(entry.enomError).toContain(refusal.enomError);
      if (subject.batchResult) {
        const recorded = (entry.details.results as { userName: string; outcome: string }[]).map((item) => [
          item.userName,
          item.outcome,
        ]);
        expect(recorded).toEqual(
          subject.items.map((name, index) => [
            name,
            perItemPartial && !unsettledPartial ? (index === 0 ? "ok" : "failed") : outcome,
          ]),
        );
      }

      // 3. The state: untouched, or changed exactly as by one call; nothing else touched.
      const after = comparable(await simulator.domain(domain), baseline);
      if (perItemPartial) expect(after).toEqual(firstDone);
      else expect(after).toEqual(COMMITS[fault] ? done : untouched);

      // 4. The write went to eNom once, and was not repeated.
      const writes = await simulator.writesSince(seq);
      expect(writes.map((call) => call.command)).toEqual([subject.command]);
    });
  },
);

// ── Deleting a pak: its mailboxes (DeletePOP3), then the pak (DeletePOPPak) ───────────────────

/**
 * eNom refuses DeletePOPPak while the pak has mailboxes (delete-pop-pak.md), so deleting a pak is
 * two writes: DeletePOP3 of its mailboxes, then DeletePOPPak once every one is confirmed gone.
 * Once anything was sent the action answers `ok: true` with each step's outcome in `data`. A fault
 * is armed on one step at a time; each step is audited once with its true outcome, the state is
 * that of the steps done (each exactly once), and no write is sent twice.
 */
const PAK_DELETION = ["DELETEPOP3", "DELETEPOPPAK"];
const deletePak = () => deletePakAction({ domain: DOMAIN, bundleId: BUNDLE, confirmation: DOMAIN });

function pakDeletionOf(result: ActionResult<unknown>): PakDeletionView | null {
  return result.ok ? (result.data as PakDeletionView) : null;
}

describe("pak.delete (DELETEPOP3, then DELETEPOPPAK) when eNom fails", () => {
  /** The pak's mailboxes, in the order eNom lists them (and the action sends them). */
  let pakMailboxes: string[];
  let untouched: ReturnType<typeof comparable>;
  let mailboxesGone: ReturnType<typeof comparable>;
  let firstGone: ReturnType<typeof comparable>;
  let done: ReturnType<typeof comparable>;

  beforeAll(async () => {
    signInAs(staff);
    await simulator.reset();
    const seeded = await simulator.domain(DOMAIN);
    untouched = comparable(seeded, seeded);
    pakMailboxes = seeded.mailboxes
      .filter((mailbox) => mailbox.bundleId === BUNDLE)
      .map((mailbox) => mailbox.userName);
    expect(pakMailboxes.length).toBeGreaterThan(1);
    done = await stateAfter(async () => {
      const result = await deletePak();
      expect(pakDeletionOf(result)?.pak, "the pak is deleted without a fault").toBe("deleted");
      return result;
    });
    mailboxesGone = await stateAfter(() =>
      deleteMailboxesAction({ domain: DOMAIN, userNames: pakMailboxes }),
    );
    firstGone = await stateAfter(() =>
      deleteMailboxesAction({ domain: DOMAIN, userNames: pakMailboxes.slice(0, 1) }),
    );
    expect(
      new Set([JSON.stringify(untouched), JSON.stringify(firstGone), JSON.stringify(mailboxesGone)]).size,
    ).toBe(3);
    expect(done).not.toEqual(mailboxesGone);
  });

  async function cell(command: string, fault: Fault, landed: number) {
    signInAs(staff);
    await simulator.reset();
    const baseline = await simulator.domain(DOMAIN);
    const seq = await simulator.lastSeq();
    const auditId = await lastAuditId();
    await armFault(command, fault, 1);
    const result = await deletePak();
    await writesLanded(seq, landed);
    expect(result.message).toBeTruthy();
    expect(result.message).not.toMatch(GENERIC);
    expect(result.message).not.toMatch(/enom/i);
    const entries = await auditAfter(auditId);
    const stepEntry = (action: string) => {
      const found = entries.filter((entry) => entry.action === action);
      expect(found, `one ${action} audit entry`).toHaveLength(1);
      return found[0];
    };
    return {
      result,
      view: pakDeletionOf(result),
      mailboxEntry: stepEntry("mailbox.delete"),
      pakEntry: stepEntry("pak.delete"),
      state: async () => comparable(await simulator.domain(DOMAIN), baseline),
      writes: async () => (await simulator.writesSince(seq)).map((call) => call.command),
    };
  }

  it.each(FAULTS)("%s on DELETEPOPPAK, after the mailboxes are deleted", async (fault) => {
    const { result, view, mailboxEntry, pakEntry, state, writes } = await cell("DELETEPOPPAK", fault, 2);
    const outcome = KNOWN_OUTCOME[fault];
    const refusal = refusalOf(fault);

    // Something was sent: the answer says what each step did.
    expect(result.ok).toBe(true);
    expect(view?.mailboxes).toEqual({ deleted: pakMailboxes, failed: [], unknown: [], notSent: [] });
    expect(view?.pak).toBe(outcome);
    expect(result.message).toMatch(new RegExp(`^Its ${pakMailboxes.length} mailboxes were deleted\\. `));
    if (refusal) expect(result.message).toContain(`Pak ${BUNDLE} was not deleted. ${refusal.message}`);
    else expect(result.message).toMatch(/was not confirmed; it may or may not be deleted/);

    expect(mailboxEntry).toMatchObject({ outcome: "ok", actorEmail: staff.email, domain: DOMAIN });
    expect(pakEntry).toMatchObject({
      outcome,
      actorEmail: staff.email,
      domain: DOMAIN,
      pakId: String(BUNDLE),
    });
    expect(pakEntry?.enomError, "the audit keeps what went wrong").toBeTruthy();
    if (refusal) expect(pakEntry?.enomError).toContain(refusal.enomError);

    expect(await state()).toEqual(COMMITS[fault] ? done : mailboxesGone);
    expect(await writes()).toEqual(PAK_DELETION);
  });

  it.each(FAULTS)("%s on DELETEPOP3, before the pak", async (fault) => {
    // A lost answer is settled by reading the domain: gone is deleted, and the pak may go then.
    const settled = fault === "commit-then-drop";
    const { result, view, mailboxEntry, pakEntry, state, writes } = await cell(
      "DELETEPOP3",
      fault,
      settled ? 2 : 1,
    );
    const refusal = refusalOf(fault);
    const [first = "", ...rest] = pakMailboxes;
    expect(result.ok).toBe(true);
    expect(pakEntry).toMatchObject({ actorEmail: staff.email, domain: DOMAIN, pakId: String(BUNDLE) });
    expect(mailboxEntry).toMatchObject({ actorEmail: staff.email, domain: DOMAIN, pakId: String(BUNDLE) });
    expect(mailboxEntry?.enomError, "the audit keeps what went wrong").toBeTruthy();

    if (settled) {
      expect(view?.mailboxes).toEqual({ deleted: pakMailboxes, failed: [], unknown: [], notSent: [] });
      expect(view?.pak).toBe("deleted");
      expect(result.message).toBe(`Pak ${BUNDLE} is deleted, with ${pakMailboxes.length} mailboxes.`);
      expect(mailboxEntry?.outcome).toBe("ok");
      expect(pakEntry?.outcome).toBe("ok");
      expect(await state()).toEqual(done);
      expect(await writes()).toEqual(PAK_DELETION);
      return;
    }

    // The pak is not sent while a mailbox may be left in it; the audit says it was not deleted.
    expect(view?.pak).toBe("not-sent");
    expect(pakEntry?.outcome).toBe("failed");
    expect(result.message).toContain(`Pak ${BUNDLE} was not deleted: `);
    if (fault === "partial") {
      // eNom did the first and counted the rest failed without naming them: the read-back names them.
      expect(view?.mailboxes.deleted).toEqual([first]);
      expect(view?.mailboxes.failed.map((entry) => entry.userName)).toEqual(rest);
      expect(view?.mailboxes.unknown).toEqual([]);
      expect(view?.left).toEqual(rest);
      expect(mailboxEntry?.outcome).toBe("failed");
      expect(mailboxEntry?.enomError).toContain(FAULT_TEXT);
      expect(await state()).toEqual(firstGone);
    } else if (refusal) {
      expect(view?.mailboxes).toEqual({
        deleted: [],
        failed: pakMailboxes.map((userName) => ({ userName, reason: refusal.message })),
        unknown: [],
        notSent: [],
      });
      expect(mailboxEntry?.outcome).toBe("failed");
      expect(mailboxEntry?.enomError).toContain(refusal.enomError);
      expect(await state()).toEqual(untouched);
    } else {
      // The answer was lost and the mailboxes are still listed: eNom may still be deleting them.
      expect(view?.mailboxes).toEqual({ deleted: [], failed: [], unknown: pakMailboxes, notSent: [] });
      expect(result.message).toMatch(/not confirmed/);
      expect(mailboxEntry?.outcome).toBe("unknown");
      expect(await state()).toEqual(COMMITS[fault] ? mailboxesGone : untouched);
    }
    expect(await writes()).toEqual(["DELETEPOP3"]);
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
    for (const command of PAK_DELETION) covered.add(command);
    expect([...sent.keys()].filter((command) => !covered.has(command))).toEqual([]);
    expect(new Set([...sent.values()].flatMap((paths) => [...paths]))).toEqual(
      new Set([
        "./mailboxes.ts",
        "./paks.ts",
        "./pak-auto-renew.ts", // both auto-renew actions
        "../purchases/pak-deletion.ts",
        "../purchases/purchase.ts",
        "../purchases/renew-one.ts",
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
  /** The domain it orders for; saffron-movers.biz unless said. */
  domain?: string;
  /** The pak's product, when the command depends on it. */
  product?: string;
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
  // A Mailbox pak renews through PurchaseServices ActionType=Renew; a classic 10-pak, RenewPOPBundle.
  {
    action: "pak.renew",
    command: "PURCHASESERVICES",
    product: "Mailbox pak",
    run: (idempotencyKey) =>
      renewAction({ idempotencyKey, request: { items: [{ domain: DOMAIN, bundleId: BUNDLE }], years: 1 } }),
  },
  {
    action: "pak.renew",
    command: "RENEWPOPBUNDLE",
    product: "classic 10-pak",
    domain: CLASSIC_DOMAIN,
    run: (idempotencyKey) =>
      renewAction({
        idempotencyKey,
        request: { items: [{ domain: CLASSIC_DOMAIN, bundleId: CLASSIC_BUNDLE }], years: 1 },
      }),
  },
];

const orderTitle = (subject: OrderAction) =>
  `${subject.action}${subject.product ? ` of a ${subject.product}` : ""} (${subject.command})`;

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
  return {
    domain: comparable(await simulator.domain(baseline.domain), baseline),
    balance: await simulator.balance(),
  };
}

describe.each(ORDERS.map((subject) => [orderTitle(subject), subject] as const))(
  "%s when eNom fails",
  (_, subject) => {
    const domain = subject.domain ?? DOMAIN;
    let untouched: Awaited<ReturnType<typeof orderTruth>>;
    let done: Awaited<ReturnType<typeof orderTruth>>;

    beforeAll(async () => {
      signInAs(staff);
      await resetWorld();
      const seeded = await simulator.domain(domain);
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
      const baseline = await simulator.domain(domain);
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
      const entries = (await auditAfter(auditId)).filter((entry) => entry.action === subject.action);
      const outcomes = entries.map((entry) => entry.outcome);
      for (const entry of entries) expect(entry).toMatchObject({ actorEmail: staff.email, domain });
      const refusal = refusalOf(fault);
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
      } else if (refusal) {
        // PurchaseServices and RenewPOPBundle have no per-item answer: `partial` is a whole refusal.
        expect(attempt).toMatchObject({ status: "failed", reconciliation: null });
        expect(attempt.message).toContain(refusal.message);
        expect(outcomes).toEqual(["failed"]);
        expect(entries[0]?.enomError).toContain(refusal.enomError);
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
  },
);

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
    const refusal = refusalOf(fault);
    for (const item of results)
      if (refusal) expect(item.message).toContain(refusal.message);
      else expect(item.message).toMatch(UNCONFIRMED);
    const entries = (await auditAfter(auditId)).filter((entry) => entry.action === "pak.autoRenew");
    expect(entries.map((entry) => [entry.pakId, entry.outcome]).sort()).toEqual(
      SELECTION.map((item) => [String(item.bundleId), outcome]).sort(),
    );
    for (const entry of entries) {
      expect(entry.enomError, "the audit keeps what went wrong").toBeTruthy();
      if (refusal) expect(entry.enomError).toContain(refusal.enomError);
    }
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
  const subjects: {
    title: string;
    read: string;
    domain: string;
    run: () => Promise<ActionResult<unknown>>;
  }[] = [
    // The catch-all is set without reading the domain first: SetCatchAll names no pak or mailbox.
    ...ACTIONS.filter((subject) => subject.action !== "domain.catchAll").map((subject) => ({
      title: titleOf(subject),
      read: subject.read ?? "GETPOP3",
      domain: subject.domain ?? DOMAIN,
      run: subject.run,
    })),
    {
      title: "pak.delete",
      read: "GETPOP3",
      domain: DOMAIN,
      run: deletePak,
    },
    // Purchases and renewals read the domain's paks (GetPOP3) before ordering.
    ...ORDERS.map((subject) => ({
      title: orderTitle(subject),
      read: "GETPOP3",
      domain: subject.domain ?? DOMAIN,
      run: () => subject.run(crypto.randomUUID()),
    })),
    {
      title: "pak.autoRenew (bulk)",
      read: "GETPOP3",
      domain: DOMAIN,
      run: () => setAutoRenewBulkAction({ items: [{ domain: DOMAIN, bundleId: BUNDLE }], autoRenew: true }),
    },
  ];

  it.each(subjects.map((subject) => [subject.title, subject] as const))("%s", async (_, subject) => {
    signInAs(staff);
    await resetWorld();
    const baseline = await simulator.domain(subject.domain);
    const seq = await simulator.lastSeq();
    const auditId = await lastAuditId();
    await simulator.arm({ command: subject.read, mode: "http500", times: READ_ATTEMPTS });

    const result = await subject.run();

    expect(result.ok, "nothing was done").toBe(false);
    expect(result.message).toBeTruthy();
    expect(result.message).not.toMatch(GENERIC);
    expect(result.message).not.toMatch(/enom/i);
    expect(await simulator.writesSince(seq), "nothing was sent").toEqual([]);
    expect(comparable(await simulator.domain(subject.domain), baseline)).toEqual(
      comparable(baseline, baseline),
    );
    // Whatever the audit log says of it, it says it failed.
    expect(
      (await auditAfter(auditId)).map((entry) => entry.outcome).filter((outcome) => outcome !== "failed"),
    ).toEqual([]);
  });
});
