import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { READ_ONLY_REFUSAL } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import * as tables from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { logger } from "@/lib/logger";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { simHarness } from "@/test/sim-harness";
import {
  createMailboxesAction,
  deleteMailboxesAction,
  removeMailboxForwardingAction,
  resetMailboxPasswordsAction,
  setMailboxAdminAction,
  setMailboxForwardingAction,
} from "./mailboxes";
import { setCatchAllAction } from "./paks";
import type { ActionResult } from "./result";
import { readOnlyMayRun } from "./safe-action";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * The permission matrix (issue 14): the customer's mailbox allowance split in two ("create
 * mailboxes"; "reset passwords, delete mailboxes and make administrators"), and the read-only
 * support role. Every mailbox action × admin, staff, support and a customer with each allowance
 * is allowed or refused as designed; every other server action refuses support before anything.
 */

// One domain (pak 600018 in the seed), given to each customer in turn: one owner at a time.
const DOMAIN = "saffron-movers.biz";
const PAK = 600018;
const NOT_ENABLED = "Your reseller has not enabled this for your account. Contact them to change it.";

let sim: RunningSimulator;
const simulator = simHarness(() => sim);
let counter = 0;

const actors: Record<string, SessionUser> = {};

async function customerWith(allowances: {
  canCreateMailboxes: boolean;
  canManageMailboxes: boolean;
}): Promise<SessionUser> {
  counter += 1;
  const customer = await createTestCustomer(`Matrix ${counter}`, [], allowances);
  const user = await createTestUser({
    email: `c${counter}@matrix.test`,
    role: "customer",
    customerId: customer.id,
  });
  return { ...user, customerName: customer.name, customer: { ...NO_ALLOWANCES, ...allowances } };
}

const NO_ALLOWANCES = {
  canCreateMailboxes: false,
  canManageMailboxes: false,
  canToggleAutoRenew: false,
  canPurchase: false,
  canRenew: false,
};

async function giveDomainTo(user: SessionUser): Promise<void> {
  const db = await getDb();
  await db.delete(tables.customerDomains);
  if (user.customerId)
    await db.insert(tables.customerDomains).values({ customerId: user.customerId, domain: DOMAIN });
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  testEnom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 5_000 });
  for (const level of ["error", "warn", "info"] as const)
    vi.spyOn(logger, level).mockImplementation(() => {});
  actors.admin = await createTestUser({ email: "admin@matrix.test", role: "admin" });
  actors.staff = await createTestUser({ email: "staff@matrix.test", role: "staff" });
  actors.support = await createTestUser({ email: "support@matrix.test", role: "support" });
  actors.createOnly = await customerWith({ canCreateMailboxes: true, canManageMailboxes: false });
  actors.manageOnly = await customerWith({ canCreateMailboxes: false, canManageMailboxes: true });
  actors.both = await customerWith({ canCreateMailboxes: true, canManageMailboxes: true });
  actors.neither = await customerWith({ canCreateMailboxes: false, canManageMailboxes: false });
});

afterAll(async () => {
  signInAs(null);
  await sim?.close();
});

type Kind = "create" | "manage";

/** Each mailbox action, with an input that passes the schema, and which allowance it needs. */
const MAILBOX_ACTIONS: [string, Kind, () => Promise<ActionResult<unknown>>][] = [
  [
    "create a mailbox",
    "create",
    () => {
      counter += 1;
      return createMailboxesAction({
        domain: DOMAIN,
        bundleId: PAK,
        mailboxes: [{ userName: `matrix${counter}`, password: "Harbor-7Lantern" }],
      });
    },
  ],
  [
    "make a mailbox administrator",
    "manage",
    () => setMailboxAdminAction({ domain: DOMAIN, userNames: ["nobody-here"], isAdmin: true }),
  ],
  [
    "reset a mailbox password",
    "manage",
    () =>
      resetMailboxPasswordsAction({
        domain: DOMAIN,
        items: [{ userName: "nobody-here", password: "Copper-9Meadow" }],
      }),
  ],
  ["delete a mailbox", "manage", () => deleteMailboxesAction({ domain: DOMAIN, userNames: ["nobody-here"] })],
  [
    "forward a mailbox",
    "manage",
    () =>
      setMailboxForwardingAction({
        domain: DOMAIN,
        userName: "nobody-here",
        forwardTo: "x@example.org",
        keepCopy: true,
      }),
  ],
  [
    "stop a mailbox's forwarding",
    "manage",
    () => removeMailboxForwardingAction({ domain: DOMAIN, userName: "nobody-here" }),
  ],
  ["set the catch-all", "manage", () => setCatchAllAction({ domain: DOMAIN, catchAll: "x@example.org" })],
];

