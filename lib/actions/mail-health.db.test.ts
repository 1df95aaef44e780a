import { desc, gt } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { getMailFixPreview, getMailHealthView } from "@/lib/mail-health/queries";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { testEnom as enom } from "@/test/enom-mock";
import { applyMailFixAction, checkMailHealthAction } from "./mail-health";

/**
 * The mail-delivery check and its one-click fix against a real simulator and its DNS server: the
 * check reads real DNS answers; the fix writes every record back with SetHosts (which replaces
 * them all), keeps the ones it does not mean to change, refuses when the records changed since the
 * preview, and reads back a write whose answer was lost instead of sending it again.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));
const dns = vi.hoisted(() => ({ servers: [] as string[] }));
vi.mock("@/lib/mail-health/lookup", async (original) => {
  const actual = (await original()) as typeof import("@/lib/mail-health/lookup");
  return {
    ...actual,
    lookupMailDns: (domain: string, options: Parameters<typeof actual.lookupMailDns>[1] = {}) =>
      actual.lookupMailDns(domain, { timeoutMs: 1_000, tries: 1, ...options, servers: dns.servers }),
  };
});

interface SimHost {
  name: string;
  type: string;
  address: string;
  mxPref: number;
}
interface SimCall {
  command: string;
}

let sim: RunningSimulator;
let staff: SessionUser;
let support: SessionUser;
let customer: SessionUser;
/** A domain on eNom's DNS with eNom's MX and SPF but neither DKIM nor DMARC. */
let bare = "";
/** Another of the same kind, owned by the customer. */
let customersBare = "";
/** A domain whose DNS is elsewhere. */
let elsewhere = "";
/** A domain whose mail records are all as eNom publishes them. */
let green = "";

