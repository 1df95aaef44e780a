import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createAliasAction,
  deleteAliasAction,
  editAliasAction,
  importAliasesAction,
} from "@/lib/actions/aliases";
import { NotFoundError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/session";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { simHarness } from "@/test/sim-harness";
import { getDomainAliases, SERVICE_SWITCHED_WARNING } from "./index";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * Aliases (lib/aliases) through their server actions against the simulator: the whole list is
 * read, changed and written back, so nobody's other alias (or a mailbox's forward) is lost; the
 * limit and mailbox names are checked before sending; the last alias is deleted with
 * SetPOPForwarding; every change is audited with the list before and after; only callers allowed
 * on that very domain get that far.
 */

const WITH_FORWARD = "magnolia-nursery.com"; // mailboxes orders (forwarding) and bookings, pak 600074
const EMPTY = "rosewood-kennels.net"; // pak 600060, no mailboxes, no forwards
const FOREIGN = "saffron-movers.biz"; // mailboxes, no forwards

let sim: RunningSimulator;
const simulator = simHarness(() => sim);
let admin: SessionUser;
let staff: SessionUser;
let support: SessionUser;
let counter = 0;

interface Truth {
  paks: { bundleId: number; qtyAvailable: number }[];
  forwards: { userName: string; forwardTo: string }[];
}

async function truth(domain: string): Promise<Truth> {
  return (await (await fetch(`${sim.origin}/_sim/state/domain/${domain}`)).json()) as Truth;
}

function forwardsOf(state: Truth): string[] {
  return state.forwards.map((forward) => `${forward.userName.toLowerCase()}→${forward.forwardTo}`).sort();
}

async function commandsSince(seq: number): Promise<string[]> {
  return (await simulator.calls(seq)).map((call) => call.command.toUpperCase());
}

function fresh(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

function client() {
  if (!enom.client) throw new Error("no client");
  return enom.client;
}

async function customerLogin(domains: string[], canManageMailboxes: boolean): Promise<SessionUser> {
  const customer = await createTestCustomer(fresh("Customer "), domains, { canManageMailboxes });
  const login = await createTestUser({
    email: `${fresh("login")}@aliases.test`,
    role: "customer",
    customerId: customer.id,
  });
  return {
    ...login,
    customer: login.customer
      ? { ...login.customer, canManageMailboxes, canCreateMailboxes: canManageMailboxes }
      : null,
  };
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 5_000 });
  admin = await createTestUser({ email: "admin@aliases.test", role: "admin" });
  staff = await createTestUser({ email: "staff@aliases.test", role: "staff" });
  support = await createTestUser({ email: "support@aliases.test", role: "support" });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => signInAs(null));
afterEach(() => {
  vi.restoreAllMocks();
});

