import { desc, gt } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { auditLog, type AuditRow } from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import type { BulkAutoRenewResult } from "@/lib/expirations/bulk-auto-renew";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { testEnom as enom } from "@/test/enom-mock";
import { setAutoRenewBulkAction } from "./auto-renew";
import type { ActionResult } from "./result";

/**
 * The bulk auto-renew action against a real simulator: what each pak's answer says, what reaches
 * eNom (and what never does), and the audit entry each pak leaves.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

const TIMEOUT_MS = 1_500;
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

let sim: RunningSimulator;
let staff: SessionUser;
let customer: SessionUser;
let viewer: SessionUser;

interface TestPak {
  domain: string;
  bundleId: number;
}
/** One-pak domains of the seeded world, each used by one group of tests. */
let paks: TestPak[] = [];
const pakAt = (index: number): TestPak => {
  const pak = paks[index];
  if (!pak) throw new Error(`The seeded world has no pak #${index} for this test.`);
  return pak;
};

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
const writesSent = async () => (await callsSent()).filter((call) => call.command === "SETPAKRENEW");
const armFault = (fault: { command: string; mode: string; message?: string; times?: number }) =>
  simJson("/_sim/faults", { method: "POST", body: JSON.stringify(fault) });
const autoRenewOf = async (pak: TestPak) =>
  (
    await simJson<{ paks: { bundleId: number; autoRenew: boolean }[] }>(`/_sim/state/domain/${pak.domain}`)
  ).paks.find((candidate) => candidate.bundleId === pak.bundleId)?.autoRenew;

let auditMark = 0;
async function auditSinceMark(): Promise<AuditRow[]> {
  const db = await getDb();
  return db.select().from(auditLog).where(gt(auditLog.id, auditMark)).orderBy(auditLog.id);
}