/** Who may do which kind: anything else is refused with the actor's own message. */
const MAY: Record<string, { create: boolean; manage: boolean; refusal: string }> = {
  admin: { create: true, manage: true, refusal: "" },
  staff: { create: true, manage: true, refusal: "" },
  support: { create: false, manage: false, refusal: READ_ONLY_REFUSAL },
  createOnly: { create: true, manage: false, refusal: NOT_ENABLED },
  manageOnly: { create: false, manage: true, refusal: NOT_ENABLED },
  both: { create: true, manage: true, refusal: NOT_ENABLED },
  neither: { create: false, manage: false, refusal: NOT_ENABLED },
};

const CASES = MAILBOX_ACTIONS.flatMap(([action, kind, call]) =>
  Object.entries(MAY).map(([actor, may]) => [actor, action, may[kind], may.refusal, call] as const),
);

describe("the mailbox permission matrix", () => {
  it.each(CASES)("%s: %s → allowed %s", async (actor, _action, allowed, refusal, call) => {
    const user = actors[actor];
    if (!user) throw new Error(`no actor ${actor}`);
    await giveDomainTo(user);
    signInAs(user);
    const seq = await simulator.lastSeq();
    const auditId = await lastAuditId();
    const result = await call();
    if (allowed) {
      // Past the permission: whatever eNom or the checks answer next, it is not a refusal of the role.
      expect(result.message).not.toBe(NOT_ENABLED);
      expect(result.message).not.toBe(READ_ONLY_REFUSAL);
      expect(result.message ?? "").not.toMatch(/role does not allow/);
      return;
    }
    expect(result).toEqual({ ok: false, message: refusal });
    expect(await simulator.writesSince(seq), "no write reached eNom").toEqual([]);
    expect(await auditAfter(auditId)).toContainEqual(
      expect.objectContaining({
        actorEmail: user.email,
        outcome: "failed",
        details: expect.objectContaining({ refused: true }),
      }),
    );
  });
});

/** Every export of every "use server" module: the actions a forged request can reach. */
const SOURCES = import.meta.glob<string>(["./*.ts", "!./*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});
const MODULES = import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*.test.ts"], { eager: true });

/** What support may still call: its own account, the reads, and the public token flows. */
const SUPPORT_MAY_CALL = new Set([
  "changeOwnPasswordAction",
  "startTotpEnrollmentAction",
  "confirmTotpEnrollmentAction",
  "regenerateRecoveryCodesAction",
  "disableTotpAction",
  // Asks eNom what became of an unknown order and records it: never a new order.
  "checkAttemptAction",
  // Starts a read-only look at a customer's portal (audited): changes nothing of the account.
  "startPortalPreviewAction",
  // Checks a domain's mail delivery (DNS lookups and eNom reads): changes nothing of the account.
  "checkMailHealthAction",
  "acceptInvitationAction",
  "requestPasswordResetAction",
  "resetPasswordAction",
]);

function serverActions(): [string, (...args: unknown[]) => Promise<ActionResult<unknown>>][] {
  return Object.entries(SOURCES)
    .filter(([, source]) => /^\s*["']use server["']/.test(source))
    .flatMap(([path]) => Object.entries(MODULES[path] ?? {}))
    .filter(
      (entry): entry is [string, (...args: unknown[]) => Promise<ActionResult<unknown>>] =>
        typeof entry[1] === "function",
    );
}

describe("the support role", () => {
  it("is refused by every server action that changes something, before its input is even read", async () => {
    const support = actors.support;
    if (!support) throw new Error("no support user");
    signInAs(support);
    const actions = serverActions();
    expect(actions.length).toBeGreaterThan(40);
    const seq = await simulator.lastSeq();
    const refusedBy: string[] = [];
    for (const [name, action] of actions) {
      if (SUPPORT_MAY_CALL.has(name)) continue;
      // Any input at all: the refusal comes first.
      const result = await action({});
      expect(result, name).toEqual({ ok: false, message: READ_ONLY_REFUSAL });
      refusedBy.push(name);
    }
    expect(refusedBy.length).toBeGreaterThanOrEqual(30);
    expect(await simulator.writesSince(seq)).toEqual([]);
  });

  it("keeps its own account: the gate lets those names through, and no other by name", () => {
    for (const name of ["account.password-change", "account.totp-start"])
      expect(readOnlyMayRun(name), name).toBe(true);
    for (const name of [
      // Reads are GET routes now; the one action support keeps says so in its spec.
      "pak.purchase.view",
      "pak.purchase.check",
      "settings.prices.view",
      "mailbox.create",
      "pak.purchase",
      "pak.renew",
      "user.change-role",
      "customer.update",
      "team.invite",
    ])
      expect(readOnlyMayRun(name), name).toBe(false);
  });

  it("may still use its own account forms", async () => {
    const support = actors.support;
    if (!support) throw new Error("no support user");
    signInAs(support);
    const { changeOwnPasswordAction } = await import("./account");
    const result = await changeOwnPasswordAction({});
    expect(result.message).not.toBe(READ_ONLY_REFUSAL);
  });
});
