import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { READ_ONLY_REFUSAL } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findCustomer, listCustomerDomains } from "@/lib/customers/queries";
import { findUserById, listCustomerUsers, updateUser } from "@/lib/users/queries";
import { customers, type CustomerRow } from "@/lib/db/schema";
import { listAccountDomainNames } from "@/lib/domains/account-domains";
import {
  acceptInvitation,
  createInvitation,
  listOpenInvitationsWithInviter,
  lookUpInvitation,
} from "@/lib/team/invitations";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import {
  createCustomerAction,
  createCustomerLoginAction,
  deleteCustomerAction,
  revokeCustomerInvitationAction,
  setCustomerDomainsAction,
  updateCustomerAction,
} from "./customers";
import { DUPLICATE_EMAIL } from "./logins";
import type { ActionResult } from "./result";
import { disableUserAction, resetUserPasswordAction } from "./users";
import { auditAfter, lastAuditId } from "@/test/audit";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/domains/account-domains", () => ({ listAccountDomainNames: vi.fn() }));

/** The eNom account's domains, as the mocked eNom client lists them. */
const ACCOUNT_DOMAINS = [
  "alpha.test",
  "bravo.test",
  "charlie.test",
  "delta.test",
  "echo.test",
  "foxtrot.test",
  "golf.test",
];
const accountDomains = vi.mocked(listAccountDomainNames);

let counter = 0;
const unique = (name: string) => `${name}-${(counter += 1)}`;
const email = (name: string) => `${unique(name)}@customer.test`;

let admin: SessionUser;
let staff: SessionUser;

async function customerState(id: string) {
  return {
    customer: await findCustomer(id),
    domains: await listCustomerDomains(id),
    logins: await listCustomerUsers(id),
  };
}

function fields(overrides: Record<string, unknown> = {}) {
  return {
    name: unique("Customer"),
    contactName: "Pat Doe",
    contactEmail: "pat@example.org",
    contactPhone: "+1 555 0100",
    notes: "",
    ...overrides,
  };
}

beforeAll(async () => {
  admin = await createTestUser({ email: email("admin"), role: "admin" });
  staff = await createTestUser({ email: email("staff"), role: "staff" });
});

beforeEach(() => {
  accountDomains.mockReset();
  accountDomains.mockResolvedValue(ACCOUNT_DOMAINS);
});

interface CustomerCase {
  name: string;
  audit: string;
  run: (input: unknown) => Promise<ActionResult<unknown>>;
  input: (customer: CustomerRow) => Record<string, unknown>;
}

const cases: CustomerCase[] = [
  {
    name: "update",
    audit: "customer.update",
    run: updateCustomerAction,
    input: (c) => ({ customerId: c.id, ...fields({ name: c.name }), canPurchase: "on" }),
  },
  {
    name: "delete",
    audit: "customer.delete",
    run: deleteCustomerAction,
    input: (c) => ({ customerId: c.id, confirmName: c.name }),
  },
  {
    name: "assign domains to",
    audit: "customer.set-domains",
    run: setCustomerDomainsAction,
    input: (c) => ({ customerId: c.id, domains: [] }),
  },
  {
    name: "add a login to",
    audit: "customer.create-login",
    run: createCustomerLoginAction,
    input: (c) => ({ customerId: c.id, email: email("login"), name: "New Login" }),
  },
];

