import { desc, gt } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { auditLog, type AuditRow } from "@/lib/db/schema";
import { getAccountOverview, invalidateAccountOverview } from "@/lib/domains/account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY } from "@/lib/domains/domain-list";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { deletePakAction, setCatchAllAction, setPakAutoRenewAction } from "./paks";
import { testEnom as enom } from "@/test/enom-mock";

/**
 * The pak and catch-all actions against a real simulator: who may do what, on which domain; what
 * is sent to eNom (and what is not); what the user reads and what the audit log keeps when eNom
 * says no or does not answer.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

const WRITES = ["SETPAKRENEW", "DELETEPOPPAK", "SETCATCHALL"];
/** A timeout short enough for the tests, long enough for a loaded machine. */
const TIMEOUT_MS = 1_500;

let sim: RunningSimulator;
let admin: SessionUser;
let staff: SessionUser;
/** Owns `own` and may toggle auto-renew and manage mailboxes. */
let customer: SessionUser;
/** Owns `limited` and may do nothing but look. */
let viewer: SessionUser;

interface TestDomain {
  name: string;
  paks: { bundleId: number; autoRenew: boolean }[];
  mailboxes: string[];
}
/** Distinct domains of the seeded world, each with paks and mailboxes; one per use. */
const domains: Record<
  "own" | "limited" | "foreign" | "staff" | "admin" | "faults" | "deleteAdmin" | "deleteStaff",
  TestDomain
> = {} as never;

interface SimCall {
  seq: number;
  command: string;
  params: Record<string, string>;
}