function resultsOf(result: ActionResult<BulkAutoRenewResult>) {
  if (!result.ok) throw new Error(`expected the batch to run, got: ${result.message}`);
  return result.data.results;
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({
    baseUrl: sim.url,
    uid: "resellid",
    pw: "resellpw",
    timeoutMs: TIMEOUT_MS,
  });
  const { paks: all } = await enom.client.getPopExpirations();
  const perDomain = new Map<string, TestPak[]>();
  for (const pak of all) {
    const list = perDomain.get(pak.domainName) ?? [];
    list.push({ domain: pak.domainName, bundleId: pak.bundleId });
    perDomain.set(pak.domainName, list);
  }
  paks = [...perDomain.values()]
    .filter((list) => list.length === 1)
    .map((list) => list[0] as TestPak)
    .sort((a, b) => a.domain.localeCompare(b.domain));
  if (paks.length < 10) throw new Error("The seeded world has too few one-pak domains for this test.");
  // Every test pak starts with auto-renew on, so each test knows what it changes.
  for (const pak of paks.slice(0, 10)) await enom.client.setPakRenew({ ...pak, autoRenew: true });

  staff = await createTestUser({ email: "staff@bulk.test", role: "staff" });
  const northwind = await createTestCustomer("Northwind", [pakAt(6).domain, pakAt(7).domain], {
    canCreateMailboxes: false,
    canManageMailboxes: false,
    canToggleAutoRenew: true,
  });
  customer = {
    ...(await createTestUser({ email: "nancy@northwind.test", role: "customer", customerId: northwind.id })),
    customer: {
      canCreateMailboxes: false,
      canManageMailboxes: false,
      canToggleAutoRenew: true,
      canPurchase: false,
      canRenew: false,
    },
  };
  const contoso = await createTestCustomer("Contoso", [pakAt(9).domain], {
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
  await createTestCustomer("Fabrikam", [pakAt(8).domain]);
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await simJson("/_sim/faults", { method: "DELETE" });
  await simJson("/_sim/calls", { method: "DELETE" });
  const db = await getDb();
  const [row] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  auditMark = row?.id ?? 0;
  signInAs(null);
});

describe("setAutoRenewBulkAction", () => {
  it("turns auto-renew off and on for each selected pak, one audit entry with eNom's TrackingKey per pak", async () => {
    signInAs(staff);
    const selected = [pakAt(0), pakAt(1), pakAt(2)];
    const off = await setAutoRenewBulkAction({ items: selected, autoRenew: false });
    expect(off).toMatchObject({ ok: true, message: "Auto-renew is off for 3 paks." });
    expect(resultsOf(off)).toEqual(
      selected.map((pak) => ({ ...pak, ok: true, outcome: "ok", message: "Auto-renew is now off." })),
    );
    for (const pak of selected) expect(await autoRenewOf(pak)).toBe(false);

    // One GetPOP3 per domain (GetPOPExpirations carries no auto-renew), then one SetPakRenew per
    // pak, then each domain read once more into the account mirror, so the lists show the change.
    const calls = await callsSent();
    const firstWrite = Math.min(
      ...calls.filter((call) => call.command === "SETPAKRENEW").map((call) => call.seq),
    );
    const domainOf = (call: SimCall) =>
      `${call.params.SLD ?? call.params.sld}.${call.params.TLD ?? call.params.tld}`;
    const pop3 = calls.filter((call) => call.command === "GETPOP3");
    expect(calls.filter((call) => call.command === "GETPOPEXPIRATIONS")).toHaveLength(0);
    const domains = selected.map((pak) => pak.domain).sort();
    expect(
      pop3
        .filter((call) => call.seq < firstWrite)
        .map(domainOf)
        .sort(),
    ).toEqual(domains);
    expect(
      pop3
        .filter((call) => call.seq > firstWrite)
        .map(domainOf)
        .sort(),
    ).toEqual(domains);
    expect((await writesSent()).map((call) => Number(call.params.BundleID)).sort()).toEqual(
      selected.map((pak) => pak.bundleId).sort(),
    );

    const audit = await auditSinceMark();
    expect(audit.map((row) => [row.action, row.outcome, row.domain, row.pakId]).sort()).toEqual(
      selected.map((pak) => ["pak.autoRenew", "ok", pak.domain, String(pak.bundleId)]).sort(),
    );
    for (const row of audit) {
      expect(row.enomTrackingKey).toMatch(GUID);
      expect(row.details).toMatchObject({ from: true, to: false, bulk: true });
    }

    const on = await setAutoRenewBulkAction({ items: selected, autoRenew: true });
    expect(resultsOf(on).every((result) => result.ok)).toBe(true);
    for (const pak of selected) expect(await autoRenewOf(pak)).toBe(true);
  });

  it("sends nothing for a pak already set that way", async () => {
    signInAs(staff);
    const result = await setAutoRenewBulkAction({ items: [pakAt(0)], autoRenew: true });
    expect(resultsOf(result)).toEqual([
      { ...pakAt(0), ok: true, outcome: "ok", message: "Auto-renew was already on." },
    ]);
    expect(await writesSent()).toEqual([]);
    expect(await auditSinceMark()).toEqual([]);
  });

  it("refuses a pak sent with another domain, without writing it, and still does the rest", async () => {
    signInAs(staff);
    const forged = { domain: pakAt(3).domain, bundleId: pakAt(4).bundleId };
    const result = await setAutoRenewBulkAction({ items: [pakAt(5), forged], autoRenew: false });
    expect(resultsOf(result)).toEqual([
      { ...pakAt(5), ok: true, outcome: "ok", message: "Auto-renew is now off." },
      { ...forged, ok: false, outcome: "failed", message: "That pak was not found under this domain." },
    ]);
    expect((await writesSent()).map((call) => Number(call.params.BundleID))).toEqual([pakAt(5).bundleId]);
    expect(await autoRenewOf(pakAt(4))).toBe(true);
    const refusal = (await auditSinceMark()).find((row) => row.outcome === "failed");
    expect(refusal).toMatchObject({
      domain: forged.domain,
      pakId: String(forged.bundleId),
      details: { refused: true, bulk: true },
    });
    await setAutoRenewBulkAction({ items: [pakAt(5)], autoRenew: true });
  });

  it("reports a pak eNom refuses as failed, with eNom's words in the audit log, and the others as done", async () => {
    signInAs(staff);
    const selected = [pakAt(0), pakAt(1), pakAt(2)];
    await armFault({ command: "SETPAKRENEW", mode: "error", message: "Pak is locked for billing", times: 1 });
    const results = resultsOf(await setAutoRenewBulkAction({ items: selected, autoRenew: false }));
    const failed = results.filter((result) => !result.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      outcome: "failed",
      message: "The email service refused this: Pak is locked for billing",
    });
    for (const result of results) expect(await autoRenewOf(result)).toBe(!result.ok);
    const audit = await auditSinceMark();
    expect(audit.map((row) => row.outcome).sort()).toEqual(["failed", "ok", "ok"]);
    expect(audit.find((row) => row.outcome === "failed")).toMatchObject({
      enomError: "Pak is locked for billing",
      pakId: String(failed[0]?.bundleId),
    });
    await setAutoRenewBulkAction({ items: selected, autoRenew: true });
  });

  it("reports a pak whose answer was lost as unknown, though eNom made the change", async () => {
    signInAs(staff);
    const selected = [pakAt(0), pakAt(1)];
    await armFault({ command: "SETPAKRENEW", mode: "commit-then-drop", times: 1 });
    const result = await setAutoRenewBulkAction({ items: selected, autoRenew: false });
    const results = resultsOf(result);
    const unknown = results.filter((item) => item.outcome === "unknown");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.message).toMatch(/may or may not have been made/);
    expect(result.ok && result.message).toMatch(/1 pak not confirmed/);
    for (const pak of selected) expect(await autoRenewOf(pak)).toBe(false);
    const audit = await auditSinceMark();
    expect(audit.map((row) => row.outcome).sort()).toEqual(["ok", "unknown"]);
    expect(audit.find((row) => row.outcome === "unknown")?.summary).toMatch(/not confirmed/);
    await setAutoRenewBulkAction({ items: selected, autoRenew: true });
  });

  it("changes nothing when the paks cannot be read first", async () => {
    signInAs(staff);
    await armFault({ command: "GETPOP3", mode: "error", message: "Try later", times: 1 });
    const result = await setAutoRenewBulkAction({ items: [pakAt(0)], autoRenew: false });
    expect(result).toEqual({
      ok: false,
      message: "The email service refused this: Try later. Nothing was changed.",
    });
    expect(await writesSent()).toEqual([]);
    expect((await auditSinceMark()).map((row) => [row.outcome, row.domain])).toEqual([
      ["failed", pakAt(0).domain],
    ]);
  });

  it("changes nothing on a domain that cannot be read, and still does the others", async () => {
    signInAs(staff);
    await armFault({ command: "GETPOP3", mode: "error", message: "Try later", times: 1 });
    // Domains are read a few at a time: whichever read reaches eNom first fails.
    const result = await setAutoRenewBulkAction({ items: [pakAt(0), pakAt(1)], autoRenew: false });
    const results = resultsOf(result);
    const failed = results.filter((item) => !item.ok);
    const done = results.filter((item) => item.ok);
    expect(failed).toEqual([
      expect.objectContaining({
        outcome: "failed",
        message: "The email service refused this: Try later. Nothing was changed.",
      }),
    ]);
    expect(done).toEqual([expect.objectContaining({ outcome: "ok", message: "Auto-renew is now off." })]);
    for (const item of failed) expect(await autoRenewOf(item)).toBe(true);
    for (const item of done) expect(await autoRenewOf(item)).toBe(false);
    expect((await writesSent()).map((call) => Number(call.params.BundleID))).toEqual(
      done.map((item) => item.bundleId),
    );
    await setAutoRenewBulkAction({ items: [pakAt(0), pakAt(1)], autoRenew: true });
  });

  it("lets a customer change its own paks", async () => {
    signInAs(customer);
    const own = [pakAt(6), pakAt(7)];
    const result = await setAutoRenewBulkAction({ items: own, autoRenew: false });
    expect(resultsOf(result).every((item) => item.ok)).toBe(true);
    for (const pak of own) expect(await autoRenewOf(pak)).toBe(false);
    expect((await auditSinceMark()).map((row) => row.actorEmail)).toEqual([customer.email, customer.email]);
    await setAutoRenewBulkAction({ items: own, autoRenew: true });
  });

  it("tells a customer that a domain not theirs does not exist, and sends nothing at all", async () => {
    signInAs(customer);
    const result = await setAutoRenewBulkAction({ items: [pakAt(6), pakAt(8)], autoRenew: false });
    expect(result).toEqual({ ok: false, message: "That domain was not found." });
    expect(await callsSent()).toEqual([]);
    expect(await autoRenewOf(pakAt(6))).toBe(true);
    expect(await auditSinceMark()).toMatchObject([
      { action: "pak.autoRenew", outcome: "failed", domain: pakAt(8).domain, details: { refused: true } },
    ]);
  });

  it("refuses a customer its reseller has not allowed to, before anything is sent", async () => {
    signInAs(viewer);
    const result = await setAutoRenewBulkAction({ items: [pakAt(9)], autoRenew: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/has not enabled this/);
    expect(await callsSent()).toEqual([]);
  });

  it("checks the selection before anything is sent", async () => {
    signInAs(staff);
    const empty = await setAutoRenewBulkAction({ items: [], autoRenew: false });
    expect(empty.ok || empty.fieldErrors?.items).toEqual(["Select at least one pak."]);
    const many = Array.from({ length: 201 }, (_, i) => ({ domain: `d${i}.com`, bundleId: i + 1 }));
    const tooMany = await setAutoRenewBulkAction({ items: many, autoRenew: false });
    expect(tooMany.ok || tooMany.fieldErrors?.items).toEqual(["Select at most 200 paks at a time."]);
    const twice = await setAutoRenewBulkAction({ items: [pakAt(0), pakAt(0)], autoRenew: false });
    expect(twice.ok || twice.fieldErrors?.items).toEqual(["Each pak may be listed once."]);
    const bad = await setAutoRenewBulkAction({
      items: [{ domain: "not a domain", bundleId: "x" }],
      autoRenew: "no",
    });
    expect(bad.ok || Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
      "autoRenew",
      "items.0.bundleId",
      "items.0.domain",
    ]);
    expect(await callsSent()).toEqual([]);
  });
});
