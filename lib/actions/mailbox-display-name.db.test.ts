import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDomainEmail } from "@/lib/domains/email";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { setMailboxDisplayNameAction } from "./mailboxes";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * Editing a mailbox's display name: the panel's own record (eNom takes one only at creation), so
 * nothing may reach eNom's write commands; every change and refusal is audited.
 */
const DOMAIN = "saffron-movers.biz"; // mailboxes in the simulator's seed, none named by the panel
const FOREIGN = "nutmeg-garage.co";
const WRITES = new Set(["SETUPPOP3USER", "MODIFYPOP3", "DELETEPOP3", "SETPOPFORWARDING", "PURCHASESERVICES"]);

let sim: RunningSimulator;
let staff: SessionUser;
let support: SessionUser;
let manager: SessionUser;
let viewer: SessionUser;
let userName: string;

async function writeCommandsSince(seq: number): Promise<string[]> {
  const response = await fetch(`${sim.origin}/_sim/calls?since=${seq}`);
  const { calls } = (await response.json()) as { calls: { command: string }[] };
  return calls.map((call) => call.command.toUpperCase()).filter((command) => WRITES.has(command));
}

async function lastSeq(): Promise<number> {
  const response = await fetch(`${sim.origin}/_sim/calls`);
  const { calls } = (await response.json()) as { calls: { seq: number }[] };
  return calls.reduce((max, call) => Math.max(max, call.seq), 0);
}

async function shownName(user: SessionUser, name = userName): Promise<string | null | undefined> {
  const view = await getDomainEmail(user, DOMAIN);
  return view.mailboxes.find((mailbox) => mailbox.userName.toLowerCase() === name.toLowerCase())?.displayName;
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 5_000 });
  staff = await createTestUser({ email: "staff@display-names.test", role: "staff" });
  support = await createTestUser({ email: "support@display-names.test", role: "support" });
  const allowed = await createTestCustomer("Saffron Movers", [DOMAIN], { canManageMailboxes: true });
  manager = await createTestUser({
    email: "office@saffron.test",
    role: "customer",
    customerId: allowed.id,
  });
  // A colleague of the same customer whose session says it may not manage mailboxes.
  const colleague = await createTestUser({
    email: "clerk@saffron.test",
    role: "customer",
    customerId: allowed.id,
  });
  viewer = {
    ...colleague,
    customer: {
      canCreateMailboxes: false,
      canManageMailboxes: false,
      canToggleAutoRenew: false,
      canPurchase: false,
      canRenew: false,
    },
  };
  const first = (await getDomainEmail(staff, DOMAIN)).mailboxes[0];
  if (!first) throw new Error(`The simulator's seed has no mailbox on ${DOMAIN}.`);
  userName = first.userName;
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => signInAs(null));

describe("editing a mailbox's display name", () => {
  it("staff set it: the grid's read shows it, eNom is not asked to change anything, and it is audited", async () => {
    expect(await shownName(staff)).toBeNull();
    const audit = await lastAuditId();
    const seq = await lastSeq();
    signInAs(staff);
    const saved = await setMailboxDisplayNameAction({
      domain: DOMAIN,
      userName,
      displayName: "  Front Desk ",
    });
    expect(saved).toMatchObject({
      ok: true,
      data: { userName, displayName: "Front Desk" },
      message: `${userName}@${DOMAIN} is shown as "Front Desk" in this panel.`,
    });
    expect(await shownName(staff)).toBe("Front Desk");
    expect(await writeCommandsSince(seq)).toEqual([]);

    const [entry] = (await auditAfter(audit)).filter((row) => row.action === "mailbox.display-name");
    expect(entry).toMatchObject({
      outcome: "ok",
      actorEmail: staff.email,
      domain: DOMAIN,
      mailbox: userName,
      details: { from: null, to: "Front Desk", sentToEnom: false },
    });
    expect(entry?.summary).toContain('not known → "Front Desk"');
  });

  it("a customer allowed to manage mailboxes renames one, and may clear it to show none", async () => {
    signInAs(manager);
    const renamed = await setMailboxDisplayNameAction({ domain: DOMAIN, userName, displayName: "Reception" });
    expect(renamed).toMatchObject({ ok: true });
    expect(JSON.stringify(renamed)).not.toMatch(/enom/i);
    expect(await shownName(manager)).toBe("Reception");

    const audit = await lastAuditId();
    const cleared = await setMailboxDisplayNameAction({ domain: DOMAIN, userName, displayName: "" });
    expect(cleared).toMatchObject({
      ok: true,
      message: `${userName}@${DOMAIN} is shown without a display name in this panel.`,
    });
    // Empty is known as "none", no longer "not known".
    expect(await shownName(manager)).toBe("");
    const [entry] = await auditAfter(audit);
    expect(entry).toMatchObject({ details: { from: "Reception", to: "" } });
  });

  it("a customer without 'manage mailboxes' is refused, audited, and nothing changes", async () => {
    signInAs(staff);
    await setMailboxDisplayNameAction({ domain: DOMAIN, userName, displayName: "Before" });
    const audit = await lastAuditId();
    signInAs(viewer);
    const refused = await setMailboxDisplayNameAction({ domain: DOMAIN, userName, displayName: "Sneaky" });
    expect(refused).toEqual({
      ok: false,
      message: "Your reseller has not enabled this for your account. Contact them to change it.",
    });
    expect(await shownName(staff)).toBe("Before");
    const entries = await auditAfter(audit);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "mailbox.display-name",
      outcome: "failed",
      actorEmail: viewer.email,
    });
  });

  it("refuses support, another customer's domain, a mailbox not on the domain and a bad name", async () => {
    signInAs(support);
    expect(
      await setMailboxDisplayNameAction({ domain: DOMAIN, userName, displayName: "Support was here" }),
    ).toMatchObject({ ok: false });

    signInAs(manager);
    expect(
      await setMailboxDisplayNameAction({ domain: FOREIGN, userName: "info", displayName: "Not mine" }),
    ).toEqual({ ok: false, message: "That domain was not found." });

    const audit = await lastAuditId();
    signInAs(staff);
    expect(
      await setMailboxDisplayNameAction({ domain: DOMAIN, userName: "nobody-here", displayName: "Ghost" }),
    ).toEqual({ ok: false, message: "This mailbox no longer exists." });
    expect(await auditAfter(audit)).toEqual([
      expect.objectContaining({ action: "mailbox.display-name", outcome: "failed", mailbox: "nobody-here" }),
    ]);

    const bad = await setMailboxDisplayNameAction({ domain: DOMAIN, userName, displayName: "Two\nlines" });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { displayName: ["A display name cannot contain line breaks or control characters."] },
    });
    const long = await setMailboxDisplayNameAction({ domain: DOMAIN, userName, displayName: "x".repeat(61) });
    expect(long).toMatchObject({
      ok: false,
      fieldErrors: { displayName: ["A display name has at most 60 characters."] },
    });
    expect(await shownName(staff)).toBe("Before");
  });
});
