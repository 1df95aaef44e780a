import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { setPakNicknameAction } from "@/lib/actions/paks";
import { writeDomainRead } from "@/lib/mirror/queries";
import { auditAfter, lastAuditId } from "@/test/audit";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import {
  clearPakNickname,
  findPakNickname,
  listPakNicknames,
  listPakNicknamesOf,
  setPakNickname,
  withNicknames,
} from "./nicknames";

/**
 * Pak nicknames: stored per domain and BundleID, read for one domain or many, and set only by
 * staff through setPakNicknameAction (audited), never by a customer, whatever they may buy.
 */

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));

const OWN = "nick-own.example";
const OTHER = "nick-other.example";

let admin: SessionUser;
let staff: SessionUser;
let support: SessionUser;
/** Owns OWN and may buy for it: still not allowed to name paks. */
let customer: SessionUser;

async function mirrorDomain(domain: string, bundleIds: number[]) {
  await writeDomainRead({
    domain,
    readAt: new Date(),
    paks: bundleIds.map((bundleId) => ({
      bundleId,
      capacityGb: 5,
      quotaMb: 5120,
      purchased: 10,
      available: 10,
      expires: "2027-03-03",
      autoRenew: true,
      prodType: 38,
    })),
    mailboxes: [],
    forwards: [],
    readError: null,
  });
}

beforeAll(async () => {
  await mirrorDomain(OWN, [600070, 600071]);
  await mirrorDomain(OTHER, [700001]);
  admin = await createTestUser({ email: "nick-admin@panel.test", role: "admin" });
  staff = await createTestUser({ email: "nick-staff@panel.test", role: "staff" });
  support = await createTestUser({ email: "nick-support@panel.test", role: "support" });
  const company = await createTestCustomer("Nickname Customer", [OWN], { canPurchase: true });
  const login = await createTestUser({
    email: "nick-customer@customer.test",
    role: "customer",
    customerId: company.id,
  });
  customer = {
    ...login,
    customer: {
      canCreateMailboxes: true,
      canManageMailboxes: true,
      canToggleAutoRenew: true,
      canPurchase: true,
      canRenew: true,
    },
  };
});

beforeEach(async () => {
  signInAs(staff);
  for (const bundleId of [600070, 600071]) await clearPakNickname(OWN, bundleId);
  await clearPakNickname(OTHER, 700001);
});

describe("the nicknames store", () => {
  it("sets, replaces and clears a pak's nickname", async () => {
    await setPakNickname(OWN, 600070, "Sales team", staff.id);
    expect(await findPakNickname(OWN, 600070)).toBe("Sales team");
    await setPakNickname(OWN.toUpperCase(), 600070, "Support desk", admin.id);
    expect(await findPakNickname(OWN, 600070)).toBe("Support desk");
    expect(await clearPakNickname(OWN, 600070)).toBe(true);
    expect(await clearPakNickname(OWN, 600070)).toBe(false);
    expect(await findPakNickname(OWN, 600070)).toBeNull();
  });

  it("reads one domain's nicknames, or many domains' at once", async () => {
    await setPakNickname(OWN, 600070, "Sales team", staff.id);
    await setPakNickname(OWN, 600071, "Office", staff.id);
    await setPakNickname(OTHER, 700001, "Shop", staff.id);
    expect(await listPakNicknames(OWN)).toEqual(
      new Map([
        [600070, "Sales team"],
        [600071, "Office"],
      ]),
    );
    const many = await listPakNicknamesOf([OWN, OTHER, "none.example"]);
    expect(many.get(OTHER)).toEqual(new Map([[700001, "Shop"]]));
    expect(many.get(OWN)?.get(600071)).toBe("Office");
    expect(many.has("none.example")).toBe(false);
    expect(await listPakNicknamesOf([])).toEqual(new Map());
  });

  it("puts the nicknames on a view's paks", () => {
    const paks = withNicknames([{ bundleId: 1 }, { bundleId: 2 }], new Map([[2, "Sales"]]));
    expect(paks).toEqual([
      { bundleId: 1, nickname: null },
      { bundleId: 2, nickname: "Sales" },
    ]);
  });
});

