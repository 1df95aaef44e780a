import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { auditLog, mailboxDisplayNames, mirrorForwards } from "@/lib/db/schema";
import { getDomainEmail } from "@/lib/domains/email";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { logger } from "@/lib/logger";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { generateMailboxPassword } from "@/lib/validation/mailbox-rules";
import {
  createMailboxesAction,
  deleteMailboxesAction,
  removeMailboxForwardingAction,
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

/** What the account mirror reads after every write (lib/mirror/refresh.ts), in any order. */
const MIRROR_REFRESH = ["GETCATCHALL", "GETPOP3", "GETPOPFORWARDING"];

function endsWithMirrorRefresh(commands: readonly string[]): boolean {
  return commands.length >= 3 && [...commands.slice(-3)].sort().join() === MIRROR_REFRESH.join();
}

/** The change's own commands; the mirror's refresh after the write is left out. */
async function commandsSince(seq: number): Promise<string[]> {
  const commands = (await simCalls(seq)).map((call) => call.command.toUpperCase());
  return endsWithMirrorRefresh(commands) ? commands.slice(0, -3) : commands;
}

async function arm(fault: { command: string; mode: string; message?: string; times?: number }) {
  const response = await fetch(`${sim.origin}/_sim/faults`, { method: "POST", body: JSON.stringify(fault) });
  expect(response.ok).toBe(true);
}

interface DomainTruth {
  paks: { bundleId: number; qtyAvailable: number; expired: boolean }[];
  mailboxes: {
    userName: string;
    isAdmin: boolean;
    forwardTo: string;
    passwordSetAt: string;
    bundleId: number;
  }[];
  forwards: { userName: string; forwardTo: string; statusFlags: string }[];
}

async function truth(domain: string): Promise<DomainTruth> {
  const response = await fetch(`${sim.origin}/_sim/state/domain/${domain}`);
  return (await response.json()) as DomainTruth;
}

async function mailboxNames(domain: string): Promise<string[]> {
  return (await truth(domain)).mailboxes.map((mailbox) => mailbox.userName).sort();
}

/** A password that meets eNom's rule for this mailbox, remembered so the leak check can look for it. */
function password(userName: string, domain: string): string {
  const value = generateMailboxPassword({ userName, domain });
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

  /** The six actions on one mailbox, in an order that works: create, change, forward, delete. */
  function everyAction(prefix: string) {
    const userName = name(prefix);
    return [
      [
        "create",
        () =>
          createMailboxesAction({
            domain: DOMAIN,
            bundleId: BUNDLE,
            mailboxes: [{ userName, password: password(userName, DOMAIN), displayName: "Matrix" }],
          }),
      ],
      ["admin", () => setMailboxAdminAction({ domain: DOMAIN, userNames: [userName], isAdmin: true })],
      [
        "password",
        () =>
          resetMailboxPasswordsAction({
            domain: DOMAIN,
            items: [{ userName, password: password(userName, DOMAIN) }],
          }),
      ],
      [
        "forwarding",
        () => setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: "boss@example.org" }),
      ],
      ["forwarding off", () => removeMailboxForwardingAction({ domain: DOMAIN, userName })],
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
        createMailboxesAction({
          domain,
          bundleId,
          mailboxes: [{ userName, password: password(userName, domain) }],
        }),
      );
      expect(made).toMatchObject({ ok: true });
      const forwarded = await act(
        setMailboxForwardingAction({ domain, userName, forwardTo: "kept@example.org" }),
      );
      expect(forwarded).toMatchObject({ ok: true });
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
            canCreateMailboxes: false,
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
      const refused = name("refused");
      const attempts = [
        [
          "create",
          () =>
            createMailboxesAction({
              domain,
              bundleId,
              mailboxes: [{ userName: refused, password: password(refused, domain) }],
            }),
        ],
        ["admin", () => setMailboxAdminAction({ domain, userNames: [target], isAdmin: true })],
        [
          "password",
          () =>
            resetMailboxPasswordsAction({
              domain,
              items: [{ userName: target, password: password(target, domain) }],
            }),
        ],
        [
          "forwarding",
          () => setMailboxForwardingAction({ domain, userName: target, forwardTo: "x@example.org" }),
        ],
        ["forwarding off", () => removeMailboxForwardingAction({ domain, userName: target })],
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
          password: password(userName, domain),
          displayName: `Bulk ${userName}`,
        })),
      }),
    );
    expect(created).toMatchObject({ ok: true, message: "Created 25 mailboxes.", data: { requests: 1 } });
    // Everything sent to eNom: one read of the domain (the checks), then one write for all 25.
    expect(await commandsSince(seq)).toEqual(["GETPOP3", "SETUPPOP3USER"]);
    // and then the domain is read again into the account mirror, so the change shows at once.
    expect(endsWithMirrorRefresh((await simCalls(seq)).map((call) => call.command.toUpperCase()))).toBe(true);
    expect(await mailboxNames(domain)).toEqual([...userNames].sort());

    seq = await lastSeq();
    const promoted = await act(setMailboxAdminAction({ domain, userNames, isAdmin: true }));
    expect(promoted).toMatchObject({ ok: true, data: { requests: 1 } });
    const modify = await writesSince(seq);
    expect(modify.map((call) => call.command.toUpperCase())).toEqual(["MODIFYPOP3"]);
    expect(await commandsSince(seq)).toEqual(["GETPOP3", "MODIFYPOP3"]);
    expect(modify[0]?.params).toMatchObject({ EmailCount: "25", UserName25: userNames[24], IsAdmin25: "1" });
    // ModifyPOP3 names no pak (modify-pop-3.md).
    expect(Object.keys(modify[0]?.params ?? {}).map((key) => key.toLowerCase())).not.toContain("bundleid");
    expect((await truth(domain)).mailboxes.every((mailbox) => mailbox.isAdmin)).toBe(true);

    seq = await lastSeq();
    const reset = await act(
      resetMailboxPasswordsAction({
        domain,
        items: userNames.map((userName) => ({ userName, password: password(userName, domain) })),
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
        mailboxes: userNames.map((userName) => ({ userName, password: password(userName, domain) })),
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
  const EXPIRED = "zephyr-studio.us"; // its only pak, 600028, expired in the seed, with 4 mailboxes

  it("never more mailboxes than the pak has free", async () => {
    signInAs(staff);
    const free = (await truth(DOMAIN)).paks.find((pak) => pak.bundleId === BUNDLE)?.qtyAvailable ?? 0;
    const seq = await lastSeq();
    const auditId = await lastAuditId();
    const result = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: Array.from({ length: free + 1 }, () => {
          const userName = name("over");
          return { userName, password: password(userName, DOMAIN) };
        }),
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
          { userName: existing.toUpperCase(), password: password(existing, DOMAIN) },
          { userName: fresh, password: password(fresh, DOMAIN) },
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
    const x = name("x");
    const other = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: 600060,
        mailboxes: [{ userName: x, password: password(x, DOMAIN) }],
      }),
    );
    expect(other).toEqual({ ok: false, message: "That pak was not found." });
    const expired = await act(
      createMailboxesAction({
        domain: EXPIRED,
        bundleId: 600028,
        mailboxes: [{ userName: x, password: password(x, EXPIRED) }],
      }),
    );
    expect(expired).toEqual({
      ok: false,
      message: "Pak 600028 has expired; renew it before adding mailboxes.",
    });
    expect(await writesSince(seq)).toEqual([]);
  });

  it("in an expired pak, a password changes but administrators and deletions are refused, with the reason", async () => {
    signInAs(staff);
    const [first = "", second = ""] = (await truth(EXPIRED)).mailboxes.map((mailbox) => mailbox.userName);
    let seq = await lastSeq();
    const reset = await act(
      resetMailboxPasswordsAction({
        domain: EXPIRED,
        items: [{ userName: first, password: password(first, EXPIRED) }],
      }),
    );
    expect(reset).toMatchObject({ ok: true, data: { results: [{ userName: first, outcome: "ok" }] } });
    expect((await writesSince(seq)).map((call) => call.command.toUpperCase())).toEqual(["MODIFYPOP3"]);

    seq = await lastSeq();
    const promote = await act(setMailboxAdminAction({ domain: EXPIRED, userNames: [first], isAdmin: true }));
    expect(promote).toEqual({
      ok: false,
      message:
        "Its pak has expired: the email service documents only password changes for an expired pak, so renew the pak to change administrators.",
      fieldErrors: { "userNames.0": [expect.stringContaining("renew the pak")] },
    });
    const remove = await act(deleteMailboxesAction({ domain: EXPIRED, userNames: [second] }));
    expect(remove).toMatchObject({
      ok: false,
      message:
        "Its pak has expired, and the email service deletes mailboxes only in a current pak: renew the pak first.",
    });
    expect(await writesSince(seq)).toEqual([]);
    expect(await mailboxNames(EXPIRED)).toContain(second);
  });

  it("a name longer than 16 characters cannot be deleted through eNom's API: refused alone, the others go", async () => {
    signInAs(staff);
    const long = `${name("longname")}-of-seventeen`;
    const short = name("short");
    const made = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: [long, short].map((userName) => ({ userName, password: password(userName, DOMAIN) })),
      }),
    );
    expect(made).toMatchObject({ ok: true });
    const seq = await lastSeq();
    const result = await act(deleteMailboxesAction({ domain: DOMAIN, userNames: [long, short] }));
    expect(result).toMatchObject({
      ok: true,
      data: {
        results: [
          {
            userName: long,
            outcome: "failed",
            message: expect.stringContaining(`at most 16 characters; this one has ${long.length}`),
          },
          { userName: short, outcome: "ok" },
        ],
      },
    });
    const writes = await writesSince(seq);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.params).toMatchObject({ UserName1: short });
    expect(writes[0]?.params).not.toHaveProperty("UserName2");
    expect(await mailboxNames(DOMAIN)).toContain(long);
  });

  it("mailboxes that are gone are reported without being sent", async () => {
    signInAs(staff);
    const present = (await truth(DOMAIN)).mailboxes[1]?.userName ?? "";
    const seq = await lastSeq();
    const result = await act(
      setMailboxAdminAction({ domain: DOMAIN, userNames: ["no-such-box", present], isAdmin: false }),
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
    expect(none).toEqual({
      ok: false,
      message: "This mailbox no longer exists.",
      fieldErrors: { "userNames.0": ["This mailbox no longer exists."] },
    });
  });

  it("the browser's input is checked with the same schema on the server, eNom's password rule and the domain included", async () => {
    signInAs(staff);
    const seq = await lastSeq();
    const result = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: [
          { userName: "ok-name", password: "weakpassword" },
          { userName: "ok-name2", password: "Saffron-Movers1" },
          { userName: "ok-name3", password: "Ok-name3-Pass" },
        ],
      }),
    );
    expect(result).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: {
        "mailboxes.0.password": ["Add an upper-case letter."],
        "mailboxes.1.password": ["A password cannot contain the domain name."],
        "mailboxes.2.password": ["A password cannot contain the mailbox name."],
      },
    });
    const reset = await act(
      resetMailboxPasswordsAction({
        domain: DOMAIN,
        items: [{ userName: "office", password: "Saffron-Movers.9" }],
      }),
    );
    expect(reset).toMatchObject({
      ok: false,
      fieldErrors: { "items.0.password": ["A password cannot contain the domain name."] },
    });
    expect(await simCalls(seq)).toEqual([]);
  });
});