describe("the permission matrix of the customer actions", () => {
  for (const action of cases) {
    it(`admin and staff may ${action.name} a customer`, async () => {
      for (const actor of [admin, staff]) {
        const customer = await createTestCustomer(unique("Target"), [`${unique("own")}.test`]);
        const before = await customerState(customer.id);
        const auditMark = await lastAuditId();
        signInAs(actor);
        const result = await action.run(action.input(customer));
        expect(result).toMatchObject({ ok: true });
        expect(await customerState(customer.id)).not.toEqual(before);
        const audits = await auditAfter(auditMark);
        expect(audits).toHaveLength(1);
        expect(audits[0]).toMatchObject({
          action: action.audit,
          outcome: "ok",
          targetCustomerId: customer.id,
          actorEmail: actor.email,
        });
      }
    });

    it(`support may not ${action.name} a customer: it changes nothing`, async () => {
      const support = await createTestUser({ email: email("support"), role: "support" });
      const customer = await createTestCustomer(unique("Target"), [`${unique("own")}.test`]);
      const before = await customerState(customer.id);
      const auditMark = await lastAuditId();
      signInAs(support);
      expect(await action.run(action.input(customer))).toEqual({ ok: false, message: READ_ONLY_REFUSAL });
      expect(await customerState(customer.id)).toEqual(before);
      expect(await auditAfter(auditMark)).toMatchObject([
        { action: action.audit, outcome: "failed", actorEmail: support.email },
      ]);
    });

    it(`a customer's login may ${action.name} neither its own customer nor another: "not found"`, async () => {
      const own = await createTestCustomer(unique("Own"), [`${unique("own")}.test`]);
      const other = await createTestCustomer(unique("Other"), [`${unique("other")}.test`]);
      const login = await createTestUser({ email: email("portal"), role: "customer", customerId: own.id });
      for (const customer of [other, own]) {
        const before = await customerState(customer.id);
        const auditMark = await lastAuditId();
        signInAs(login);
        const result = await action.run(action.input(customer));
        expect(result).toEqual({ ok: false, message: "That customer was not found." });
        expect(await customerState(customer.id)).toEqual(before);
        const audits = await auditAfter(auditMark);
        expect(audits).toHaveLength(1);
        expect(audits[0]).toMatchObject({ action: action.audit, outcome: "failed", actorEmail: login.email });
      }
    });
  }

  it("lets admin and staff add a customer, and not a customer's login", async () => {
    for (const actor of [admin, staff]) {
      signInAs(actor);
      const result = await createCustomerAction(fields({ canManageMailboxes: "on", canRenew: "on" }));
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) continue;
      expect(await findCustomer(result.data.customerId)).toMatchObject({
        contactEmail: "pat@example.org",
        canManageMailboxes: true,
        canToggleAutoRenew: false,
        canPurchase: false,
        canRenew: true,
      });
    }
    const own = await createTestCustomer(unique("Own"));
    const login = await createTestUser({ email: email("portal"), role: "customer", customerId: own.id });
    signInAs(login);
    const name = unique("Sneaky");
    const auditMark = await lastAuditId();
    expect(await createCustomerAction(fields({ name }))).toEqual({
      ok: false,
      message: "That customer was not found.",
    });
    const db = await getDb();
    expect(await db.select().from(customers).where(eq(customers.name, name))).toHaveLength(0);
    expect(await auditAfter(auditMark)).toMatchObject([{ action: "customer.create", outcome: "failed" }]);
  });

  it("answers an unknown customer as not found", async () => {
    signInAs(staff);
    expect(await updateCustomerAction({ customerId: crypto.randomUUID(), ...fields() })).toEqual({
      ok: false,
      message: "That customer was not found.",
    });
  });
});

describe("editing a customer", () => {
  it("saves contact details and allowances, and logs what changed without the notes' text", async () => {
    const customer = await createTestCustomer(unique("Edit"));
    signInAs(staff);
    const auditMark = await lastAuditId();
    const result = await updateCustomerAction({
      customerId: customer.id,
      ...fields({
        name: customer.name,
        notes: "Pays late; call before renewing",
        canToggleAutoRenew: "on",
        canPurchase: "on",
      }),
    });
    expect(result).toMatchObject({ ok: true });
    expect(await findCustomer(customer.id)).toMatchObject({
      notes: "Pays late; call before renewing",
      canManageMailboxes: false,
      canToggleAutoRenew: true,
      canPurchase: true,
      canRenew: false,
    });
    const [audit] = await auditAfter(auditMark);
    expect(audit?.details).toMatchObject({
      changes: {
        canPurchase: { from: false, to: true },
        canManageMailboxes: { from: true, to: false },
        notes: "changed",
      },
    });
    expect(JSON.stringify(audit)).not.toContain("Pays late");
  });

  it("shows field errors for a bad contact email and an empty name", async () => {
    const customer = await createTestCustomer(unique("Bad"));
    signInAs(staff);
    const result = await updateCustomerAction({
      customerId: customer.id,
      ...fields({ name: " ", contactEmail: "not an email" }),
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        name: ["Enter the customer's name."],
        contactEmail: ["Enter a valid email address, or leave it empty."],
      },
    });
  });
});

