import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { logger } from "@/lib/logger";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import {
  createMailboxesAction,
  deleteMailboxesAction,
  resetMailboxPasswordsAction,
  setMailboxAdminAction,
  setMailboxForwardingAction,
} from "./mailboxes";
import { testEnom as enom } from "@/test/enom-mock";
import { auditAfter, lastAuditId } from "@/test/audit";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

/** The actions reach eNom through getEnomClient(); here it is a client of the simulator below. */
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

const WRITES = new Set(["SETUPPOP3USER", "MODIFYPOP3", "DELETEPOP3", "SETPOPFORWARDING"]);
/** Every password a test sends; none may show up in the audit log, a result or a log line. */
const passwordsSent = new Set<string>();
const logLines: unknown[] = [];
const returned: unknown[] = [];

let sim: RunningSimulator;
let counter = 0;

interface SimCall {
  seq: number;
  command: string;
  params: Record<string, string>;
}

async function simCalls(since = 0): Promise<SimCall[]> {
  const response = await fetch(`${sim.origin}/_sim/calls?since=${since}`);
  const body = (await response.json()) as { calls: SimCall[] };
  return body.calls;
}

async function lastSeq(): Promise<number> {
  const calls = await simCalls();
  return calls.reduce((max, call) => Math.max(max, call.seq), 0);
}

async function writesSince(seq: number): Promise<SimCall[]> {
  return (await simCalls(seq)).filter((call) => WRITES.has(call.command.toUpperCase()));
}

async function commandsSince(seq: number): Promise<string[]> {
  return (await simCalls(seq)).map((call) => call.command.toUpperCase());
}

async function arm(fault: { command: string; mode: string; message?: string; times?: number }) {
  const response = await fetch(`${sim.origin}/_sim/faults`, { method: "POST", body: JSON.stringify(fault) });
  expect(response.ok).toBe(true);
}

interface DomainTruth {
  paks: { bundleId: number; qtyAvailable: number }[];
  mailboxes: {
    userName: string;
    isAdmin: boolean;
    forwardTo: string;
    passwordSetAt: string;
    bundleId: number;
  }[];
}

async function truth(domain: string): Promise<DomainTruth> {
  const response = await fetch(`${sim.origin}/_sim/state/domain/${domain}`);
  return (await response.json()) as DomainTruth;
}

async function mailboxNames(domain: string): Promise<string[]> {
  return (await truth(domain)).mailboxes.map((mailbox) => mailbox.userName).sort();
}

/** A password that meets the rules, remembered so the leak check can look for it. */
function password(): string {
  counter += 1;
  const value = `Pw${counter}x${Math.random().toString(36).slice(2, 10)}Q7`;
  passwordsSent.add(value);
  return value;
}

function name(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

/** Buys a fresh pak on a domain that has none, so each test has room of its own. */
async function freshPak(domain: string, mailboxes: number): Promise<number> {
  if (!enom.client) throw new Error("no client");
  const purchase = await enom.client.purchaseServices({ kind: "service", domain, quantity: mailboxes });
  const bundleId = purchase.bundles[0]?.bundleId;
  if (!bundleId) throw new Error("the purchase returned no pak");
  return bundleId;
}

async function act<T>(promise: Promise<T>): Promise<T> {
  const result = await promise;
  returned.push(result);
  return result;
}

let admin: SessionUser;
let staff: SessionUser;

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  const capture = (record: object, message?: string) => logLines.push({ record, message });
  enom.client = createEnomClient({
    baseUrl: sim.url,
    uid: "resellid",
    pw: "resellpw",
    // Short enough for the "hang" fault to end in a test; the simulator answers in milliseconds.
    timeoutMs: 1_500,
    logger: { info: capture, warn: capture },
  });
  for (const level of ["error", "warn", "info"] as const)
    vi.spyOn(logger, level).mockImplementation(((record: unknown, message?: unknown) => {
      logLines.push({ record, message });
    }) as never);
  admin = await createTestUser({ email: "admin@mailboxes.test", role: "admin" });
  staff = await createTestUser({ email: "staff@mailboxes.test", role: "staff" });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => signInAs(null));