describe("display names, which eNom takes but never returns", () => {
  const DOMAIN = "nutmeg-garage.co"; // pak 600032 of 5, active, empty in the seed
  const BUNDLE = 600032;

  it("are sent as DisplayNameX, kept by the panel, shown in the grid's read, and forgotten on delete", async () => {
    signInAs(staff);
    const named = name("named");
    const unnamed = name("plain");
    const seq = await lastSeq();
    const made = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: [
          { userName: named, password: password(named, DOMAIN), displayName: "Front Desk" },
          { userName: unnamed, password: password(unnamed, DOMAIN) },
        ],
      }),
    );
    expect(made).toMatchObject({ ok: true });
    const [setup] = await writesSince(seq);
    expect(setup?.params).toMatchObject({ UserName1: named, DisplayName1: "Front Desk", UserName2: unnamed });
    expect(setup?.params).not.toHaveProperty("DisplayName2");

    const view = await getDomainEmail(staff, DOMAIN);
    const byName = new Map(view.mailboxes.map((mailbox) => [mailbox.userName, mailbox]));
    expect(byName.get(named)?.displayName).toBe("Front Desk");
    expect(byName.get(unnamed)?.displayName).toBeNull();

    await act(deleteMailboxesAction({ domain: DOMAIN, userNames: [named, unnamed] }));
    const db = await getDb();
    const rows = await db.select().from(mailboxDisplayNames);
    expect(rows.filter((row) => row.domain === DOMAIN && row.userName === named)).toEqual([]);
  });

  it("are not known for mailboxes Mailpak did not create, and a stale name never sticks to a new mailbox", async () => {
    signInAs(staff);
    const seeded = await getDomainEmail(staff, "saffron-movers.biz");
    expect(seeded.mailboxes.length).toBeGreaterThan(0);
    expect(seeded.mailboxes.every((mailbox) => mailbox.displayName === null)).toBe(true);

    const reused = name("reused");
    const db = await getDb();
    // A row left behind (say, the mailbox was deleted outside Mailpak).
    await db
      .insert(mailboxDisplayNames)
      .values({ domain: DOMAIN, userName: reused, displayName: "Old Name" });
    await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: [{ userName: reused, password: password(reused, DOMAIN) }],
      }),
    );
    const view = await getDomainEmail(staff, DOMAIN);
    expect(view.mailboxes.find((mailbox) => mailbox.userName === reused)?.displayName).toBeNull();
    await act(deleteMailboxesAction({ domain: DOMAIN, userNames: [reused] }));
  });
});