describe("deleting a customer", () => {
  it("needs the customer's name typed exactly, then removes its logins and domain assignments", async () => {
    const customer = await createTestCustomer(unique("Gone"), [`${unique("gone")}.test`]);
    const login = await createTestUser({ email: email("gone"), role: "customer", customerId: customer.id });
    signInAs(staff);
    expect(
      await deleteCustomerAction({ customerId: customer.id, confirmName: customer.name.toUpperCase() }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { confirmName: [`Type the name exactly as shown: ${customer.name}`] },
    });
    expect(await findCustomer(customer.id)).toBeDefined();

    const auditMark = await lastAuditId();
    expect(
      await deleteCustomerAction({ customerId: customer.id, confirmName: ` ${customer.name} ` }),
    ).toMatchObject({ ok: true });
    expect(await customerState(customer.id)).toEqual({ customer: undefined, domains: [], logins: [] });
    expect(await findUserById(login.id)).toBeUndefined();
    const [audit] = await auditAfter(auditMark);
    expect(audit).toMatchObject({
      action: "customer.delete",
      outcome: "ok",
      details: { logins: [login.email] },
    });
  });
});

describe("assigning domains", () => {
  it("assigns and removes domains from the eNom account's list", async () => {
    const customer = await createTestCustomer(unique("Domains"));
    signInAs(staff);
    expect(
      await setCustomerDomainsAction({ customerId: customer.id, domains: ["Alpha.test", "bravo.test"] }),
    ).toMatchObject({
      ok: true,
      data: { added: ["alpha.test", "bravo.test"], removed: [] },
    });
    expect(await listCustomerDomains(customer.id)).toEqual(["alpha.test", "bravo.test"]);

    // A single ticked box arrives as a string, not an array.
    expect(await setCustomerDomainsAction({ customerId: customer.id, domains: "bravo.test" })).toMatchObject({
      ok: true,
      data: { added: [], removed: ["alpha.test"] },
    });
    // Nothing ticked: the form sends no `domains` at all.
    expect(await setCustomerDomainsAction({ customerId: customer.id })).toMatchObject({
      ok: true,
      data: { removed: ["bravo.test"] },
    });
    expect(await listCustomerDomains(customer.id)).toEqual([]);
  });

  it("refuses a domain of another customer, naming it and its owner, and moves nothing", async () => {
    const owner = await createTestCustomer(unique("Owner"), ["charlie.test"]);
    const customer = await createTestCustomer(unique("Wants"), ["delta.test"]);
    signInAs(admin);
    const auditMark = await lastAuditId();
    const result = await setCustomerDomainsAction({
      customerId: customer.id,
      domains: ["delta.test", "charlie.test", "echo.test"],
    });
    expect(result).toEqual({
      ok: false,
      message: `charlie.test belongs to ${owner.name}. A domain belongs to one customer at a time: remove it there first. Nothing was changed.`,
    });
    expect(await listCustomerDomains(customer.id)).toEqual(["delta.test"]);
    expect(await listCustomerDomains(owner.id)).toEqual(["charlie.test"]);
    expect(await auditAfter(auditMark)).toMatchObject([
      { action: "customer.set-domains", outcome: "failed", targetCustomerId: customer.id },
    ]);
  });

  it("refuses domains that are not in the eNom account", async () => {
    const customer = await createTestCustomer(unique("Unknown"));
    signInAs(staff);
    const result = await setCustomerDomainsAction({
      customerId: customer.id,
      domains: ["foxtrot.test", "not-ours.test"],
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { domains: ["Not in your eNom account: not-ours.test. Nothing was changed."] },
    });
    expect(await listCustomerDomains(customer.id)).toEqual([]);
  });

  it("still removes domains while eNom is unreachable, and refuses to add any", async () => {
    const customer = await createTestCustomer(unique("Offline"), ["golf.test"]);
    accountDomains.mockRejectedValue(
      new Error("eNom unavailable for GetDomains (connect: refused); nothing was sent"),
    );
    signInAs(staff);
    const auditMark = await lastAuditId();
    const adding = await setCustomerDomainsAction({
      customerId: customer.id,
      domains: ["golf.test", "alpha.test"],
    });
    expect(adding).toMatchObject({
      ok: false,
      message: expect.stringContaining("eNom could not be reached"),
    });
    expect(await listCustomerDomains(customer.id)).toEqual(["golf.test"]);
    expect(await auditAfter(auditMark)).toMatchObject([
      { action: "customer.set-domains", outcome: "failed", enomError: expect.stringContaining("GetDomains") },
    ]);

    expect(await setCustomerDomainsAction({ customerId: customer.id, domains: [] })).toMatchObject({
      ok: true,
      data: { removed: ["golf.test"] },
    });
    expect(await listCustomerDomains(customer.id)).toEqual([]);
  });

  it("keeps an assigned domain that has left the eNom account until someone removes it", async () => {
    const customer = await createTestCustomer(unique("Legacy"), ["left-enom.test"]);
    signInAs(staff);
    expect(
      await setCustomerDomainsAction({
        customerId: customer.id,
        domains: ["left-enom.test", "foxtrot.test"],
      }),
    ).toMatchObject({
      ok: true,
      data: { added: ["foxtrot.test"], removed: [] },
    });
    expect(await listCustomerDomains(customer.id)).toEqual(["foxtrot.test", "left-enom.test"]);
  });
});