afterEach(async () => {
  await fetch(`${sim.origin}/_sim/faults`, { method: "DELETE" });
});

describe("who may change a domain's mailboxes", () => {
  const DOMAIN = "rosewood-kennels.net"; // one pak of 20, active, no mailboxes in the seed
  const BUNDLE = 600060;

  /** The five actions on one mailbox, in an order that works: create, change, delete. */
  function everyAction(prefix: string) {
    const userName = name(prefix);
    return [
      [
        "create",
        () =>
          createMailboxesAction({
            domain: DOMAIN,
            bundleId: BUNDLE,
            mailboxes: [{ userName, password: password(), displayName: "Matrix" }],
          }),
      ],
      [
        "admin",
        () =>
          setMailboxAdminAction({ domain: DOMAIN, bundleId: BUNDLE, userNames: [userName], isAdmin: true }),
      ],
      [
        "password",
        () =>
          resetMailboxPasswordsAction({
            domain: DOMAIN,
            bundleId: BUNDLE,
            items: [{ userName, password: password() }],
          }),
      ],
      [
        "forwarding",
        () => setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: "boss@example.org" }),
      ],
      ["delete", () => deleteMailboxesAction({ domain: DOMAIN, userNames: [userName] })],
    ] as const;
  }

  it("admins, staff and a customer allowed on its own domain make every change, each audited", async () => {
    const customer = await createTestCustomer(name("Own "), [DOMAIN], { canManageMailboxes: true });
    const customerUser = await createTestUser({
      email: `${name("own")}@customer.test`,
      role: "customer",
      customerId: customer.id,
    });
    for (const [role, user] of [
      ["admin", admin],
      ["staff", staff],
      ["customer", customerUser],
    ] as const) {
      signInAs(user);
      for (const [actionName, run] of everyAction(role)) {
        const seq = await lastSeq();
        const auditId = await lastAuditId();
        const result = await act(run());
        expect(result, `${role} ${actionName}`).toMatchObject({ ok: true });
        expect(await writesSince(seq), `${role} ${actionName}`).toHaveLength(1);
        const entries = await auditAfter(auditId);
        expect(entries, `${role} ${actionName}`).toHaveLength(1);
        expect(entries[0]).toMatchObject({ outcome: "ok", actorEmail: user.email, domain: DOMAIN });
      }
    }
  });

  it("refuses a customer without the permission and a customer on someone else's domain, without asking eNom", async () => {
    // Mailboxes that exist, so a refusal cannot be mistaken for "not found" upstream.
    const OWN = "sunrise-vet.us"; // pak 600004 of 3, active, empty in the seed
    signInAs(staff);
    const onForeign = name("kept");
    const onOwn = name("kept");
    for (const [domain, bundleId, userName] of [
      [DOMAIN, BUNDLE, onForeign],
      [OWN, 600004, onOwn],
    ] as const) {
      const made = await act(
        createMailboxesAction({ domain, bundleId, mailboxes: [{ userName, password: password() }] }),
      );
      expect(made).toMatchObject({ ok: true });
    }

    const notAllowed = await createTestCustomer(name("NoPerm "), [OWN], { canManageMailboxes: false });
    const notAllowedLogin = await createTestUser({
      email: `${name("noperm")}@customer.test`,
      role: "customer",
      customerId: notAllowed.id,
    });
    const foreign = await createTestCustomer(name("Foreign "), ["nutmeg-garage.co"]);
    const foreignLogin = await createTestUser({
      email: `${name("foreign")}@customer.test`,
      role: "customer",
      customerId: foreign.id,
    });
    const refusals = [
      {
        user: {
          ...notAllowedLogin,
          customer: {
            canManageMailboxes: false,
            canToggleAutoRenew: false,
            canPurchase: false,
            canRenew: false,
          },
        },
        domain: OWN,
        bundleId: 600004,
        target: onOwn,
        message: "Your reseller has not enabled this for your account. Contact them to change it.",
      },
      {
        user: foreignLogin,
        domain: DOMAIN,
        bundleId: BUNDLE,
        target: onForeign,
        message: "That domain was not found.",
      },
    ];
    for (const { user, domain, bundleId, target, message } of refusals) {
      const before = await truth(domain);
      signInAs(user);
      const attempts = [
        [
          "create",
          () =>
            createMailboxesAction({
              domain,
              bundleId,
              mailboxes: [{ userName: name("refused"), password: password() }],
            }),
        ],
        ["admin", () => setMailboxAdminAction({ domain, bundleId, userNames: [target], isAdmin: true })],
        [
          "password",
          () =>
            resetMailboxPasswordsAction({
              domain,
              bundleId,
              items: [{ userName: target, password: password() }],
            }),
        ],
        [
          "forwarding",
          () => setMailboxForwardingAction({ domain, userName: target, forwardTo: "x@example.org" }),
        ],
        ["delete", () => deleteMailboxesAction({ domain, userNames: [target] })],
      ] as const;
      for (const [actionName, run] of attempts) {
        const seq = await lastSeq();
        const auditId = await lastAuditId();
        const result = await act(run());
        expect(result, `${user.email} ${actionName}`).toEqual({ ok: false, message });
        // Not even a read: the caller's rights are checked before eNom is asked anything.
        expect(await simCalls(seq), `${user.email} ${actionName}`).toEqual([]);
        const entries = await auditAfter(auditId);
        expect(entries).toHaveLength(1);
        expect(entries[0]).toMatchObject({
          outcome: "failed",
          actorEmail: user.email,
          domain,
          summary: `Refused: ${message}`,
          details: { refused: true },
        });
      }
      expect(await truth(domain)).toEqual(before);
    }
  });

  it("refuses someone who is not signed in", async () => {
    const seq = await lastSeq();
    const result = await deleteMailboxesAction({ domain: DOMAIN, userNames: ["anyone"] });
    expect(result).toEqual({ ok: false, message: "Your session has ended. Sign in again to continue." });
    expect(await simCalls(seq)).toEqual([]);
  });
});