describe("when eNom's answer leaves mailboxes open, the domain is read back once", () => {
  const DOMAIN = "magnolia-nursery.com"; // pak 600074 of 25, active, 2 mailboxes in the seed
  const BUNDLE = 600074;
  const LOCKED = "Mailbox is locked by the mail server";

  async function someMailboxes(count: number): Promise<string[]> {
    signInAs(staff);
    const userNames = Array.from({ length: count }, () => name("f"));
    const created = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: userNames.map((userName) => ({ userName, password: password(userName, DOMAIN) })),
      }),
    );
    expect(created).toMatchObject({ ok: true });
    return userNames;
  }

  it("admin changes: eNom counts failures without naming them; GetPOP3 settles each mailbox, audited", async () => {
    const userNames = await someMailboxes(3);
    await arm({ command: "MODIFYPOP3", mode: "partial", message: LOCKED, times: 1 });
    const seq = await lastSeq();
    const auditId = await lastAuditId();
    const result = await act(setMailboxAdminAction({ domain: DOMAIN, userNames, isAdmin: true }));
    const notChanged = `Not changed. The email service said \u201c${LOCKED}\u201d for part of this list without saying which mailboxes, and this one is still a regular user.`;
    expect(result).toEqual({
      ok: true,
      message: "Made administrator: 1 of 3 mailboxes. 2 mailboxes failed. See the result for each mailbox.",
      data: {
        requests: 1,
        results: [
          { userName: userNames[0], outcome: "ok", message: null },
          { userName: userNames[1], outcome: "failed", message: notChanged },
          { userName: userNames[2], outcome: "failed", message: notChanged },
        ],
      },
    });
    expect(await commandsSince(seq)).toEqual(["GETPOP3", "MODIFYPOP3", "GETPOP3"]);
    const admins = (await truth(DOMAIN)).mailboxes.filter((mailbox) => userNames.includes(mailbox.userName));
    expect(admins.map((mailbox) => mailbox.isAdmin)).toEqual([true, false, false]);
    const [entry] = await auditAfter(auditId);
    expect(entry).toMatchObject({
      action: "mailbox.admin",
      outcome: "failed",
      enomError: LOCKED,
      details: {
        counts: { ok: 1, failed: 2, unknown: 0 },
        settledByReadBack: userNames,
        results: [
          { userName: userNames[0], outcome: "ok" },
          { userName: userNames[1], outcome: "failed", reason: LOCKED },
          { userName: userNames[2], outcome: "failed", reason: LOCKED },
        ],
      },
    });
    expect(entry?.summary).toBe(`Made administrator: 1 of 3 mailboxes on ${DOMAIN}; 2 failed`);
  });

  it("creating and deleting: each mailbox settled as created / not created and deleted / still there", async () => {
    signInAs(staff);
    const userNames = [name("p"), name("p"), name("p")];
    await arm({ command: "SETUPPOP3USER", mode: "partial", message: LOCKED, times: 1 });
    const auditId = await lastAuditId();
    const created = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: userNames.map((userName) => ({
          userName,
          password: password(userName, DOMAIN),
          displayName: `Name ${userName}`,
        })),
      }),
    );
    expect(created).toMatchObject({
      ok: true,
      message: "Created 1 of 3 mailboxes. 2 mailboxes failed. See the result for each mailbox.",
      data: {
        results: [
          { userName: userNames[0], outcome: "ok" },
          {
            userName: userNames[1],
            outcome: "failed",
            message: expect.stringContaining("this one is not on the domain"),
          },
          {
            userName: userNames[2],
            outcome: "failed",
            message: expect.stringContaining("this one is not on the domain"),
          },
        ],
      },
    });
    expect((await auditAfter(auditId))[0]).toMatchObject({
      outcome: "failed",
      details: { counts: { ok: 1, failed: 2, unknown: 0 }, settledByReadBack: userNames },
    });
    // Only the mailbox eNom has keeps its display name.
    const view = await getDomainEmail(staff, DOMAIN);
    expect(view.mailboxes.find((mailbox) => mailbox.userName === userNames[0])?.displayName).toBe(
      `Name ${userNames[0]}`,
    );

    const more = await someMailboxes(2);
    const toDelete = [userNames[0] ?? "", ...more];
    await arm({ command: "DELETEPOP3", mode: "partial", message: LOCKED, times: 1 });
    const deleted = await act(deleteMailboxesAction({ domain: DOMAIN, userNames: toDelete }));
    expect(deleted).toMatchObject({
      ok: true,
      data: {
        results: [
          { userName: toDelete[0], outcome: "ok" },
          {
            userName: toDelete[1],
            outcome: "failed",
            message: expect.stringContaining("this one is still there"),
          },
          {
            userName: toDelete[2],
            outcome: "failed",
            message: expect.stringContaining("this one is still there"),
          },
        ],
      },
    });
    const left = await mailboxNames(DOMAIN);
    expect(left).not.toContain(toDelete[0]);
    expect(left).toEqual(expect.arrayContaining(more));
  });

  it("a password change cannot be read back: it stays unknown, and says so", async () => {
    const userNames = await someMailboxes(2);
    await arm({ command: "MODIFYPOP3", mode: "partial", message: LOCKED, times: 1 });
    const seq = await lastSeq();
    const auditId = await lastAuditId();
    const result = await act(
      resetMailboxPasswordsAction({
        domain: DOMAIN,
        items: userNames.map((userName) => ({ userName, password: password(userName, DOMAIN) })),
      }),
    );
    const unknown =
      "The email service did not confirm this password change, so it may or may not have been done, and a password cannot be read back to check. Set a new one again to be sure.";
    expect(result).toEqual({
      ok: true,
      message: unknown,
      data: {
        requests: 1,
        results: userNames.map((userName) => ({ userName, outcome: "unknown", message: unknown })),
      },
    });
    // No read-back: it could not tell.
    expect(await commandsSince(seq)).toEqual(["GETPOP3", "MODIFYPOP3"]);
    expect((await auditAfter(auditId))[0]).toMatchObject({
      action: "mailbox.password-reset",
      outcome: "unknown",
      details: { counts: { unknown: 2 } },
    });
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
        mailboxes: userNames.map((userName) => ({ userName, password: password(userName, DOMAIN) })),
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

  it("no answer in time to a password change: unknown, said so to the user and in the audit", async () => {
    const [userName = ""] = await someMailboxes(1);
    await arm({ command: "MODIFYPOP3", mode: "hang", times: 1 });
    const auditId = await lastAuditId();
    const result = await act(
      resetMailboxPasswordsAction({
        domain: DOMAIN,
        items: [{ userName, password: password(userName, DOMAIN) }],
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      message: expect.stringContaining("a password cannot be read back"),
      data: { requests: 1, results: [{ userName, outcome: "unknown" }] },
    });
    const [entry] = await auditAfter(auditId);
    expect(entry).toMatchObject({ action: "mailbox.password-reset", outcome: "unknown", mailbox: userName });
    expect(entry?.enomError).toContain("timeout");
  });

  it("an answer lost after eNom acted: the read-back shows it done, and the audit says it was settled so", async () => {
    const userNames = await someMailboxes(2);
    await arm({ command: "DELETEPOP3", mode: "commit-then-drop", times: 1 });
    const auditId = await lastAuditId();
    const result = await act(deleteMailboxesAction({ domain: DOMAIN, userNames }));
    expect(result).toMatchObject({
      ok: true,
      message: "Deleted 2 mailboxes.",
      data: { results: userNames.map((userName) => ({ userName, outcome: "ok" })) },
    });
    const left = await mailboxNames(DOMAIN);
    for (const userName of userNames) expect(left).not.toContain(userName);
    const [entry] = await auditAfter(auditId);
    expect(entry).toMatchObject({
      action: "mailbox.delete",
      outcome: "ok",
      details: { counts: { ok: 2 }, settledByReadBack: userNames },
    });
  });

  it("an answer lost before eNom acted: still unknown, never guessed as failed", async () => {
    const [userName = ""] = await someMailboxes(1);
    await arm({ command: "DELETEPOP3", mode: "reset", times: 1 });
    const result = await act(deleteMailboxesAction({ domain: DOMAIN, userNames: [userName] }));
    expect(result).toMatchObject({ ok: true, data: { results: [{ userName, outcome: "unknown" }] } });
    expect(await mailboxNames(DOMAIN)).toContain(userName);
  });
});

describe("forwarding", () => {
  const DOMAIN = "magnolia-nursery.com";
  const BUNDLE = 600074;

  async function oneMailbox(): Promise<string> {
    signInAs(staff);
    const userName = name("fw");
    const created = await act(
      createMailboxesAction({
        domain: DOMAIN,
        bundleId: BUNDLE,
        mailboxes: [{ userName, password: password(userName, DOMAIN) }],
      }),
    );
    expect(created).toMatchObject({ ok: true });
    return userName;
  }

  function forwardOf(domainTruth: DomainTruth, userName: string) {
    return domainTruth.forwards.find((forward) => forward.userName.toLowerCase() === userName.toLowerCase());
  }

  it("is written with EMail, Enable and StatusFlags, read back, and removed with Enable=0 and the current address", async () => {
    const userName = await oneMailbox();
    let seq = await lastSeq();
    const auditId = await lastAuditId();
    const set = await act(
      setMailboxForwardingAction({
        domain: DOMAIN,
        userName,
        forwardTo: "boss@example.org",
        keepCopy: false,
      }),
    );
    expect(set).toMatchObject({
      ok: true,
      message: `Mail to ${userName}@${DOMAIN} is now forwarded to boss@example.org, without a copy in the mailbox as asked.`,
    });
    const [write] = await writesSince(seq);
    expect(write?.params).toMatchObject({
      UserName: userName,
      EMail: DOMAIN,
      ForwardTo: "boss@example.org",
      Enable: "1",
      StatusFlags: "1",
    });
    // Read back after the write: eNom answers only `success`.
    expect((await commandsSince(seq)).slice(-2)).toEqual(["SETPOPFORWARDING", "GETPOPFORWARDING"]);
    expect(forwardOf(await truth(DOMAIN), userName)?.forwardTo).toBe("boss@example.org");
    expect((await auditAfter(auditId))[0]).toMatchObject({
      action: "mailbox.forwarding",
      outcome: "ok",
      details: {
        from: null,
        to: "boss@example.org",
        keepCopy: false,
        statusFlags: 1,
        readBack: "boss@example.org",
      },
    });

    seq = await lastSeq();
    const kept = await act(
      setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: "desk@example.org" }),
    );
    expect(kept).toMatchObject({ ok: true });
    expect((await writesSince(seq))[0]?.params).toMatchObject({ Enable: "1", StatusFlags: "0" });

    seq = await lastSeq();
    const off = await act(removeMailboxForwardingAction({ domain: DOMAIN, userName }));
    expect(off).toMatchObject({
      ok: true,
      message: `Mail to ${userName}@${DOMAIN} is no longer forwarded to desk@example.org.`,
    });
    expect((await writesSince(seq))[0]?.params).toMatchObject({
      UserName: userName,
      EMail: DOMAIN,
      ForwardTo: "desk@example.org",
      Enable: "0",
    });
    expect(forwardOf(await truth(DOMAIN), userName)).toBeUndefined();
    const again = await act(removeMailboxForwardingAction({ domain: DOMAIN, userName }));
    expect(again).toEqual({ ok: false, message: "This mailbox does not forward; there is nothing to stop." });
  });

  it("shows in the account mirror as soon as the action answers", async () => {
    const userName = await oneMailbox();
    const mirrored = async () => {
      const db = await getDb();
      return db
        .select({ forwardTo: mirrorForwards.forwardTo, active: mirrorForwards.active })
        .from(mirrorForwards)
        .where(and(eq(mirrorForwards.domain, DOMAIN), eq(mirrorForwards.userName, userName.toLowerCase())));
    };
    const set = await act(
      setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: "mirror@example.org" }),
    );
    expect(set).toMatchObject({ ok: true });
    expect(await mirrored()).toEqual([{ forwardTo: "mirror@example.org", active: true }]);

    const off = await act(removeMailboxForwardingAction({ domain: DOMAIN, userName }));
    expect(off).toMatchObject({ ok: true });
    expect((await mirrored()).filter((forward) => forward.active)).toEqual([]);
  });

  it("refused by eNom: the old setting stays and the reason is said; a lost answer is settled by reading back", async () => {
    const userName = await oneMailbox();
    await arm({
      command: "SETPOPFORWARDING",
      mode: "error",
      message: "Forwarding is not available",
      times: 1,
    });
    const refused = await act(
      setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: "boss@example.org" }),
    );
    expect(refused).toMatchObject({
      ok: false,
      message: "The email service refused this: Forwarding is not available",
    });
    expect(forwardOf(await truth(DOMAIN), userName)).toBeUndefined();

    await arm({ command: "SETPOPFORWARDING", mode: "commit-then-drop", times: 1 });
    const auditId = await lastAuditId();
    const lost = await act(
      setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: "boss@example.org" }),
    );
    expect(lost).toMatchObject({ ok: true, data: { results: [{ userName, outcome: "ok" }] } });
    expect((await auditAfter(auditId))[0]).toMatchObject({
      outcome: "ok",
      details: { settledByReadBack: [userName] },
    });
  });

  it("changes and removes a forwarding address without a mailbox, as GetPOPForwarding lists it", async () => {
    // SetPOPForwarding serves eNom's forwarding service too: a name with a forward and no mailbox.
    if (!enom.client) throw new Error("no client");
    signInAs(staff);
    const userName = name("Front.Desk");
    await enom.client.setPopForwarding({
      enable: true,
      domain: DOMAIN,
      userName,
      forwardTo: "old@example.org",
      keepCopy: false,
    });
    expect(await mailboxNames(DOMAIN)).not.toContain(userName);

    let seq = await lastSeq();
    const changed = await act(
      setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: "new@example.org", keepCopy: true }),
    );
    expect(changed).toMatchObject({
      ok: true,
      message: `Mail to ${userName}@${DOMAIN} is now forwarded to new@example.org, the address has no mailbox to keep a copy in.`,
    });
    // No mailbox to keep a copy in: "deliver only to the forwarding address".
    expect((await writesSince(seq))[0]?.params).toMatchObject({
      UserName: userName,
      ForwardTo: "new@example.org",
      Enable: "1",
      StatusFlags: "1",
    });
    expect(forwardOf(await truth(DOMAIN), userName)?.forwardTo).toBe("new@example.org");

    seq = await lastSeq();
    const removed = await act(removeMailboxForwardingAction({ domain: DOMAIN, userName }));
    expect(removed).toMatchObject({ ok: true });
    expect((await writesSince(seq))[0]?.params).toMatchObject({ UserName: userName, Enable: "0" });
    expect(forwardOf(await truth(DOMAIN), userName)).toBeUndefined();

    // Gone now: neither a mailbox nor a forwarding address, so nothing is sent.
    seq = await lastSeq();
    expect(
      await act(setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: "new@example.org" })),
    ).toEqual({ ok: false, message: "This mailbox no longer exists." });
    expect(await writesSince(seq)).toEqual([]);
  });

  it("a mailbox never forwards to itself, and one that is gone is refused before sending", async () => {
    const userName = await oneMailbox();
    const seq = await lastSeq();
    expect(
      await act(setMailboxForwardingAction({ domain: DOMAIN, userName, forwardTo: `${userName}@${DOMAIN}` })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { forwardTo: ["A mailbox cannot forward to its own address."] },
    });
    expect(
      await act(
        setMailboxForwardingAction({ domain: DOMAIN, userName: "no-such-box", forwardTo: "a@example.org" }),
      ),
    ).toEqual({ ok: false, message: "This mailbox no longer exists." });
    expect(await writesSince(seq)).toEqual([]);
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