async function simJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${sim.origin}${path}`, init);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
const hostsOf = async (domain: string) =>
  (await simJson<{ hosts: SimHost[] }>(`/_sim/state/domain/${domain}`)).hosts;
const sentCommands = async () =>
  (await simJson<{ calls: SimCall[] }>("/_sim/calls")).calls.map((c) => c.command);
const clearCalls = () => simJson("/_sim/calls", { method: "DELETE" });

let auditMark = 0;
async function auditSince() {
  const db = await getDb();
  return db.select().from(auditLog).where(gt(auditLog.id, auditMark)).orderBy(auditLog.id);
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, dnsPort: 0, statePath: null, reset: true });
  dns.servers = [`127.0.0.1:${sim.dnsPort}`];
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 1_500 });
  const { paks } = await enom.client.getPopExpirations();
  const names = [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))].filter(
    (n) => n !== "resellerdocs.com",
  );
  const bareOnes: string[] = [];
  for (const name of names.sort()) {
    const hosts = await hostsOf(name);
    const has = (host: string, type: string) => hosts.some((r) => r.name === host && r.type === type);
    if (hosts.length === 0) elsewhere ||= name;
    else if (has("@", "MX") && !has("k1._domainkey", "CNAME") && !has("_dmarc", "TXT")) bareOnes.push(name);
    else if (
      has("k1._domainkey", "CNAME") &&
      has("_dmarc", "TXT") &&
      !hosts.some((r) => r.address.includes("example.net"))
    )
      green ||= name;
  }
  [bare = "", customersBare = ""] = bareOnes;
  if (!bare || !customersBare || !elsewhere || !green)
    throw new Error("The seeded world lacks a domain of each mail-DNS case.");

  staff = await createTestUser({ email: "staff@mail-health.test", role: "staff" });
  support = await createTestUser({ email: "support@mail-health.test", role: "support" });
  const owner = await createTestCustomer("Mail Health Co", [customersBare, elsewhere], {
    canManageMailboxes: true,
  });
  customer = await createTestUser({ email: "ann@mail-health.test", role: "customer", customerId: owner.id });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await clearCalls();
  const db = await getDb();
  const [row] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  auditMark = row?.id ?? 0;
});

describe("the mail-delivery check", () => {
  it("reads real DNS answers: all green where eNom's records are published", async () => {
    signInAs(staff);
    const result = await checkMailHealthAction({ domain: green });
    expect(result).toMatchObject({ ok: true, data: { status: "green", dnsAtProvider: true } });
  });

  it("finds DKIM and DMARC missing, and says what it means without naming eNom", async () => {
    signInAs(staff);
    const result = await checkMailHealthAction({ domain: bare });
    if (!result.ok) throw new Error(result.message);
    const byId = Object.fromEntries(result.data.checks.map((check) => [check.id, check]));
    expect(byId.mx?.status).toBe("green");
    expect(byId.spf?.status).toBe("green");
    expect(byId.dkim?.status).toBe("red");
    expect(byId.dmarc?.status).toBe("amber");
    expect(result.data.status).toBe("red");
    expect(JSON.stringify(result.data)).not.toMatch(/enom/i);
    // Pages read what was stored; nothing is asked of eNom for a view.
    await clearCalls();
    expect((await getMailHealthView(staff, bare)).status).toBe("red");
    expect(await sentCommands()).toEqual([]);
  });

  it("is the customer's only for its own domains, and support may check but not fix", async () => {
    signInAs(customer);
    expect(await checkMailHealthAction({ domain: bare })).toMatchObject({ ok: false });
    await expect(getMailHealthView(customer, bare)).rejects.toThrow(/not found/i);
    const own = await checkMailHealthAction({ domain: customersBare });
    expect(own).toMatchObject({ ok: true, data: { canFix: false } });
    signInAs(support);
    expect(await checkMailHealthAction({ domain: green })).toMatchObject({
      ok: true,
      data: { canFix: false },
    });
  });
});

describe("the one-click fix", () => {
  it("adds DKIM and DMARC, keeps every other record, audits before and after, and turns green", async () => {
    signInAs(staff);
    const before = await hostsOf(bare);
    const preview = await getMailFixPreview(staff, bare);
    if (preview.kind !== "set-hosts") throw new Error(`Expected a SetHosts plan, got ${preview.kind}`);
    expect(preview.add.map(({ record }) => `${record.name} ${record.type}`).sort()).toEqual([
      "_dmarc TXT",
      "k1._domainkey CNAME",
      "k2._domainkey CNAME",
    ]);
    expect(preview.change).toEqual([]);
    expect(preview.remove).toEqual([]);
    expect(preview.kept).toHaveLength(before.length);
    await clearCalls();

    const result = await applyMailFixAction({ domain: bare, fingerprint: preview.fingerprint });
    expect(result).toMatchObject({ ok: true, data: { status: "green" } });
    expect((await sentCommands()).filter((command) => command === "SETHOSTS")).toHaveLength(1);
    const after = await hostsOf(bare);
    // The unrelated A and TXT records (and every other) are still there, unchanged.
    for (const record of before)
      expect(after).toContainEqual(
        expect.objectContaining({ name: record.name, type: record.type, address: record.address }),
      );
    expect(after.some((r) => r.type === "A" && r.name === "@")).toBe(true);
    expect(after.some((r) => r.type === "TXT" && r.address.startsWith("site-verification="))).toBe(true);
    expect(after).toHaveLength(before.length + 3);

    const [entry] = (await auditSince()).filter((row) => row.action === "mailHealth.fix");
    expect(entry).toMatchObject({ outcome: "ok", domain: bare });
    expect((entry?.details as { before: unknown[]; after: unknown[] }).before).toHaveLength(before.length);
    expect((entry?.details as { before: unknown[]; after: unknown[] }).after).toHaveLength(before.length + 3);

    // Fixed: a second preview has nothing to do.
    const again = await getMailFixPreview(staff, bare);
    expect(again).toMatchObject({ kind: "set-hosts", empty: true });
  });

  it("writes nothing when the records changed since the preview", async () => {
    signInAs(staff);
    const result = await applyMailFixAction({ domain: customersBare, fingerprint: "stale-fingerprint" });
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/changed since the fix was shown/),
    });
    expect(await sentCommands()).not.toContain("SETHOSTS");
  });

  it("reads back a write whose answer was lost, and does not send it again", async () => {
    signInAs(staff);
    const preview = await getMailFixPreview(staff, customersBare);
    if (preview.kind !== "set-hosts") throw new Error("Expected a SetHosts plan");
    await simJson("/_sim/faults", {
      method: "POST",
      body: JSON.stringify({ command: "SETHOSTS", mode: "commit-then-drop", times: 1 }),
    });
    await clearCalls();
    const result = await applyMailFixAction({ domain: customersBare, fingerprint: preview.fingerprint });
    await simJson("/_sim/faults", { method: "DELETE" });
    expect(result).toMatchObject({ ok: true });
    expect((await sentCommands()).filter((command) => command === "SETHOSTS")).toHaveLength(1);
  });

  it("is refused to customers, and offers records to copy where the DNS is elsewhere", async () => {
    signInAs(customer);
    const preview = await getMailFixPreview(customer, elsewhere);
    expect(preview.kind).toBe("copy-records");
    if (preview.kind !== "copy-records") return;
    expect(preview.records.map((r) => `${r.name} ${r.type}`)).toEqual(
      expect.arrayContaining(["@ MX", "k1._domainkey CNAME", "k2._domainkey CNAME", "_dmarc TXT"]),
    );
    const refused = await applyMailFixAction({ domain: customersBare, fingerprint: "x" });
    expect(refused).toMatchObject({ ok: false });
    expect(await sentCommands()).not.toContain("SETHOSTS");

    signInAs(staff);
    expect(await applyMailFixAction({ domain: elsewhere, fingerprint: "x" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not hosted here/),
    });
  });
});