describe("one eNom call per batch", () => {
  it("25 mailboxes: created, made admins, given new passwords and deleted with one write call each", async () => {
    signInAs(staff);
    const domain = "juniper-fitness.biz";
    const bundleId = await freshPak(domain, 30);
    const userNames = Array.from({ length: 25 }, () => name("bulk"));

    let seq = await lastSeq();
    const created = await act(
      createMailboxesAction({
        domain,
        bundleId,
        mailboxes: userNames.map((userName) => ({
          userName,
          password: password(),
          displayName: `Bulk ${userName}`,
        })),
      }),
    );
    expect(created).toMatchObject({ ok: true, message: "Created 25 mailboxes.", data: { requests: 1 } });
    // Everything sent to eNom: one read of the domain (the checks), then one write for all 25.
    expect(await commandsSince(seq)).toEqual(["GETPOP3", "SETUPPOP3USER"]);
    expect(await mailboxNames(domain)).toEqual([...userNames].sort());

    seq = await lastSeq();
    const promoted = await act(setMailboxAdminAction({ domain, bundleId, userNames, isAdmin: true }));
    expect(promoted).toMatchObject({ ok: true, data: { requests: 1 } });
    const modify = await writesSince(seq);
    expect(modify.map((call) => call.command.toUpperCase())).toEqual(["MODIFYPOP3"]);
    expect(await commandsSince(seq)).toEqual(["GETPOP3", "MODIFYPOP3"]);
    expect(modify[0]?.params).toMatchObject({ EmailCount: "25", UserName25: userNames[24], IsAdmin25: "1" });
    expect((await truth(domain)).mailboxes.every((mailbox) => mailbox.isAdmin)).toBe(true);

    seq = await lastSeq();
    const reset = await act(
      resetMailboxPasswordsAction({
        domain,
        bundleId,
        items: userNames.map((userName) => ({ userName, password: password() })),
      }),
    );
    expect(reset).toMatchObject({ ok: true, data: { requests: 1 } });
    expect(await commandsSince(seq)).toEqual(["GETPOP3", "MODIFYPOP3"]);

    seq = await lastSeq();
    const deleted = await act(deleteMailboxesAction({ domain, userNames }));
    expect(deleted).toMatchObject({ ok: true, message: "Deleted 25 mailboxes.", data: { requests: 1 } });
    expect(await commandsSince(seq)).toEqual(["GETPOP3", "DELETEPOP3"]);
    expect(await mailboxNames(domain)).toEqual([]);
  });

  it("more than 99 go 99 at a time, and the audit says how many calls", async () => {
    signInAs(admin);
    const domain = "lark-pottery.biz";
    const bundleId = await freshPak(domain, 150);
    const userNames = Array.from({ length: 120 }, () => name("many"));
    const seq = await lastSeq();
    const auditId = await lastAuditId();
    const created = await act(
      createMailboxesAction({
        domain,
        bundleId,
        mailboxes: userNames.map((userName) => ({ userName, password: password() })),
      }),
    );
    expect(created).toMatchObject({ ok: true, data: { requests: 2 } });
    const writes = await writesSince(seq);
    expect(
      writes.map((call) => Object.keys(call.params).filter((key) => /^UserName\d+$/.test(key)).length),
    ).toEqual([99, 21]);
    const [entry] = await auditAfter(auditId);
    expect(entry).toMatchObject({ action: "mailbox.create", outcome: "ok", details: { requests: 2 } });
  });
});

