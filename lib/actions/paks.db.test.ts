import { desc, gt } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { auditLog, type AuditRow } from "@/lib/db/schema";
import { getAccountOverview } from "@/lib/domains/account-overview";
import { DEFAULT_DOMAIN_LIST_QUERY } from "@/lib/domains/domain-list";
import { getDomainCatchAll } from "@/lib/domains/email";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { runFullSync } from "@/lib/mirror/sync";
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

const WRITES = ["SETPAKRENEW", "DELETEPOP3", "DELETEPOPPAK", "SETCATCHALL", "SETUPPOP3USER"];
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
  paks: { bundleId: number; autoRenew: boolean; expired: boolean }[];
  mailboxes: string[];
}
/** Distinct domains of the seeded world, each with paks and mailboxes; one per use. */
const domains: Record<
  | "own"
  | "limited"
  | "foreign"
  | "staff"
  | "admin"
  | "faults"
  | "deleteAdmin"
  | "deleteStaff"
  | "deleteFaults"
  | "deletePartial"
  | "longName"
  | "expired",
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
  paks: { bundleId: number; autoRenew: boolean; expired: boolean; qtyAvailable: number }[];
  mailboxes: { userName: string; bundleId: number }[];
}
const mailboxesOfPak = async (domain: string, bundleId: number) =>
  (await truth(domain)).mailboxes.filter((mailbox) => mailbox.bundleId === bundleId).map((m) => m.userName);
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
  // Enough generated domains for one of each kind the tests below need.
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, domainCount: 150 });
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
  const found: (TestDomain & { firstPakMailboxes: number; expiredWithMailboxes: boolean })[] = [];
  for (const name of candidates) {
    const state = await truth(name);
    if (state.mailboxes.length === 0) continue;
    found.push({
      name,
      paks: state.paks.map((pak) => ({
        bundleId: pak.bundleId,
        autoRenew: pak.autoRenew,
        expired: pak.expired,
      })),
      mailboxes: state.mailboxes.map((mailbox) => mailbox.userName),
      firstPakMailboxes: state.mailboxes.filter((mailbox) => mailbox.bundleId === state.paks[0]?.bundleId)
        .length,
      expiredWithMailboxes: state.paks.some(
        (pak) => pak.expired && state.mailboxes.some((mailbox) => mailbox.bundleId === pak.bundleId),
      ),
    });
  }
  const taken = new Set<string>();
  const take = (what: string, fits: (domain: (typeof found)[number]) => boolean): TestDomain => {
    const domain = found.find((candidate) => !taken.has(candidate.name) && fits(candidate));
    if (!domain) throw new Error(`The seeded world has no domain left for ${what}.`);
    taken.add(domain.name);
    return domain;
  };
  // A current first pak with at least two mailboxes, on a domain that keeps another pak.
  const deletable = (domain: (typeof found)[number]) =>
    domain.paks.length >= 2 && domain.paks[0]?.expired === false && domain.firstPakMailboxes >= 2;
  const onePak = (domain: (typeof found)[number]) =>
    domain.paks.length === 1 && domain.paks[0]?.expired === false;
  Object.assign(domains, {
    deleteAdmin: take("deleting as an admin", deletable),
    deleteStaff: take("deleting as staff", deletable),
    deleteFaults: take("eNom refusing a deletion", deletable),
    deletePartial: take("a partial deletion", deletable),
    expired: take("an expired pak with mailboxes", (domain) => domain.expiredWithMailboxes),
    own: take("a customer's own domain", onePak),
    limited: take("a limited customer", onePak),
    foreign: take("someone else's domain", onePak),
    staff: take("staff", onePak),
    admin: take("an admin", onePak),
    faults: take("faults", onePak),
    longName: take("a long mailbox name", onePak),
  });

  admin = await createTestUser({ email: "admin@paks.test", role: "admin" });
  staff = await createTestUser({ email: "staff@paks.test", role: "staff" });
  const northwind = await createTestCustomer("Northwind", [domains.own.name], {
    canCreateMailboxes: true,
    canManageMailboxes: true,
    canToggleAutoRenew: true,
  });
  customer = {
    ...(await createTestUser({ email: "nancy@northwind.test", role: "customer", customerId: northwind.id })),
    customer: {
      canCreateMailboxes: true,
      canManageMailboxes: true,
      canToggleAutoRenew: true,
      canPurchase: false,
      canRenew: false,
    },
  };
  const contoso = await createTestCustomer("Contoso", [domains.limited.name], {
    canCreateMailboxes: false,
    canManageMailboxes: false,
    canToggleAutoRenew: false,
  });
  viewer = {
    ...(await createTestUser({ email: "vic@contoso.test", role: "customer", customerId: contoso.id })),
    customer: {
      canCreateMailboxes: false,
      canManageMailboxes: false,
      canToggleAutoRenew: false,
      canPurchase: false,
      canRenew: false,
    },
  };
  // Someone else's: assigned to a third customer.
  await createTestCustomer("Fabrikam", [domains.foreign.name]);
  // The domains list reads the account mirror: fill it once, as the first start does.
  await runFullSync();
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

  it("shows a change in the domains list at once, reading only that domain from eNom again", async () => {
    signInAs(staff);
    const query = { ...DEFAULT_DOMAIN_LIST_QUERY, q: domains.staff.name };
    const pak = firstPak(domains.staff);
    await getAccountOverview(staff, query);
    // Reading the list asks eNom nothing: it is the mirror.
    expect(await callsSent()).toEqual([]);

    await setPakAutoRenewAction({
      domain: domains.staff.name,
      bundleId: pak.bundleId,
      autoRenew: !pak.autoRenew,
    });
    const sent = (await callsSent()).map((call) => call.command);
    // The write is read back into the mirror with the domain's own reads, never the account-wide lists.
    expect(sent).not.toContain("GETDOMAINS");
    expect(sent).not.toContain("GETPOPEXPIRATIONS");
    expect(sent).toContain("GETPOP3");
    await clearCalls();
    const after = await getAccountOverview(staff, query);
    expect(await callsSent()).toEqual([]);
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

  it.each([
    ["an admin", () => admin, () => domains.deleteAdmin],
    ["a staff member", () => staff, () => domains.deleteStaff],
  ])(
    "lets %s delete a pak: its mailboxes first, then the pak, each step audited",
    async (_who, who, where) => {
      const domain = where();
      const pak = firstPak(domain);
      const before = await truth(domain.name);
      const lost = await mailboxesOfPak(domain.name, pak.bundleId);
      signInAs(who());
      const result = await deletePakAction({
        domain: domain.name,
        bundleId: pak.bundleId,
        confirmation: domain.name,
      });
      expect(result).toEqual({
        ok: true,
        data: {
          bundleId: pak.bundleId,
          mailboxes: { deleted: lost, failed: [], unknown: [], notSent: [] },
          pak: "deleted",
          pakReason: null,
          left: null,
        },
        message: `Pak ${pak.bundleId} is deleted, with ${lost.length} mailboxes.`,
      });
      const after = await truth(domain.name);
      expect(after.paks.map((p) => p.bundleId)).not.toContain(pak.bundleId);
      expect(after.paks).toHaveLength(before.paks.length - 1);
      expect(after.mailboxes.filter((mailbox) => lost.includes(mailbox.userName))).toEqual([]);
      // eNom refuses DeletePOPPak while the pak has mailboxes: DeletePOP3 goes first, with every name.
      const writes = await writesSent();
      expect(writes.map((call) => call.command)).toEqual(["DELETEPOP3", "DELETEPOPPAK"]);
      expect(
        Object.entries(writes[0]?.params ?? {})
          .filter(([name]) => /^username\d+$/i.test(name))
          .map(([, value]) => value),
      ).toEqual(lost);
      const audit = await auditSinceMark();
      expect(audit.map((row) => [row.action, row.outcome, row.domain, row.pakId])).toEqual([
        ["mailbox.delete", "ok", domain.name, String(pak.bundleId)],
        ["pak.delete", "ok", domain.name, String(pak.bundleId)],
      ]);
      expect(audit[0]?.details).toMatchObject({ pakDeletion: true, deleted: lost });
      expect(audit[1]?.details).toMatchObject({ mailboxes: lost });
      for (const row of audit) expect(row.enomTrackingKey).toMatch(GUID);
    },
  );

  it("refuses, before sending anything, a pak with a mailbox name DeletePOP3 cannot take", async () => {
    const domain = domains.longName;
    const pak = firstPak(domain);
    const long = "seventeen-chars-x";
    await enom.client?.setUpPop3Users({
      domain: domain.name,
      bundleId: pak.bundleId,
      users: [{ userName: long, password: "Kq7-Vw2_Lpz" }],
    });
    await clearCalls();
    signInAs(staff);
    const result = await deletePakAction({
      domain: domain.name,
      bundleId: pak.bundleId,
      confirmation: domain.name,
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(
        new RegExp(
          `^Pak ${pak.bundleId} cannot be deleted here: .*at most 16 characters, and ${long} has more\\.`,
        ),
      );
    expect(await writesSent()).toEqual([]);
    expect(await mailboxesOfPak(domain.name, pak.bundleId)).toContain(long);
    expect((await auditSinceMark()).map((row) => [row.action, row.outcome, row.details])).toEqual([
      ["pak.delete", "failed", expect.objectContaining({ refused: true })],
    ]);
  });

  it("refuses, before sending anything, an expired pak with mailboxes", async () => {
    const domain = domains.expired;
    const state = await truth(domain.name);
    const pak = state.paks.find(
      (candidate) =>
        candidate.expired && state.mailboxes.some((mailbox) => mailbox.bundleId === candidate.bundleId),
    );
    if (!pak) throw new Error("no expired pak with mailboxes");
    const kept = await mailboxesOfPak(domain.name, pak.bundleId);
    signInAs(admin);
    const result = await deletePakAction({
      domain: domain.name,
      bundleId: pak.bundleId,
      confirmation: domain.name,
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(
        new RegExp(
          `^Pak ${pak.bundleId} expired on \\d{4}-\\d{2}-\\d{2}, and the email service deletes mailboxes only from a pak that is current\\.`,
        ),
      );
    expect(await writesSent()).toEqual([]);
    expect(await mailboxesOfPak(domain.name, pak.bundleId)).toEqual(kept);
  });

  it("keeps the pak, and says which mailboxes are left, when only some mailboxes are deleted", async () => {
    const domain = domains.deletePartial;
    const pak = firstPak(domain);
    const names = await mailboxesOfPak(domain.name, pak.bundleId);
    signInAs(staff);
    // eNom deletes the first name and refuses the rest.
    await armFault({ command: "DELETEPOP3", mode: "partial", message: "Mailbox is locked", times: 1 });
    const result = await deletePakAction({
      domain: domain.name,
      bundleId: pak.bundleId,
      confirmation: domain.name,
    });
    if (!result.ok) throw new Error(result.message);
    const [first, ...rest] = names;
    expect(result.data).toMatchObject({
      bundleId: pak.bundleId,
      mailboxes: { deleted: [first], unknown: [], notSent: [] },
      pak: "not-sent",
      left: rest,
    });
    expect(result.data.mailboxes.failed.map((entry) => entry.userName)).toEqual(rest);
    expect(result.data.pakReason).toBe(
      `${rest.length === 1 ? "1 mailbox is" : `${rest.length} mailboxes are`} still in the pak: ${rest.join(", ")}.`,
    );
    expect(result.message).toMatch(
      new RegExp(
        `^1 of ${names.length} mailboxes deleted, ${rest.length} refused\\. Pak ${pak.bundleId} was not deleted: `,
      ),
    );
    // DeletePOPPak is never sent while mailboxes remain.
    expect((await writesSent()).map((call) => call.command)).toEqual(["DELETEPOP3"]);
    const now = await truth(domain.name);
    expect(now.paks.map((p) => p.bundleId)).toContain(pak.bundleId);
    expect(await mailboxesOfPak(domain.name, pak.bundleId)).toEqual(rest);
    expect((await auditSinceMark()).map((row) => [row.action, row.outcome])).toEqual([
      ["mailbox.delete", "failed"],
      ["pak.delete", "failed"],
    ]);
  });

  it("says clearly when eNom refuses or does not answer DeletePOPPak, after the mailboxes went", async () => {
    signInAs(staff);
    const domain = domains.deleteFaults;
    const pak = firstPak(domain);
    const names = await mailboxesOfPak(domain.name, pak.bundleId);
    const input = { domain: domain.name, bundleId: pak.bundleId, confirmation: domain.name.toUpperCase() };

    await armFault({
      command: "DELETEPOPPAK",
      mode: "error",
      message: "Pak cannot be deleted now",
      times: 1,
    });
    const refused = await deletePakAction(input);
    if (!refused.ok) throw new Error(refused.message);
    expect(refused.data).toMatchObject({
      mailboxes: { deleted: names, failed: [], unknown: [], notSent: [] },
      pak: "failed",
      pakReason: "The email service refused this: Pak cannot be deleted now",
    });
    expect(refused.message).toBe(
      `Its ${names.length} mailboxes were deleted. Pak ${pak.bundleId} was not deleted. The email service refused this: Pak cannot be deleted now`,
    );
    expect((await truth(domain.name)).paks.map((p) => p.bundleId)).toContain(pak.bundleId);

    // The pak is empty now: a second try sends DeletePOPPak alone.
    await clearCalls();
    await armFault({ command: "DELETEPOPPAK", mode: "hang", times: 1 });
    const timedOut = await deletePakAction(input);
    if (!timedOut.ok) throw new Error(timedOut.message);
    expect(timedOut.data.pak).toBe("unknown");
    expect(timedOut.message).toMatch(/may or may not be deleted/);
    expect((await writesSent()).map((call) => call.command)).toEqual(["DELETEPOPPAK"]);

    expect((await auditSinceMark()).map((row) => [row.action, row.outcome])).toEqual([
      ["mailbox.delete", "ok"],
      ["pak.delete", "failed"],
      ["pak.delete", "unknown"],
    ]);
  });
});

describe("setCatchAllAction", () => {
  it.each([
    ["an admin", () => admin, () => domains.admin],
    ["a staff member", () => staff, () => domains.staff],
    ["a customer allowed to manage mailboxes, on its own domain", () => customer, () => domains.own],
  ])(
    "lets %s send unknown addresses to a mailbox of the domain or an outside address",
    async (_who, who, where) => {
      const domain = where();
      const mailbox = `${domain.mailboxes[0] ?? "info"}@${domain.name}`;
      signInAs(who());
      expect(await setCatchAllAction({ domain: domain.name, catchAll: mailbox })).toMatchObject({
        ok: true,
        data: { catchAll: mailbox },
      });
      expect((await truth(domain.name)).catchAll.toLowerCase()).toBe(mailbox.toLowerCase());
      expect(await setCatchAllAction({ domain: domain.name, catchAll: "desk@example.org" })).toMatchObject({
        ok: true,
        data: { catchAll: "desk@example.org" },
      });
      expect((await truth(domain.name)).catchAll).toBe("desk@example.org");
      // The domain page reads the account mirror, which shows the change at once.
      expect(await getDomainCatchAll(who(), domain.name)).toBe("desk@example.org");
      // SetCatchAll's ForwardTo is the full address, as its page shows.
      expect((await writesSent()).map((call) => call.params.ForwardTo ?? call.params.forwardto)).toEqual([
        mailbox,
        "desk@example.org",
      ]);
      const audit = await auditSinceMark();
      expect(audit.map((row) => [row.action, row.outcome, row.summary])).toEqual([
        ["domain.catchAll", "ok", `Set the catch-all of ${domain.name} to ${mailbox}`],
        ["domain.catchAll", "ok", `Set the catch-all of ${domain.name} to desk@example.org`],
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

  it("refuses what is not a full address, and empty (eNom documents no 'off'), before anything is sent", async () => {
    signInAs(staff);
    for (const catchAll of ["not an address!", "info", ""]) {
      const result = await setCatchAllAction({ domain: domains.staff.name, catchAll });
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { catchAll: [expect.stringMatching(/address/)] },
      });
    }
    expect(await callsSent()).toEqual([]);
  });

  it("passes on eNom's refusal, and a timeout, with the true outcome", async () => {
    signInAs(staff);
    await armFault({ command: "SETCATCHALL", mode: "error", message: "Domain is locked", times: 1 });
    const refused = await setCatchAllAction({ domain: domains.faults.name, catchAll: "desk@example.org" });
    expect(refused).toEqual({ ok: false, message: "The email service refused this: Domain is locked" });
    await armFault({ command: "SETCATCHALL", mode: "hang", times: 1 });
    const timedOut = await setCatchAllAction({ domain: domains.faults.name, catchAll: "desk@example.org" });
    expect(timedOut.ok ? "" : timedOut.message).toMatch(/may or may not have been made/);
    expect((await auditSinceMark()).map((row) => [row.outcome, row.enomError === null])).toEqual([
      ["failed", false],
      ["unknown", false],
    ]);
  });
});