async function simJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${sim.origin}${path}`, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
const callsSent = async () => (await simJson<{ calls: SimCall[] }>("/_sim/calls")).calls;
const writesSent = async () => (await callsSent()).filter((call) => WRITES.includes(call.command));
const clearCalls = () => simJson("/_sim/calls", { method: "DELETE" });
const armFault = (fault: { command: string; mode: string; message?: string; times?: number }) =>
  simJson("/_sim/faults", { method: "POST", body: JSON.stringify(fault) });
const clearFaults = () => simJson("/_sim/faults", { method: "DELETE" });

interface Truth {
  catchAll: string;
  paks: { bundleId: number; autoRenew: boolean }[];
  mailboxes: { userName: string; bundleId: number }[];
}
const truth = (domain: string) => simJson<Truth>(`/_sim/state/domain/${domain}`);

let auditMark = 0;
async function markAudit(): Promise<void> {
  const db = await getDb();
  const [row] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  auditMark = row?.id ?? 0;
}
async function auditSinceMark(): Promise<AuditRow[]> {
  const db = await getDb();
  return db.select().from(auditLog).where(gt(auditLog.id, auditMark)).orderBy(auditLog.id);
}

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({
    baseUrl: sim.url,
    uid: "resellid",
    pw: "resellpw",
    timeoutMs: TIMEOUT_MS,
  });

  // Domains with email and mailboxes; two paks where a test deletes one, so the domain keeps email.
  const { paks } = await enom.client.getPopExpirations();
  const candidates = [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))]
    .filter((name) => name !== "resellerdocs.com")
    .sort();
  const found: TestDomain[] = [];
  for (const name of candidates) {
    const state = await truth(name);
    if (state.mailboxes.length === 0) continue;
    found.push({
      name,
      paks: state.paks.map((pak) => ({ bundleId: pak.bundleId, autoRenew: pak.autoRenew })),
      mailboxes: state.mailboxes.map((mailbox) => mailbox.userName),
    });
  }
  const twoPaks = found.filter((domain) => domain.paks.length >= 2);
  const onePak = found.filter((domain) => domain.paks.length === 1);
  const [deleteAdmin, deleteStaff] = twoPaks;
  const [own, limited, foreign, staffDomain, adminDomain, faults] = onePak;
  if (!deleteAdmin || !deleteStaff || !own || !limited || !foreign || !staffDomain || !adminDomain || !faults)
    throw new Error("The seeded world has too few domains with mailboxes for this test.");
  Object.assign(domains, {
    own,
    limited,
    foreign,
    staff: staffDomain,
    admin: adminDomain,
    faults,
    deleteAdmin,
    deleteStaff,
  });

  admin = await createTestUser({ email: "admin@paks.test", role: "admin" });
  staff = await createTestUser({ email: "staff@paks.test", role: "staff" });
  const northwind = await createTestCustomer("Northwind", [own.name], {
    canManageMailboxes: true,
    canToggleAutoRenew: true,
  });
  customer = {
    ...(await createTestUser({ email: "nancy@northwind.test", role: "customer", customerId: northwind.id })),
    customer: { canManageMailboxes: true, canToggleAutoRenew: true, canPurchase: false, canRenew: false },
  };
  const contoso = await createTestCustomer("Contoso", [limited.name], {
    canManageMailboxes: false,
    canToggleAutoRenew: false,
  });
  viewer = {
    ...(await createTestUser({ email: "vic@contoso.test", role: "customer", customerId: contoso.id })),
    customer: { canManageMailboxes: false, canToggleAutoRenew: false, canPurchase: false, canRenew: false },
  };
  // Someone else's: assigned to a third customer.
  await createTestCustomer("Fabrikam", [foreign.name]);
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await clearFaults();
  await clearCalls();
  await markAudit();
  signInAs(null);
});

function firstPak(domain: TestDomain) {
  const pak = domain.paks[0];
  if (!pak) throw new Error(`${domain.name} has no pak`);
  return pak;
}

describe("setPakAutoRenewAction", () => {
  it.each([
    ["an admin", () => admin, () => domains.admin],
    ["a staff member", () => staff, () => domains.staff],
    ["a customer allowed to, on its own domain", () => customer, () => domains.own],
  ])(
    "lets %s turn auto-renew off and on, and audits each with eNom's TrackingKey",
    async (_who, who, where) => {
      const domain = where();
      const pak = firstPak(domain);
      signInAs(who());
      for (const autoRenew of [!pak.autoRenew, pak.autoRenew]) {
        const result = await setPakAutoRenewAction({
          domain: domain.name,
          bundleId: pak.bundleId,
          autoRenew,
        });
        expect(result).toMatchObject({ ok: true, data: { bundleId: pak.bundleId, autoRenew } });
        expect((await truth(domain.name)).paks[0]?.autoRenew).toBe(autoRenew);
      }
      const audit = await auditSinceMark();
      expect(audit.map((row) => [row.action, row.outcome, row.domain, row.pakId])).toEqual([
        ["pak.autoRenew", "ok", domain.name, String(pak.bundleId)],
        ["pak.autoRenew", "ok", domain.name, String(pak.bundleId)],
      ]);
      for (const row of audit) expect(row.enomTrackingKey).toMatch(GUID);
      expect(audit[0]?.actorEmail).toBe(who().email);
    },
  );

  it("tells a customer that someone else's domain does not exist, sends nothing to eNom, and audits the attempt", async () => {
    signInAs(customer);
    const pak = firstPak(domains.foreign);
    const result = await setPakAutoRenewAction({
      domain: domains.foreign.name,
      bundleId: pak.bundleId,
      autoRenew: !pak.autoRenew,
    });
    expect(result).toEqual({ ok: false, message: "That domain was not found." });
    expect(await callsSent()).toEqual([]);
    expect((await truth(domains.foreign.name)).paks[0]?.autoRenew).toBe(pak.autoRenew);
    const [refusal] = await auditSinceMark();
    expect(refusal).toMatchObject({
      action: "pak.autoRenew",
      outcome: "failed",
      domain: domains.foreign.name,
      actorEmail: customer.email,
      details: { refused: true },
    });
  });

  it("refuses a customer its reseller has not allowed to, on its own domain", async () => {
    signInAs(viewer);
    const pak = firstPak(domains.limited);
    const result = await setPakAutoRenewAction({
      domain: domains.limited.name,
      bundleId: pak.bundleId,
      autoRenew: !pak.autoRenew,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/has not enabled this/);
    expect(await writesSent()).toEqual([]);
  });

  it("refuses a pak of another domain, even to staff, without sending the change", async () => {
    signInAs(customer);
    const result = await setPakAutoRenewAction({
      domain: domains.own.name,
      bundleId: firstPak(domains.foreign).bundleId,
      autoRenew: false,
    });
    expect(result).toEqual({ ok: false, message: "That pak was not found." });
    expect(await writesSent()).toEqual([]);

    signInAs(staff);
    const staffResult = await setPakAutoRenewAction({
      domain: domains.staff.name,
      bundleId: firstPak(domains.admin).bundleId,
      autoRenew: false,
    });
    expect(staffResult).toEqual({ ok: false, message: "That pak was not found." });
    expect(await writesSent()).toEqual([]);
    expect((await auditSinceMark()).map((row) => row.details)).toEqual([
      { refused: true },
      { refused: true },
    ]);
  });

  it("checks the input with the shared schema before anything is sent", async () => {
    signInAs(staff);
    const result = await setPakAutoRenewAction({ domain: "not a domain", bundleId: "x", autoRenew: "yes" });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["autoRenew", "bundleId", "domain"]);
    expect(await callsSent()).toEqual([]);
  });

  it("says clearly when eNom refuses, changes nothing, and audits eNom's words", async () => {
    signInAs(staff);
    const pak = firstPak(domains.faults);
    await armFault({ command: "SETPAKRENEW", mode: "error", message: "Pak is locked for billing", times: 1 });
    const result = await setPakAutoRenewAction({
      domain: domains.faults.name,
      bundleId: pak.bundleId,
      autoRenew: !pak.autoRenew,
    });
    expect(result).toEqual({
      ok: false,
      message: "The email service refused this: Pak is locked for billing",
    });
    expect((await truth(domains.faults.name)).paks[0]?.autoRenew).toBe(pak.autoRenew);
    const [entry] = await auditSinceMark();
    expect(entry).toMatchObject({
      action: "pak.autoRenew",
      outcome: "failed",
      enomError: "Pak is locked for billing",
    });
    expect(entry?.enomTrackingKey).toMatch(GUID);
  });

  it("says the change may or may not have been made when eNom does not answer, and audits it as unknown", async () => {
    signInAs(staff);
    const pak = firstPak(domains.faults);
    await armFault({ command: "SETPAKRENEW", mode: "hang", times: 1 });
    const result = await setPakAutoRenewAction({
      domain: domains.faults.name,
      bundleId: pak.bundleId,
      autoRenew: !pak.autoRenew,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/may or may not have been made/);
    expect(result.ok ? "" : result.message).not.toMatch(/enom/i);
    const [entry] = await auditSinceMark();
    expect(entry).toMatchObject({ action: "pak.autoRenew", outcome: "unknown" });
    expect(entry?.summary).toMatch(/not confirmed/);
    expect(entry?.enomError).toMatch(/timeout/);
  });

  it("records 'unknown' when eNom made the change but the answer was lost, and the list shows the truth", async () => {
    signInAs(staff);
    const pak = firstPak(domains.faults);
    const before = await getAccountOverview(staff, { ...DEFAULT_DOMAIN_LIST_QUERY, q: domains.faults.name });
    await armFault({ command: "SETPAKRENEW", mode: "commit-then-drop", times: 1 });
    const result = await setPakAutoRenewAction({
      domain: domains.faults.name,
      bundleId: pak.bundleId,
      autoRenew: !pak.autoRenew,
    });
    expect(result.ok).toBe(false);
    expect((await truth(domains.faults.name)).paks[0]?.autoRenew).toBe(!pak.autoRenew);
    expect((await auditSinceMark())[0]?.outcome).toBe("unknown");
    const after = await getAccountOverview(staff, { ...DEFAULT_DOMAIN_LIST_QUERY, q: domains.faults.name });
    expect(before.rows[0]?.autoRenew).toBe(pak.autoRenew ? "on" : "off");
    expect(after.rows[0]?.autoRenew).toBe(pak.autoRenew ? "off" : "on");
    // Put it back for the other tests.
    await setPakAutoRenewAction({
      domain: domains.faults.name,
      bundleId: pak.bundleId,
      autoRenew: pak.autoRenew,
    });
  });

  it("makes the domains list read eNom again after a change, and only then", async () => {
    signInAs(staff);
    invalidateAccountOverview();
    const query = { ...DEFAULT_DOMAIN_LIST_QUERY, q: domains.staff.name };
    await getAccountOverview(staff, query);
    await getAccountOverview(staff, query);
    const listCalls = async () =>
      (await callsSent()).filter(
        (call) => call.command === "GETDOMAINS" || call.command === "GETPOPEXPIRATIONS",
      );
    expect(await listCalls()).toHaveLength(2);

    const pak = firstPak(domains.staff);
    await setPakAutoRenewAction({
      domain: domains.staff.name,
      bundleId: pak.bundleId,
      autoRenew: !pak.autoRenew,
    });
    const after = await getAccountOverview(staff, query);
    expect(await listCalls()).toHaveLength(4);
    expect(after.rows[0]?.autoRenew).toBe(pak.autoRenew ? "off" : "on");
    await setPakAutoRenewAction({
      domain: domains.staff.name,
      bundleId: pak.bundleId,
      autoRenew: pak.autoRenew,
    });
  });
});

describe("deletePakAction", () => {
  it("asks for the domain's name typed out, and sends nothing until it matches", async () => {
    signInAs(admin);
    const pak = firstPak(domains.deleteAdmin);
    const result = await deletePakAction({
      domain: domains.deleteAdmin.name,
      bundleId: pak.bundleId,
      confirmation: "yes",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { confirmation: [`Type the domain name, ${domains.deleteAdmin.name}, to confirm.`] },
    });
    expect(await callsSent()).toEqual([]);
  });

  it("refuses customers: on someone else's domain 'not found', on their own 'not allowed', sending nothing", async () => {
    signInAs(customer);
    const foreign = await deletePakAction({
      domain: domains.foreign.name,
      bundleId: firstPak(domains.foreign).bundleId,
      confirmation: domains.foreign.name,
    });
    expect(foreign).toEqual({ ok: false, message: "That domain was not found." });
    const own = await deletePakAction({
      domain: domains.own.name,
      bundleId: firstPak(domains.own).bundleId,
      confirmation: domains.own.name,
    });
    expect(own.ok).toBe(false);
    if (!own.ok) expect(own.message).toMatch(/has not enabled this/);
    expect(await writesSent()).toEqual([]);
    expect((await truth(domains.own.name)).paks).toHaveLength(1);
    expect((await auditSinceMark()).map((row) => [row.action, row.outcome, row.domain])).toEqual([
      ["pak.delete", "failed", domains.foreign.name],
      ["pak.delete", "failed", domains.own.name],
    ]);
  });

  it("says clearly when eNom refuses or does not answer, and the pak is still there", async () => {
    signInAs(staff);
    const domain = domains.deleteStaff;
    const pak = firstPak(domain);
    const input = { domain: domain.name, bundleId: pak.bundleId, confirmation: domain.name.toUpperCase() };

    await armFault({
      command: "DELETEPOPPAK",
      mode: "error",
      message: "Pak cannot be deleted now",
      times: 1,
    });
    expect(await deletePakAction(input)).toEqual({
      ok: false,
      message: "The email service refused this: Pak cannot be deleted now",
    });
    await armFault({ command: "DELETEPOPPAK", mode: "hang", times: 1 });
    const timedOut = await deletePakAction(input);
    expect(timedOut.ok ? "" : timedOut.message).toMatch(/may or may not have been made/);

    expect((await truth(domain.name)).paks.map((p) => p.bundleId)).toContain(pak.bundleId);
    expect((await auditSinceMark()).map((row) => [row.action, row.outcome])).toEqual([
      ["pak.delete", "failed"],
      ["pak.delete", "unknown"],
    ]);
  });

  it.each([
    ["an admin", () => admin, () => domains.deleteAdmin],
    ["a staff member", () => staff, () => domains.deleteStaff],
  ])("lets %s delete a pak with its mailboxes, and audits what went", async (_who, who, where) => {
    const domain = where();
    const pak = firstPak(domain);
    const before = await truth(domain.name);
    const lost = before.mailboxes
      .filter((mailbox) => mailbox.bundleId === pak.bundleId)
      .map((m) => m.userName);
    signInAs(who());
    const result = await deletePakAction({
      domain: domain.name,
      bundleId: pak.bundleId,
      confirmation: domain.name,
    });
    expect(result).toMatchObject({
      ok: true,
      data: { bundleId: pak.bundleId, mailboxesDeleted: lost.length },
    });
    const after = await truth(domain.name);
    expect(after.paks.map((p) => p.bundleId)).not.toContain(pak.bundleId);
    expect(after.paks).toHaveLength(before.paks.length - 1);
    expect((await writesSent()).map((call) => call.command)).toEqual(["DELETEPOPPAK"]);
    const [entry] = await auditSinceMark();
    expect(entry).toMatchObject({
      action: "pak.delete",
      outcome: "ok",
      domain: domain.name,
      pakId: String(pak.bundleId),
      details: expect.objectContaining({ mailboxes: lost }),
    });
    expect(entry?.enomTrackingKey).toMatch(GUID);
  });
});

describe("setCatchAllAction", () => {
  it.each([
    ["an admin", () => admin, () => domains.admin],
    ["a staff member", () => staff, () => domains.staff],
    ["a customer allowed to manage mailboxes, on its own domain", () => customer, () => domains.own],
  ])(
    "lets %s send unknown addresses to a mailbox, an outside address, or nowhere",
    async (_who, who, where) => {
      const domain = where();
      const mailbox = domain.mailboxes[0] ?? "";
      signInAs(who());
      expect(await setCatchAllAction({ domain: domain.name, catchAll: mailbox.toUpperCase() })).toMatchObject(
        {
          ok: true,
          data: { catchAll: mailbox },
        },
      );
      expect((await truth(domain.name)).catchAll).toBe(mailbox);
      expect(await setCatchAllAction({ domain: domain.name, catchAll: "desk@example.org" })).toMatchObject({
        ok: true,
        data: { catchAll: "desk@example.org" },
      });
      expect(await setCatchAllAction({ domain: domain.name, catchAll: "" })).toMatchObject({
        ok: true,
        data: { catchAll: null },
      });
      expect((await truth(domain.name)).catchAll).toBe("");
      const audit = await auditSinceMark();
      expect(audit.map((row) => [row.action, row.outcome, row.summary])).toEqual([
        ["domain.catchAll", "ok", `Set the catch-all of ${domain.name} to ${mailbox}`],
        ["domain.catchAll", "ok", `Set the catch-all of ${domain.name} to desk@example.org`],
        ["domain.catchAll", "ok", `Turned off the catch-all of ${domain.name}`],
      ]);
      for (const row of audit) expect(row.enomTrackingKey).toMatch(GUID);
    },
  );

  it("refuses someone else's domain as 'not found' and a customer without the allowance, sending nothing", async () => {
    signInAs(customer);
    expect(await setCatchAllAction({ domain: domains.foreign.name, catchAll: "x@example.org" })).toEqual({
      ok: false,
      message: "That domain was not found.",
    });
    signInAs(viewer);
    const limited = await setCatchAllAction({ domain: domains.limited.name, catchAll: "x@example.org" });
    expect(limited.ok ? "" : limited.message).toMatch(/has not enabled this/);
    expect(await callsSent()).toEqual([]);
    expect((await auditSinceMark()).map((row) => row.outcome)).toEqual(["failed", "failed"]);
  });

  it("refuses what is neither a mailbox name nor an address, in the browser's schema and on the server", async () => {
    signInAs(staff);
    const result = await setCatchAllAction({ domain: domains.staff.name, catchAll: "not an address!" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { catchAll: [expect.stringMatching(/mailbox name/)] },
    });
    expect(await callsSent()).toEqual([]);
  });

  it("passes on eNom's refusal of a mailbox that does not exist, and a timeout, with the true outcome", async () => {
    signInAs(staff);
    const refused = await setCatchAllAction({ domain: domains.faults.name, catchAll: "nobody-here" });
    expect(refused).toEqual({
      ok: false,
      message:
        "The email service refused this: CatchAll must be a mailbox of this domain, an email address, or empty",
    });
    await armFault({ command: "SETCATCHALL", mode: "hang", times: 1 });
    const timedOut = await setCatchAllAction({ domain: domains.faults.name, catchAll: "desk@example.org" });
    expect(timedOut.ok ? "" : timedOut.message).toMatch(/may or may not have been made/);
    expect((await auditSinceMark()).map((row) => [row.outcome, row.enomError === null])).toEqual([
      ["failed", false],
      ["unknown", false],
    ]);
  });
});