describe("a customer's logins", () => {
  it("adds a login for the customer with a temporary password shown once, and never records it", async () => {
    const customer = await createTestCustomer(unique("Logins"));
    signInAs(staff);
    const auditMark = await lastAuditId();
    const result = await createCustomerLoginAction({
      customerId: customer.id,
      email: email("owner"),
      name: "Owner",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const password = result.data.temporaryPassword ?? "";
    const login = await findUserById(result.data.userId);
    // The reseller's login for a customer administers that customer's team (invites colleagues).
    expect(login).toMatchObject({ role: "customer", customerId: customer.id, customerAdmin: true });
    expect(await verifyPassword(login?.passwordHash ?? "", password)).toBe(true);
    expect(JSON.stringify(await auditAfter(auditMark))).not.toContain(password);
  });

  it("refuses an email any user already has", async () => {
    const customer = await createTestCustomer(unique("Dup"));
    signInAs(staff);
    const result = await createCustomerLoginAction({
      customerId: customer.id,
      email: staff.email.toUpperCase(),
      name: "Copy",
      passwordMode: "choose",
      password: "Secret-chosen-77",
    });
    expect(result).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { email: [DUPLICATE_EMAIL] },
    });
    expect(JSON.stringify(result)).not.toContain("Secret-chosen-77");
    expect(await listCustomerUsers(customer.id)).toEqual([]);
  });

  it("lets staff disable and reset a customer's login with the user actions", async () => {
    const customer = await createTestCustomer(unique("Manage"));
    signInAs(staff);
    const created = await createCustomerLoginAction({
      customerId: customer.id,
      email: email("m"),
      name: "M",
    });
    if (!created.ok) throw new Error(created.message);
    expect(await resetUserPasswordAction({ userId: created.data.userId })).toMatchObject({
      ok: true,
      data: { temporaryPassword: expect.any(String) },
    });
    expect(await disableUserAction({ userId: created.data.userId })).toMatchObject({ ok: true });
    expect((await findUserById(created.data.userId))?.disabled).toBe(true);
  });
});