describe("checks before anything is sent", () => {
  const DOMAIN = "saffron-movers.biz"; // pak 600018 of 20 with 5 mailboxes in the seed
  const BUNDLE = 600018;

  it("never more mailboxes than the pak has free", async () => {
    signInAs(staff);
    const free = (await truth(DOMAIN)).paks.find((pak) => pak.bundleId === BUNDLE)?.qtyAvailable ?? 0;
    const seq = await lastSeq();
    const auditId = await lastAuditId();
    const result = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: Array.from({ length: free + 1 }, () => ({ userName: name("over"), password: password() })),
      }),
    );
    expect(result).toEqual({
      ok: false,
      message: `Pak ${BUNDLE} has ${free} free mailboxes, and ${free + 1} were asked for. Remove some, or add mailboxes to the pak first.`,
    });
    expect(await writesSince(seq)).toEqual([]);
    expect(await auditAfter(auditId)).toMatchObject([{ action: "mailbox.create", outcome: "failed" }]);
  });

  it("names already on the domain fail alone, in any casing; the others are created", async () => {
    signInAs(staff);
    const existing = (await truth(DOMAIN)).mailboxes[0]?.userName ?? "";
    const fresh = name("fresh");
    const result = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: [
          { userName: existing.toUpperCase(), password: password() },
          { userName: fresh, password: password() },
        ],
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      data: {
        results: [
          {
            userName: existing.toUpperCase(),
            outcome: "failed",
            message: "A mailbox with this name already exists on this domain.",
          },
          { userName: fresh, outcome: "ok", message: null },
        ],
      },
    });
  });

  it("a pak of another domain is not found, and an expired pak takes no new mailboxes", async () => {
    signInAs(staff);
    const seq = await lastSeq();
    const other = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: 600060,
        mailboxes: [{ userName: name("x"), password: password() }],
      }),
    );
    expect(other).toEqual({ ok: false, message: "That pak was not found." });
    const expired = await act(
      createMailboxesAction({
        domain: "zephyr-studio.us", // its only pak expired in the seed
        bundleId: 600028,
        mailboxes: [{ userName: name("x"), password: password() }],
      }),
    );
    expect(expired).toEqual({
      ok: false,
      message: "Pak 600028 has expired; renew it before adding mailboxes.",
    });
    expect(await writesSince(seq)).toEqual([]);
  });

  it("mailboxes that are gone are reported without being sent", async () => {
    signInAs(staff);
    const present = (await truth(DOMAIN)).mailboxes[1]?.userName ?? "";
    const seq = await lastSeq();
    const result = await act(
      setMailboxAdminAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        userNames: ["no-such-box", present],
        isAdmin: false,
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      data: {
        results: [
          { userName: "no-such-box", outcome: "failed", message: "This mailbox no longer exists." },
          { userName: present, outcome: "ok" },
        ],
      },
    });
    const writes = await writesSince(seq);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.params).toMatchObject({ EmailCount: "1", UserName1: present });
    const none = await act(deleteMailboxesAction({ domain: DOMAIN, userNames: ["no-such-box"] }));
    expect(none).toEqual({ ok: false, message: "This mailbox no longer exists." });
  });

  it("the browser's input is checked with the same schema on the server", async () => {
    signInAs(staff);
    const seq = await lastSeq();
    const result = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: [{ userName: "ok-name", password: "weakpassword" }],
      }),
    );
    expect(result).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { "mailboxes.0.password": ["Add an upper-case letter."] },
    });
    expect(await simCalls(seq)).toEqual([]);
  });
});