describe("changing aliases", () => {
  it("creates an alias without using a mailbox, keeping the mailbox forwards, audited before and after", async () => {
    signInAs(staff);
    const before = await truth(WITH_FORWARD);
    const auditId = await lastAuditId();
    const seq = await simulator.lastSeq();
    const alias = fresh("sales");
    const result = await createAliasAction({ domain: WITH_FORWARD, alias, forwardTo: "desk@example.org" });
    expect(result).toMatchObject({ ok: true, data: { confirmed: true, warning: null } });
    const after = await truth(WITH_FORWARD);
    expect(forwardsOf(after)).toEqual([...forwardsOf(before), `${alias}→desk@example.org`].sort());
    expect(after.paks).toEqual(before.paks);
    const commands = await commandsSince(seq);
    expect(commands.filter((command) => command === "FORWARDING")).toHaveLength(1);
    // Read immediately before writing, and read back after.
    expect(commands.indexOf("GETFORWARDING")).toBeLessThan(commands.indexOf("FORWARDING"));
    expect(commands.lastIndexOf("GETFORWARDING")).toBeGreaterThan(commands.indexOf("FORWARDING"));
    const [entry] = (await auditAfter(auditId)).filter((row) => row.action === "alias.create");
    expect(entry).toMatchObject({ outcome: "ok", domain: WITH_FORWARD, mailbox: alias });
    const details = entry?.details as { before: unknown[]; after: unknown[]; emailService: unknown };
    expect(details.before).toEqual(
      before.forwards.map(({ userName, forwardTo }) => ({ alias: userName, forwardTo })),
    );
    expect(details.after).toHaveLength(before.forwards.length + 1);
    expect(details.emailService).toMatchObject({ before: "pop-mail", after: "pop-mail", switched: false });

    if (result.ok) {
      expect(result.data.aliases.aliases.map((row) => row.alias)).toContain(alias);
      // The mailbox's own forward is not shown as an alias, but counts toward the limit.
      expect(result.data.aliases.aliases.map((row) => row.alias)).not.toContain("orders");
      expect(result.data.aliases.mailboxForwards).toBe(1);
      expect(result.data.aliases.maxAliases).toBe(100);
    }
  });

  it("never loses an alias someone else added since the page was read", async () => {
    signInAs(staff);
    const theirs = fresh("theirs");
    const current = await client().getDomainForwarding({ domain: WITH_FORWARD });
    // Someone else (eNom's site, another tool) adds one after the page was shown.
    await client().setDomainForwarding({
      domain: WITH_FORWARD,
      aliases: [
        ...current.aliases.map(({ alias, forwardTo }) => ({ alias, forwardTo })),
        { alias: theirs, forwardTo: "them@example.org" },
      ],
    });
    const mine = fresh("mine");
    expect(
      await createAliasAction({ domain: WITH_FORWARD, alias: mine, forwardTo: "me@example.org" }),
    ).toMatchObject({ ok: true });
    const after = forwardsOf(await truth(WITH_FORWARD));
    expect(after).toContain(`${theirs}→them@example.org`);
    expect(after).toContain(`${mine}→me@example.org`);
    expect(after).toContain("orders→omar.miller@example.net");
  });

  it("edits one alias's address and leaves the others", async () => {
    signInAs(admin);
    const alias = fresh("edit");
    await createAliasAction({ domain: WITH_FORWARD, alias, forwardTo: "old@example.org" });
    const before = forwardsOf(await truth(WITH_FORWARD));
    const result = await editAliasAction({ domain: WITH_FORWARD, alias, forwardTo: "new@example.org" });
    expect(result).toMatchObject({ ok: true, data: { confirmed: true } });
    const after = forwardsOf(await truth(WITH_FORWARD));
    expect(after).toEqual(
      before.map((row) => (row === `${alias}→old@example.org` ? `${alias}→new@example.org` : row)).sort(),
    );
  });

  it("refuses an alias named like a mailbox, with a clear message and nothing sent", async () => {
    signInAs(staff);
    const seq = await simulator.lastSeq();
    const auditId = await lastAuditId();
    const result = await createAliasAction({
      domain: WITH_FORWARD,
      alias: "Bookings",
      forwardTo: "x@example.org",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/Bookings@magnolia-nursery\.com is a mailbox/);
      expect(result.fieldErrors?.alias?.[0]).toMatch(/is a mailbox/);
    }
    expect(await simulator.writesSince(seq)).toEqual([]);
    expect(await commandsSince(seq)).not.toContain("FORWARDING");
    expect(await auditAfter(auditId)).toMatchObject([{ action: "alias.create", outcome: "failed" }]);
  });

  it("refuses an alias forwarding to itself before anything is read", async () => {
    signInAs(staff);
    const result = await createAliasAction({ domain: EMPTY, alias: "loop", forwardTo: `loop@${EMPTY}` });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { forwardTo: ["An alias cannot forward to its own address."] },
    });
  });

  it("enforces the domain's limit before sending", async () => {
    signInAs(staff);
    const real = client().getDomainForwarding;
    vi.spyOn(client(), "getDomainForwarding").mockImplementation(async (input) => {
      const read = await real(input);
      return { ...read, maxAliases: read.aliases.length };
    });
    const seq = await simulator.lastSeq();
    const result = await createAliasAction({
      domain: WITH_FORWARD,
      alias: fresh("over"),
      forwardTo: "x@example.org",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/at most \d+ aliases and forwards/);
    expect(await commandsSince(seq)).not.toContain("FORWARDING");
  });

  it("deletes an alias, and deletes the last one with SetPOPForwarding, never an empty list", async () => {
    signInAs(staff);
    const first = fresh("first");
    const second = fresh("second");
    await createAliasAction({ domain: EMPTY, alias: first, forwardTo: "a@example.org" });
    await createAliasAction({ domain: EMPTY, alias: second, forwardTo: "b@example.org" });
    expect(forwardsOf(await truth(EMPTY))).toEqual([`${first}→a@example.org`, `${second}→b@example.org`]);

    let seq = await simulator.lastSeq();
    expect(await deleteAliasAction({ domain: EMPTY, alias: first })).toMatchObject({
      ok: true,
      data: { confirmed: true },
    });
    expect((await simulator.writesSince(seq)).map((call) => call.command.toUpperCase())).toEqual([
      "FORWARDING",
    ]);
    expect(forwardsOf(await truth(EMPTY))).toEqual([`${second}→b@example.org`]);

    seq = await simulator.lastSeq();
    const auditId = await lastAuditId();
    const last = await deleteAliasAction({ domain: EMPTY, alias: second });
    expect(last).toMatchObject({ ok: true, data: { confirmed: true } });
    const writes = await simulator.writesSince(seq);
    expect(writes.map((call) => call.command.toUpperCase())).toEqual(["SETPOPFORWARDING"]);
    expect(writes[0]?.params).toMatchObject({ Enable: "0", UserName: second, ForwardTo: "b@example.org" });
    expect((await truth(EMPTY)).forwards).toEqual([]);
    const [entry] = (await auditAfter(auditId)).filter((row) => row.action === "alias.delete");
    expect(entry).toMatchObject({ outcome: "ok" });
    expect(entry?.details).toMatchObject({ after: [], command: expect.stringMatching(/SetPOPForwarding/) });
  });

  it("imports a file's rows in one write, or none of them when a row cannot be added", async () => {
    signInAs(staff);
    const [a, b] = [fresh("imp"), fresh("imp")];
    const seq = await simulator.lastSeq();
    const refused = await importAliasesAction({
      domain: WITH_FORWARD,
      rows: [
        { alias: a, forwardTo: "a@example.org" },
        { alias: "orders", forwardTo: "b@example.org" },
      ],
    });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { "rows.1.alias": [expect.stringMatching(/is a mailbox/)] },
    });
    expect(await simulator.writesSince(seq)).toEqual([]);

    const done = await importAliasesAction({
      domain: WITH_FORWARD,
      rows: [
        { alias: a, forwardTo: "a@example.org" },
        { alias: b, forwardTo: "b@example.org" },
      ],
    });
    expect(done).toMatchObject({ ok: true, data: { confirmed: true } });
    expect((await simulator.writesSince(seq)).map((call) => call.command.toUpperCase())).toEqual([
      "FORWARDING",
    ]);
    expect(forwardsOf(await truth(WITH_FORWARD))).toEqual(
      expect.arrayContaining([`${a}→a@example.org`, `${b}→b@example.org`]),
    );
  });

  it("warns, and audits it, when the domain's email service is no longer POP mail after the write", async () => {
    signInAs(staff);
    let calls = 0;
    vi.spyOn(client(), "getMailHosts").mockImplementation(async () => {
      calls += 1;
      return {
        serviceSelect: calls === 1 ? 1114 : 1051,
        emailService: calls === 1 ? "pop-mail" : "email-forwarding",
        emailForwarding: true,
        trackingKey: null,
      };
    });
    const auditId = await lastAuditId();
    const result = await createAliasAction({
      domain: WITH_FORWARD,
      alias: fresh("warn"),
      forwardTo: "w@example.org",
    });
    expect(result).toMatchObject({ ok: true, data: { warning: SERVICE_SWITCHED_WARNING } });
    if (result.ok) expect(result.message).toContain("no longer shows as mailbox (POP) email");
    const [entry] = (await auditAfter(auditId)).filter((row) => row.action === "alias.create");
    expect(entry?.details).toMatchObject({
      emailService: { before: "pop-mail", after: "email-forwarding", switched: true },
    });
  });
});