describe("security: a customer's invitations, seen and withdrawn by staff", () => {
  async function customerWithAdmin() {
    const customer = await createTestCustomer(unique("Invites"));
    const inviter = await createTestUser({
      email: email("inviter"),
      role: "customer",
      customerId: customer.id,
      name: "Ines Inviter",
    });
    await updateUser(inviter.id, { customerAdmin: true });
    return { customer, inviter };
  }

  async function invitationOf(customerId: string, invitedBy: string) {
    return createInvitation({ customerId, email: email("invitee"), name: "", invitedBy });
  }

  it("withdraws the pending invitations of a customer's login that staff disable or reset, and audits it", async () => {
    for (const act of [disableUserAction, resetUserPasswordAction]) {
      const { customer, inviter } = await customerWithAdmin();
      const { invitation, token } = await invitationOf(customer.id, inviter.id);
      expect((await lookUpInvitation(token)).state).toBe("pending");
      signInAs(staff);
      const audit = await lastAuditId();
      expect((await act({ userId: inviter.id })).ok).toBe(true);
      expect((await lookUpInvitation(token)).state).toBe("revoked");
      expect(await acceptInvitation(token, { name: "Eve", passwordHash: "x" })).toEqual({ kind: "revoked" });
      expect(await listOpenInvitationsWithInviter(customer.id)).toEqual([]);
      expect((await auditAfter(audit)).find((entry) => entry.action === "team.invite-revoke")).toMatchObject({
        outcome: "ok",
        actorEmail: staff.email,
        targetUserId: inviter.id,
        targetCustomerId: customer.id,
        details: expect.objectContaining({ invitationIds: [invitation.id] }),
      });
    }
  });

  it("lists pending invitations with their sender, and lets staff withdraw one", async () => {
    const { customer, inviter } = await customerWithAdmin();
    const { invitation, token } = await invitationOf(customer.id, inviter.id);
    expect(await listOpenInvitationsWithInviter(customer.id)).toEqual([
      expect.objectContaining({
        id: invitation.id,
        email: invitation.email,
        inviterName: "Ines Inviter",
        inviterEmail: inviter.email,
        createdAt: expect.any(Date),
        expiresAt: invitation.expiresAt,
      }),
    ]);
    for (const actor of [staff, admin]) {
      const again = actor === staff ? invitation : (await invitationOf(customer.id, inviter.id)).invitation;
      signInAs(actor);
      const audit = await lastAuditId();
      expect(
        await revokeCustomerInvitationAction({ customerId: customer.id, invitationId: again.id }),
      ).toEqual({
        ok: true,
        data: undefined,
        message: `The invitation of ${again.email} was withdrawn.`,
      });
      expect(await auditAfter(audit)).toEqual([
        expect.objectContaining({
          action: "customer.invite-revoke",
          outcome: "ok",
          actorEmail: actor.email,
          targetCustomerId: customer.id,
        }),
      ]);
    }
    expect((await lookUpInvitation(token)).state).toBe("revoked");
    signInAs(staff);
    expect(
      (await revokeCustomerInvitationAction({ customerId: customer.id, invitationId: invitation.id }))
        .message,
    ).toBe("That invitation was not found.");
  });

  it("answers not found for another customer's invitation and for a customer's login, and changes nothing", async () => {
    const mine = await customerWithAdmin();
    const theirs = await customerWithAdmin();
    const { token } = await invitationOf(theirs.customer.id, theirs.inviter.id);
    const [open] = await listOpenInvitationsWithInviter(theirs.customer.id);
    if (!open) throw new Error("The invitation is not listed.");
    signInAs(staff);
    expect(
      await revokeCustomerInvitationAction({ customerId: mine.customer.id, invitationId: open.id }),
    ).toEqual({ ok: false, message: "That invitation was not found." });
    for (const caller of [mine.inviter, theirs.inviter]) {
      signInAs(caller);
      const audit = await lastAuditId();
      expect(
        await revokeCustomerInvitationAction({ customerId: theirs.customer.id, invitationId: open.id }),
      ).toEqual({ ok: false, message: "That customer was not found." });
      expect(await auditAfter(audit)).toEqual([
        expect.objectContaining({ action: "customer.invite-revoke", outcome: "failed" }),
      ]);
    }
    expect((await lookUpInvitation(token)).state).toBe("pending");
  });
});

describe("the two mailbox allowances", () => {
  it("are saved and audited one by one: creating mailboxes, and the powerful changes", async () => {
    signInAs(staff);
    const created = await createCustomerAction(fields({ canCreateMailboxes: "on" }));
    if (!created.ok) throw new Error(created.message);
    expect(await findCustomer(created.data.customerId)).toMatchObject({
      canCreateMailboxes: true,
      canManageMailboxes: false,
    });
    const customer = await findCustomer(created.data.customerId);
    const auditMark = await lastAuditId();
    expect(
      await updateCustomerAction({
        customerId: created.data.customerId,
        ...fields({ name: customer?.name, canManageMailboxes: "on" }),
      }),
    ).toMatchObject({ ok: true });
    expect(await findCustomer(created.data.customerId)).toMatchObject({
      canCreateMailboxes: false,
      canManageMailboxes: true,
    });
    const [audit] = await auditAfter(auditMark);
    expect(audit?.details).toMatchObject({
      changes: {
        canCreateMailboxes: { from: true, to: false },
        canManageMailboxes: { from: false, to: true },
      },
    });
  });

  it("keep both for a customer who could manage mailboxes before the split, and neither for one who could not", async () => {
    const before = await createTestCustomer(unique("Before"), [], { canManageMailboxes: true });
    const without = await createTestCustomer(unique("Without"), [], { canManageMailboxes: false });
    const db = await getDb();
    // As the customers stood before the migration: the new column at its default.
    await db.update(customers).set({ canCreateMailboxes: true });
    const migration = readFileSync(
      new URL("../db/migrations/0004_split_mailbox_allowance.sql", import.meta.url),
      "utf8",
    );
    const update = migration
      .split("--> statement-breakpoint")
      .find((part) => /UPDATE "customers"/.test(part));
    if (!update) throw new Error("the migration no longer copies the allowance");
    await db.execute(sql.raw(update));
    expect(await findCustomer(before.id)).toMatchObject({
      canCreateMailboxes: true,
      canManageMailboxes: true,
    });
    expect(await findCustomer(without.id)).toMatchObject({
      canCreateMailboxes: false,
      canManageMailboxes: false,
    });
  });
});
