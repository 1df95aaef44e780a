import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import * as tables from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { logger } from "@/lib/logger";
import * as account from "@/lib/validation/account";
import * as customers from "@/lib/validation/customers";
import * as mailboxes from "@/lib/validation/mailboxes";
import * as paks from "@/lib/validation/paks";
import * as purchases from "@/lib/validation/purchases";
import * as passwordReset from "@/lib/validation/password-reset";
import * as team from "@/lib/validation/team";
import * as users from "@/lib/validation/users";
import { brandingSchema } from "@/lib/branding/branding";
import { bulkAutoRenewSchema } from "@/lib/expirations/bulk-auto-renew";
import { lastAuditId } from "@/test/audit";
import { testEnom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { hostileInput, mutated, prototypePolluted } from "@/test/hostile";
import { signInAs } from "@/test/session-mock";
import { simHarness, WRITE_COMMANDS } from "@/test/sim-harness";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * Every server action (every export of every "use server" module in lib/actions, found by
 * reading the folder, so an action added tomorrow is covered too) called by a signed-in admin
 * with malformed and hostile input: it returns an ActionResult and never throws; what its schema
 * rejects comes back as `ok: false` with a specific message and changes nothing — no call to
 * eNom (the simulator's log), no row in any table, no audit entry. Where the input happened to be
 * valid the action may act; an action whose schema this file does not know is held to the weaker
 * rule: a refusal (`ok: false`) made no change in eNom and none in the database.
 */

const sources = import.meta.glob<string>(["./*.ts", "!./*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});
const modules = import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*.test.ts"], { eager: true });
const serverModules = Object.keys(sources).filter((path) =>
  /^\s*["']use server["']/.test(sources[path] ?? ""),
);

type Action = (...args: unknown[]) => Promise<unknown>;
const actions: [string, Action][] = serverModules.flatMap((path) =>
  Object.entries(modules[path] ?? {})
    .filter((entry): entry is [string, Action] => typeof entry[1] === "function")
    .map(([name, action]): [string, Action] => [name, action]),
);

/** What the schema-aware check knows per action: its schema and a valid input to mutate. */
interface Known {
  schema: z.ZodType;
  sample: Record<string, unknown>;
}

const NOBODY = "6f1d0c34-2b3a-4c5d-8e9f-0a1b2c3d4e5f";
const domain = "saffron-movers.biz";
const idempotencyKey = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";

const KNOWN: Record<string, Known> = {
  createMailboxesAction: {
    schema: mailboxes.createMailboxesSchema,
    sample: { domain, bundleId: 600018, mailboxes: [{ userName: "prop.one", password: "Harbor-7Lantern" }] },
  },
  setMailboxAdminAction: {
    schema: mailboxes.setMailboxAdminSchema,
    sample: { domain, userNames: ["office"], isAdmin: true },
  },
  resetMailboxPasswordsAction: {
    schema: mailboxes.resetMailboxPasswordsSchema,
    sample: { domain, items: [{ userName: "office", password: "Copper-9Meadow" }] },
  },
  deleteMailboxesAction: {
    schema: mailboxes.deleteMailboxesSchema,
    sample: { domain, userNames: ["office"] },
  },
  setMailboxForwardingAction: {
    schema: mailboxes.setMailboxForwardingSchema,
    sample: { domain, userName: "office", forwardTo: "desk@example.org", keepCopy: true },
  },
  removeMailboxForwardingAction: {
    schema: mailboxes.removeMailboxForwardingSchema,
    sample: { domain, userName: "office" },
  },
  setPakAutoRenewAction: {
    schema: paks.setPakAutoRenewSchema,
    sample: { domain, bundleId: 600018, autoRenew: true },
  },
  deletePakAction: {
    schema: paks.deletePakSchema,
    sample: { domain, bundleId: 600018, confirmation: domain },
  },
  // SetCatchAll's ForwardTo is a full address (set-catch-all.md); there is no "off".
  setCatchAllAction: { schema: paks.setCatchAllSchema, sample: { domain, catchAll: `office@${domain}` } },
  createStaffUserAction: {
    schema: users.createStaffUserSchema,
    sample: { email: "prop@staff.test", name: "Prop", role: "staff", passwordMode: "generate" },
  },
  disableUserAction: { schema: users.userTargetSchema, sample: { userId: NOBODY } },
  enableUserAction: { schema: users.userTargetSchema, sample: { userId: NOBODY } },
  resetUserPasswordAction: { schema: users.userTargetSchema, sample: { userId: NOBODY } },
  changeUserRoleAction: { schema: users.changeUserRoleSchema, sample: { userId: NOBODY, role: "admin" } },
  signOutEverywhereAction: { schema: users.userTargetSchema, sample: { userId: NOBODY } },
  unlockUserAction: { schema: users.userTargetSchema, sample: { userId: NOBODY } },
  createCustomerAction: { schema: customers.createCustomerSchema, sample: { name: "Prop customer" } },
  updateCustomerAction: {
    schema: customers.updateCustomerSchema,
    sample: { customerId: NOBODY, name: "Renamed" },
  },
  deleteCustomerAction: {
    schema: customers.deleteCustomerSchema,
    sample: { customerId: NOBODY, confirmName: "X" },
  },
  setCustomerDomainsAction: {
    schema: customers.setCustomerDomainsSchema,
    sample: { customerId: NOBODY, domains: [domain] },
  },
  createCustomerLoginAction: {
    schema: users.createCustomerLoginSchema,
    sample: { customerId: NOBODY, email: "prop@customer.test", name: "Prop" },
  },
  changeOwnPasswordAction: {
    schema: account.changePasswordSchema,
    sample: {
      currentPassword: "wrong-password-1",
      newPassword: "Another-Passw0rd",
      confirmPassword: "Another-Passw0rd",
    },
  },
  startTotpEnrollmentAction: {
    schema: account.startTotpEnrollmentSchema,
    sample: { currentPassword: "wrong-password-1" },
  },
  confirmTotpEnrollmentAction: {
    schema: account.confirmTotpSchema,
    sample: { code: "123456" },
  },
  regenerateRecoveryCodesAction: {
    schema: account.regenerateRecoveryCodesSchema,
    sample: { code: "123456" },
  },
  disableTotpAction: {
    schema: account.disableTotpSchema,
    sample: { currentPassword: "wrong" },
  },
  purchaseAction: {
    schema: purchases.purchaseSubmitSchema,
    sample: { idempotencyKey, request: { kind: "add-mailboxes", domain, bundleId: 600018, quantity: 2 } },
  },
  renewAction: {
    schema: purchases.renewSubmitSchema,
    sample: { idempotencyKey, request: { items: [{ domain, bundleId: 600018 }], years: 1 } },
  },
  checkAttemptAction: { schema: purchases.attemptKeySchema, sample: { key: idempotencyKey } },
  setAutoRenewBulkAction: {
    schema: bulkAutoRenewSchema,
    sample: { items: [{ domain, bundleId: 600018 }], autoRenew: true },
  },
  saveBrandingAction: {
    schema: brandingSchema,
    sample: { productName: "Prop", accentColor: "#2563eb", supportEmail: "", supportUrl: "", footerText: "" },
  },
  inviteColleagueAction: {
    schema: team.inviteColleagueSchema,
    sample: { email: "new@property.test", name: "New" },
  },
  resendInvitationAction: { schema: team.invitationTargetSchema, sample: { invitationId: NOBODY } },
  revokeInvitationAction: { schema: team.invitationTargetSchema, sample: { invitationId: NOBODY } },
  removeColleagueAction: { schema: team.colleagueTargetSchema, sample: { userId: NOBODY } },
  setColleagueAdminAction: { schema: team.colleagueAdminSchema, sample: { userId: NOBODY, admin: true } },
  revokeCustomerInvitationAction: {
    schema: team.customerInvitationTargetSchema,
    sample: { customerId: NOBODY, invitationId: NOBODY },
  },
  acceptInvitationAction: {
    schema: team.acceptInvitationSchema,
    sample: { token: "a".repeat(43), name: "New", password: "Another-Passw0rd", confirm: "Another-Passw0rd" },
  },
  requestPasswordResetAction: {
    schema: passwordReset.requestPasswordResetSchema,
    sample: { email: "x@property.test" },
  },
  resetPasswordAction: {
    schema: passwordReset.resetPasswordSchema,
    sample: { token: "a".repeat(43), password: "Another-Passw0rd", confirm: "Another-Passw0rd" },
  },
};

let sim: RunningSimulator;
const simulator = simHarness(() => sim);
let admin: SessionUser;

/** Every row of every table but the audit log (checked on its own), to compare before and after. */
async function snapshot(): Promise<string> {
  const db = await getDb();
  const all = [
    tables.users,
    tables.customers,
    tables.customerDomains,
    tables.appSettings,
    tables.purchaseAttempts,
    tables.customerInvitations,
    tables.passwordResetTokens,
    tables.renewalReminders,
  ];
  const rows = await Promise.all(all.map((table) => db.select().from(table)));
  return JSON.stringify(rows);
}

function isActionResult(value: unknown): value is { ok: boolean; message?: string } {
  return typeof value === "object" && value !== null && typeof (value as { ok?: unknown }).ok === "boolean";
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  testEnom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 5_000 });
  for (const level of ["error", "warn", "info"] as const)
    vi.spyOn(logger, level).mockImplementation(() => {});
  admin = await createTestUser({ email: "admin@property.test", role: "admin", password: "Admin-Passw0rd-1" });
  const customer = await createTestCustomer("Property Co", [domain]);
  await createTestUser({ email: "login@property.test", role: "customer", customerId: customer.id });
});

afterAll(async () => {
  signInAs(null);
  await sim?.close();
});

describe("every server action under hostile input", () => {
  it("finds the server actions of lib/actions", () => {
    const names = actions.map(([name]) => name);
    for (const name of [
      "createMailboxesAction",
      "setCatchAllAction",
      "createCustomerAction",
      "purchaseAction",
    ])
      expect(names).toContain(name);
    // Every action this file knows the schema of still exists under that name.
    for (const name of Object.keys(KNOWN)) expect(names).toContain(name);
  });

  it("mutates valid inputs: every sample passes its action's schema", () => {
    // A stale sample (a field renamed, an old password rule) would only test the schema's first refusal.
    const invalid = Object.entries(KNOWN)
      .filter(([, known]) => !known.schema.safeParse(known.sample).success)
      .map(([name, known]) => [name, known.schema.safeParse(known.sample).error?.issues[0]?.message]);
    expect(invalid).toEqual([]);
  });

  it.each(actions)(
    "%s returns an ActionResult, and what its schema rejects changes nothing",
    async (name, action) => {
      const known = KNOWN[name];
      // Enough runs that "most are refused" below holds by more than chance (about 80% are, per schema).
      const runs = known ? 30 : 12;
      const call = (input: unknown) => action(input);
      const input = known
        ? fc.oneof(mutated(known.sample), hostileInput(Object.keys(known.sample)))
        : hostileInput();
      let rejected = 0;
      // The state before each run: the state after the previous one (read once per run).
      let rows = await snapshot();
      let seq = await simulator.lastSeq();
      let auditId = await lastAuditId();
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          signInAs(admin);
          const valid = known ? known.schema.safeParse(value).success : null;
          let result: unknown;
          try {
            result = await call(value);
          } catch (error) {
            throw new Error(`${name} threw: ${String(error)}`);
          }
          const calls = await simulator.calls(seq);
          const rowsAfter = await snapshot();
          const auditAfterId = await lastAuditId();
          const [before, auditBefore] = [rows, auditId];
          [rows, auditId, seq] = [rowsAfter, auditAfterId, Math.max(seq, ...calls.map((entry) => entry.seq))];
          expect(isActionResult(result), "returns an ActionResult").toBe(true);
          if (!isActionResult(result)) return;
          if (!result.ok) {
            expect(result.message, "a refusal says why").toBeTruthy();
            expect(result.message, "bad input is not our fault").not.toMatch(/went wrong on our side/i);
          }
          if (valid === false) {
            rejected += 1;
            expect(result.ok, "rejects what its schema rejects").toBe(false);
            expect(calls, "asks eNom nothing").toEqual([]);
            expect(rowsAfter, "changes no row").toBe(before);
            expect(auditAfterId, "audits nothing").toBe(auditBefore);
          } else if (!result.ok) {
            const writes = calls.filter((entry) => WRITE_COMMANDS.has(entry.command) && entry.errCount === 0);
            expect(writes, "a refusal made no change in eNom").toEqual([]);
            expect(rowsAfter, "a refusal changes no row").toBe(before);
          }
          expect(prototypePolluted()).toBe(false);
        }),
        { numRuns: runs },
      );
      // The mutations reach the schema: many inputs are refused by it (a schema of no fields takes
      // any object). A third, not a half: a one-field schema such as a current password accepts
      // about half of the random strings, so "most" failed by chance about once in a few runs.
      if (known && Object.keys(known.sample).length > 0) expect(rejected).toBeGreaterThan(runs / 3);
    },
  );
});