describe("when eNom fails", () => {
  const DOMAIN = "magnolia-nursery.com"; // pak 600074 of 25, active, 2 mailboxes in the seed
  const BUNDLE = 600074;

  async function someMailboxes(count: number): Promise<string[]> {
    signInAs(staff);
    const userNames = Array.from({ length: count }, () => name("f"));
    const created = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: userNames.map((userName) => ({ userName, password: password() })),
      }),
    );
    expect(created).toMatchObject({ ok: true });
    return userNames;
  }

  it("a partial failure gives the outcome of each mailbox, and the audit keeps eNom's words", async () => {
    const userNames = await someMailboxes(3);
    await arm({ command: "MODIFYPOP3", mode: "partial", message: "Mailbox is locked by the mail server" });
    const auditId = await lastAuditId();
    const result = await act(
      setMailboxAdminAction({ domain: DOMAIN, bundleId: BUNDLE, userNames, isAdmin: true }),
    );
    expect(result).toEqual({
      ok: true,
      message: "Made administrator: 1 of 3 mailboxes. 2 mailboxes failed. See the result for each mailbox.",
      data: {
        requests: 1,
        results: [
          { userName: userNames[0], outcome: "ok", message: null },
          { userName: userNames[1], outcome: "failed", message: "Mailbox is locked by the mail server" },
          { userName: userNames[2], outcome: "failed", message: "Mailbox is locked by the mail server" },
        ],
      },
    });
    const admins = (await truth(DOMAIN)).mailboxes.filter((mailbox) => userNames.includes(mailbox.userName));
    expect(admins.map((mailbox) => mailbox.isAdmin)).toEqual([true, false, false]);
    const [entry] = await auditAfter(auditId);
    expect(entry).toMatchObject({
      action: "mailbox.admin",
      outcome: "failed",
      enomError: "Mailbox is locked by the mail server",
      details: {
        counts: { ok: 1, failed: 2, unknown: 0 },
        results: [
          { userName: userNames[0], outcome: "ok" },
          { userName: userNames[1], outcome: "failed", reason: "Mailbox is locked by the mail server" },
          { userName: userNames[2], outcome: "failed", reason: "Mailbox is locked by the mail server" },
        ],
      },
    });
    expect(entry?.summary).toBe(`Made administrator: 1 of 3 mailboxes on ${DOMAIN}; 2 failed`);
  });

  it("eNom's refusal of the whole call: nothing changed, a clear message, audited as failed", async () => {
    signInAs(staff);
    await arm({
      command: "SETUPPOP3USER",
      mode: "error",
      message: "Service is down for maintenance",
      times: 1,
    });
    const userNames = [name("e"), name("e")];
    const auditId = await lastAuditId();
    const before = await mailboxNames(DOMAIN);
    const result = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: userNames.map((userName) => ({ userName, password: password() })),
      }),
    );
    expect(result).toEqual({
      ok: false,
      message: "The email service refused this: Service is down for maintenance",
      fieldErrors: {
        "mailboxes.0": ["The email service refused this: Service is down for maintenance"],
        "mailboxes.1": ["The email service refused this: Service is down for maintenance"],
      },
    });
    expect(await mailboxNames(DOMAIN)).toEqual(before);
    const [entry] = await auditAfter(auditId);
    expect(entry).toMatchObject({
      action: "mailbox.create",
      outcome: "failed",
      enomError: "Service is down for maintenance",
    });
  });

  it("no answer in time: the outcome is unknown, said so to the user and in the audit", async () => {
    const [userName = ""] = await someMailboxes(1);
    await arm({ command: "MODIFYPOP3", mode: "hang", times: 1 });
    const auditId = await lastAuditId();
    const result = await act(
      resetMailboxPasswordsAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        items: [{ userName, password: password() }],
      }),
    );
    const unconfirmed =
      "The email service did not confirm this, so it may or may not have been done. The list now shows the current state; check it before trying again.";
    expect(result).toEqual({
      ok: true,
      message: unconfirmed,
      data: { requests: 1, results: [{ userName, outcome: "unknown", message: unconfirmed }] },
    });
    const [entry] = await auditAfter(auditId);
    expect(entry).toMatchObject({ action: "mailbox.password-reset", outcome: "unknown", mailbox: userName });
    expect(entry?.enomError).toContain("timeout");
  });

  it("an answer lost after eNom acted: unknown, and the domain shows what really happened", async () => {
    const userNames = await someMailboxes(2);
    await arm({ command: "DELETEPOP3", mode: "commit-then-drop", times: 1 });
    const auditId = await lastAuditId();
    const result = await act(deleteMailboxesAction({ domain: DOMAIN, userNames }));
    expect(result).toMatchObject({
      ok: true,
      data: { results: userNames.map((userName) => ({ userName, outcome: "unknown" })) },
    });
    // eNom did delete them: the grid's next read shows it.
    const left = await mailboxNames(DOMAIN);
    for (const userName of userNames) expect(left).not.toContain(userName);
    const [entry] = await auditAfter(auditId);
    expect(entry).toMatchObject({
      action: "mailbox.delete",
      outcome: "unknown",
      details: { counts: { unknown: 2 } },
    });
  });

  it("forwarding refused by eNom keeps the old setting and says why", async () => {
    const [userName = ""] = await someMailboxes(1);
    await arm({
      command: "SETPOPFORWARDING",
      mode: "error",
      message: "Forwarding is not available",
      times: 1,
    });
    const result = await act(
      setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: "boss@example.org" }),
    );
    expect(result).toMatchObject({
      ok: false,
      message: "The email service refused this: Forwarding is not available",
    });
    const mailbox = (await truth(DOMAIN)).mailboxes.find((candidate) => candidate.userName === userName);
    expect(mailbox?.forwardTo).toBe("");
    const set = await act(
      setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: "boss@example.org" }),
    );
    expect(set).toMatchObject({
      ok: true,
      message: `Mail to ${userName}@${DOMAIN} is now also sent to boss@example.org.`,
    });
    const off = await act(setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: "" }));
    expect(off).toMatchObject({ ok: true, message: `Mail to ${userName}@${DOMAIN} is no longer forwarded.` });
  });
});

describe("passwords", () => {
  it("appear in no audit entry, no result and no log line", async () => {
    expect(passwordsSent.size).toBeGreaterThan(100);
    const db = await getDb();
    const everything = JSON.stringify({
      audit: await db.select().from(auditLog),
      returned,
      logLines,
    });
    for (const secret of passwordsSent) expect(everything).not.toContain(secret);
    // The log lines are there to be checked: the eNom client logs every call.
    expect(logLines.length).toBeGreaterThan(20);
  });
});