describe("setPakNicknameAction", () => {
  it("lets staff name a pak, rename it and remove the name, each audited", async () => {
    const since = await lastAuditId();
    const named = await setPakNicknameAction({ domain: OWN, bundleId: 600070, nickname: "  Sales team " });
    expect(named).toMatchObject({ ok: true, data: { bundleId: 600070, nickname: "Sales team" } });
    expect(await findPakNickname(OWN, 600070)).toBe("Sales team");

    signInAs(admin);
    const renamed = await setPakNicknameAction({ domain: OWN, bundleId: "600070", nickname: "Support desk" });
    expect(renamed.ok).toBe(true);
    const removed = await setPakNicknameAction({ domain: OWN, bundleId: 600070, nickname: "" });
    expect(removed).toMatchObject({ ok: true, data: { nickname: null } });
    expect(await findPakNickname(OWN, 600070)).toBeNull();

    const entries = await auditAfter(since);
    expect(entries.map((entry) => [entry.action, entry.outcome, entry.actorEmail, entry.pakId])).toEqual([
      ["pak.nickname", "ok", staff.email, "600070"],
      ["pak.nickname", "ok", admin.email, "600070"],
      ["pak.nickname", "ok", admin.email, "600070"],
    ]);
    expect(entries[0]?.summary).toBe(`Named pak 600070 of ${OWN} "Sales team"`);
    expect(entries[1]?.details).toEqual({ before: "Sales team", after: "Support desk" });
    expect(entries[2]?.summary).toContain("Removed the nickname");
  });

  it("writes nothing when nothing changes", async () => {
    await setPakNickname(OWN, 600070, "Sales team", staff.id);
    const since = await lastAuditId();
    const same = await setPakNicknameAction({ domain: OWN, bundleId: 600070, nickname: "Sales team" });
    expect(same).toMatchObject({ ok: true, message: "Nothing to save: no changes." });
    expect(await auditAfter(since)).toEqual([]);
  });

  it("refuses a customer, even one who may buy for the domain, and audits the refusal", async () => {
    signInAs(customer);
    const since = await lastAuditId();
    const result = await setPakNicknameAction({ domain: OWN, bundleId: 600070, nickname: "Mine" });
    expect(result.ok).toBe(false);
    expect(await findPakNickname(OWN, 600070)).toBeNull();
    const [entry] = await auditAfter(since);
    expect(entry).toMatchObject({ action: "pak.nickname", outcome: "failed", actorEmail: customer.email });
    expect(entry?.details).toMatchObject({ refused: true });
  });

  it("answers a customer's try at someone else's domain with 'not found'", async () => {
    signInAs(customer);
    const result = await setPakNicknameAction({ domain: OTHER, bundleId: 700001, nickname: "Mine" });
    expect(result).toEqual({ ok: false, message: "That domain was not found." });
    expect(await findPakNickname(OTHER, 700001)).toBeNull();
  });

  it("refuses the support role", async () => {
    signInAs(support);
    const result = await setPakNicknameAction({ domain: OWN, bundleId: 600070, nickname: "Sales" });
    expect(result.ok).toBe(false);
    expect(await findPakNickname(OWN, 600070)).toBeNull();
  });

  it("refuses a pak the domain does not have", async () => {
    const result = await setPakNicknameAction({ domain: OWN, bundleId: 700001, nickname: "Shop" });
    expect(result).toEqual({ ok: false, message: "That pak was not found." });
    expect(await findPakNickname(OWN, 700001)).toBeNull();
    expect(await findPakNickname(OTHER, 700001)).toBeNull();
  });

  it.each([
    ["x".repeat(41), "A nickname has at most 40 characters."],
    ["Sales\nteam", "A nickname is one line of plain text: no line breaks, tabs or control characters."],
    ["Sales\tteam", "A nickname is one line of plain text: no line breaks, tabs or control characters."],
    ["Sales\u202eteam", "A nickname is one line of plain text: no line breaks, tabs or control characters."],
    ["   ", "Enter a nickname, or remove it."],
  ])("refuses the nickname %j with a clear message and changes nothing", async (nickname, message) => {
    await setPakNickname(OWN, 600070, "Sales team", staff.id);
    const since = await lastAuditId();
    const result = await setPakNicknameAction({ domain: OWN, bundleId: 600070, nickname });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.fieldErrors?.nickname).toEqual([message]);
    expect(await findPakNickname(OWN, 600070)).toBe("Sales team");
    expect(await auditAfter(since)).toEqual([]);
  });

  it("takes 40 characters, counting an emoji as one", async () => {
    const forty = `${"x".repeat(39)}📧`;
    const result = await setPakNicknameAction({ domain: OWN, bundleId: 600070, nickname: forty });
    expect(result.ok).toBe(true);
    expect(await findPakNickname(OWN, 600070)).toBe(forty);
  });
});