describe("who may read and change aliases", () => {
  it("lets a customer with the mailbox-management permission change aliases of its own domain", async () => {
    const login = await customerLogin([EMPTY], true);
    signInAs(login);
    const alias = fresh("own");
    expect(await createAliasAction({ domain: EMPTY, alias, forwardTo: "own@example.org" })).toMatchObject({
      ok: true,
    });
    expect((await getDomainAliases(login, EMPTY)).aliases.map((row) => row.alias)).toContain(alias);
    expect(await deleteAliasAction({ domain: EMPTY, alias })).toMatchObject({ ok: true });
  });

  it("refuses a customer without that permission, and on another customer's domain answers not found", async () => {
    // A domain belongs to one customer at a time: each login has its own.
    const withoutPermission = await customerLogin([FOREIGN], false);
    const allowed = await customerLogin([WITH_FORWARD], true);
    for (const [login, domain, message] of [
      [withoutPermission, FOREIGN, /has not enabled this/],
      [allowed, FOREIGN, /not found/i],
    ] as const) {
      signInAs(login);
      const seq = await simulator.lastSeq();
      const auditId = await lastAuditId();
      for (const call of [
        () => createAliasAction({ domain, alias: fresh("no"), forwardTo: "x@example.org" }),
        () => editAliasAction({ domain, alias: "orders", forwardTo: "x@example.org" }),
        () => deleteAliasAction({ domain, alias: "orders" }),
        () => importAliasesAction({ domain, rows: [{ alias: fresh("no"), forwardTo: "x@example.org" }] }),
      ]) {
        const result = await call();
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message).toMatch(message);
      }
      expect(await simulator.writesSince(seq)).toEqual([]);
      expect(await commandsSince(seq)).not.toContain("GETFORWARDING");
      const refusals = await auditAfter(auditId);
      expect(refusals).toHaveLength(4);
      for (const row of refusals)
        expect(row).toMatchObject({ outcome: "failed", details: { refused: true } });
    }
    await expect(getDomainAliases(allowed, FOREIGN)).rejects.toBeInstanceOf(NotFoundError);
    // Reading is allowed without the permission to change.
    expect((await getDomainAliases(withoutPermission, FOREIGN)).domain).toBe(FOREIGN);
  });

  it("refuses the support role, which changes nothing", async () => {
    signInAs(support);
    const seq = await simulator.lastSeq();
    const result = await createAliasAction({
      domain: EMPTY,
      alias: fresh("sup"),
      forwardTo: "x@example.org",
    });
    expect(result.ok).toBe(false);
    expect(await simulator.writesSince(seq)).toEqual([]);
    expect((await getDomainAliases(support, EMPTY)).domain).toBe(EMPTY);
  });
});
