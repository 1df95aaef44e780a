"use server";

import { revalidatePath } from "next/cache";
import { NotFoundError } from "@/lib/auth/errors";
import {
  deleteCustomer,
  insertCustomer,
  listCustomerDomains,
  listDomainOwners,
  setCustomerDomains,
  updateCustomer,
  type CustomerFields,
  type CustomerSpending,
} from "@/lib/customers/queries";
import { usd as dollars } from "@/lib/purchases/spending-model";
import { listCustomerUsers } from "@/lib/users/queries";
import type { CustomerRow } from "@/lib/db/schema";
import { listAccountDomainNames } from "@/lib/domains/account-domains";
import { logger } from "@/lib/logger";
import { findOpenInvitation, revokeInvitation } from "@/lib/team/invitations";
import {
  ALLOWANCES,
  createCustomerSchema,
  deleteCustomerSchema,
  setCustomerDomainsSchema,
  updateCustomerSchema,
} from "@/lib/validation/customers";
import { customerInvitationTargetSchema } from "@/lib/validation/team";
import { createCustomerLoginSchema, type TemporaryPasswordResult } from "@/lib/validation/users";
import { requireCustomerManager } from "@/lib/auth/guards";
import { createLogin, loadManagedCustomer, refuse } from "./logins";
import type { ActionResult } from "./result";
import { userAction } from "./builder";

/**
 * Server actions of the Customers pages: admins and staff manage customers; a customer's own
 * login is told "not found" for every one of them. Customers' logins are disabled, reset and
 * unlocked with the user actions (lib/actions/users.ts).
 */

function revalidateCustomer(customerId?: string): void {
  revalidatePath("/customers");
  if (customerId) revalidatePath(`/customers/${customerId}`);
}

function allowancesOf(fields: CustomerFields): string {
  const allowed = ALLOWANCES.filter(({ key }) => fields[key]).map(({ label }) => label.toLowerCase());
  return allowed.length ? allowed.join(", ") : "nothing beyond viewing";
}

export const createCustomerAction = userAction(
  { name: "customer.create", schema: createCustomerSchema },
  async (fields, { user: actor, audit }): Promise<ActionResult<{ customerId: string; name: string }>> => {
    requireCustomerManager(actor);
    const customer = await insertCustomer(fields);
    await audit({
      outcome: "ok",
      summary: `Added customer ${customer.name}; allowed: ${allowancesOf(customer)}`,
      targetCustomerId: customer.id,
      details: { name: customer.name, ...pickAllowances(customer) },
    });
    revalidateCustomer();
    return {
      ok: true,
      data: { customerId: customer.id, name: customer.name },
      message: `${customer.name} is added.`,
    };
  },
);

/** Exactly the stored columns of the details and allowances (the input may carry more). */
function pickFields(fields: CustomerFields): CustomerFields {
  return Object.fromEntries(FIELD_KEYS.map((key) => [key, fields[key]])) as CustomerFields;
}

function pickAllowances(fields: CustomerFields) {
  return {
    canCreateMailboxes: fields.canCreateMailboxes,
    canManageMailboxes: fields.canManageMailboxes,
    canToggleAutoRenew: fields.canToggleAutoRenew,
    canPurchase: fields.canPurchase,
    canRenew: fields.canRenew,
  };
}

const FIELD_KEYS = [
  "name",
  "contactName",
  "contactEmail",
  "contactPhone",
  "notes",
  "canCreateMailboxes",
  "canManageMailboxes",
  "canToggleAutoRenew",
  "canPurchase",
  "canRenew",
] as const satisfies readonly (keyof CustomerFields)[];

/**
 * The spending settings this update changes (issue 16): only those sent, and only if different.
 * A limit is in cents at retail prices; null: no limit.
 */
function spendingChanges(
  before: CustomerRow,
  sent: { monthlySpendLimit?: number | null; purchaseApproval?: boolean },
): Partial<CustomerSpending> {
  const changes: Partial<CustomerSpending> = {};
  if (sent.monthlySpendLimit !== undefined && sent.monthlySpendLimit !== before.monthlySpendLimitCents)
    changes.monthlySpendLimitCents = sent.monthlySpendLimit;
  if (sent.purchaseApproval !== undefined && sent.purchaseApproval !== before.purchaseApproval)
    changes.purchaseApproval = sent.purchaseApproval;
  return changes;
}

function spendingSummary(customer: CustomerSpending): string {
  const limit =
    customer.monthlySpendLimitCents === null
      ? "no monthly limit"
      : `monthly limit ${dollars(customer.monthlySpendLimitCents)}`;
  return `${limit}${customer.purchaseApproval ? ", staff approve each order" : ""}`;
}

/**
 * Contact details, notes, what the customer may do in the portal and what it may spend there
 * (takes effect at their next click).
 */
export const updateCustomerAction = userAction(
  { name: "customer.update", schema: updateCustomerSchema },
  async (
    { customerId, monthlySpendLimit, purchaseApproval, ...fields },
    { user: actor, audit },
  ): Promise<ActionResult> => {
    const before = await loadManagedCustomer(actor, customerId);
    const spending = spendingChanges(before, { monthlySpendLimit, purchaseApproval });
    const changedFields = FIELD_KEYS.filter((key) => before[key] !== fields[key]);
    const changed = [...changedFields, ...(Object.keys(spending) as (keyof CustomerSpending)[])];
    if (changed.length === 0)
      return { ok: true, data: undefined, message: "Nothing to save: no field has changed." };
    await updateCustomer(before.id, { ...pickFields(fields), ...spending });
    // Notes are free text: the log says they changed, not what they say.
    const changes = Object.fromEntries([
      ...changedFields.map((key) => [
        key,
        key === "notes" ? "changed" : { from: before[key], to: fields[key] },
      ]),
      ...Object.entries(spending).map(([key, to]) => [
        key,
        { from: before[key as keyof CustomerSpending], to },
      ]),
    ]);
    const after = { ...before, ...spending };
    await audit({
      outcome: "ok",
      summary: `Updated customer ${fields.name} (${changed.join(", ")}); allowed: ${allowancesOf(fields)}; ${spendingSummary(after)}`,
      targetCustomerId: before.id,
      details: { changes },
    });
    revalidateCustomer(before.id);
    return { ok: true, data: undefined, message: `${fields.name} is saved.` };
  },
);

/** Deletes the customer with its logins and domain assignments; the domains' email at eNom is untouched. */
export const deleteCustomerAction = userAction(
  { name: "customer.delete", schema: deleteCustomerSchema },
  async ({ customerId, confirmName }, { user: actor, audit }): Promise<ActionResult<{ name: string }>> => {
    const customer = await loadManagedCustomer(actor, customerId);
    if (confirmName !== customer.name.trim()) {
      return {
        ok: false,
        message: "Please correct the highlighted fields.",
        fieldErrors: { confirmName: [`Type the name exactly as shown: ${customer.name}`] },
      };
    }
    const [domains, logins] = await Promise.all([
      listCustomerDomains(customer.id),
      listCustomerUsers(customer.id),
    ]);
    await deleteCustomer(customer.id);
    await audit({
      outcome: "ok",
      summary: `Deleted customer ${customer.name} with ${plural(logins.length, "login")} and ${plural(domains.length, "domain assignment")}`,
      targetCustomerId: customer.id,
      details: { name: customer.name, domains, logins: logins.map((login) => login.email) },
    });
    // No revalidation: it would re-render the deleted customer's page (a 404) before the browser
    // moves on to the list, which is read afresh anyway.
    return { ok: true, data: { name: customer.name }, message: `${customer.name} is deleted.` };
  },
);

/**
 * Sets exactly which of the account's domains the customer owns. New domains must be in the eNom
 * account and free: a domain of another customer is refused by name, never moved. Removing needs
 * no eNom call, so it still works while eNom is unreachable.
 */
export const setCustomerDomainsAction = userAction(
  { name: "customer.set-domains", schema: setCustomerDomainsSchema },
  async (
    { customerId, domains },
    { user: actor, audit },
  ): Promise<ActionResult<{ added: string[]; removed: string[] }>> => {
    const customer = await loadManagedCustomer(actor, customerId);
    const wanted = [...new Set(domains)];
    const current = new Set(await listCustomerDomains(customer.id));
    const adding = wanted.filter((domain) => !current.has(domain));
    const about = {
      targetCustomerId: customer.id,
      domain: adding.length === 1 ? adding[0] : null,
    };

    if (adding.length) {
      let accountDomains: Set<string>;
      try {
        accountDomains = new Set(await listAccountDomainNames());
      } catch (error) {
        logger.warn({ err: error, customerId: customer.id }, "could not list the eNom account's domains");
        const message =
          "eNom could not be reached to check the new domains, so nothing was changed. Removing domains still works; try adding again in a moment.";
        await audit({
          ...about,
          outcome: "failed",
          summary: `Assigning ${adding.join(", ")} to ${customer.name} failed: eNom could not be reached`,
          details: { adding },
          enom: { error: error instanceof Error ? error.message : String(error) },
        });
        return { ok: false, message };
      }
      const unknown = adding.filter((domain) => !accountDomains.has(domain));
      if (unknown.length) {
        return {
          ok: false,
          message: "Please correct the highlighted fields.",
          fieldErrors: {
            domains: [`Not in your eNom account: ${unknown.join(", ")}. Nothing was changed.`],
          },
        };
      }
    }

    const result = await setCustomerDomains(customer.id, wanted);
    if (result.taken.length)
      return refuse(audit, { ...about, details: { taken: result.taken } }, await takenMessage(result.taken));
    if (!result.added.length && !result.removed.length)
      return {
        ok: true,
        data: { added: [], removed: [] },
        message: "No change: those are already its domains.",
      };

    const parts = [
      result.added.length ? `assigned ${result.added.join(", ")}` : "",
      result.removed.length ? `removed ${result.removed.join(", ")}` : "",
    ].filter(Boolean);
    await audit({
      outcome: "ok",
      summary: `${capitalise(parts.join("; "))} for customer ${customer.name}`,
      targetCustomerId: customer.id,
      domain:
        result.added.length + result.removed.length === 1 ? (result.added[0] ?? result.removed[0]) : null,
      details: { added: result.added, removed: result.removed },
    });
    revalidateCustomer(customer.id);
    return {
      ok: true,
      data: { added: result.added, removed: result.removed },
      message: `${capitalise(parts.join("; "))}. ${customer.name} now has ${plural(wanted.length, "domain")}.`,
    };
  },
);

/** "shop.example belongs to Contoso": each taken domain with its owner, so staff know where to look. */
async function takenMessage(taken: string[]): Promise<string> {
  const owners = await listDomainOwners();
  const each = taken.map(
    (domain) => `${domain} belongs to ${owners.get(domain)?.customerName ?? "another customer"}`,
  );
  return `${each.join("; ")}. A domain belongs to one customer at a time: remove it there first. Nothing was changed.`;
}

/**
 * Withdraws an invitation to the customer's portal that nobody accepted yet (sent by one of the
 * customer's administrators). Only an invitation of this customer: any other id is "not found".
 */
export const revokeCustomerInvitationAction = userAction(
  { name: "customer.invite-revoke", schema: customerInvitationTargetSchema },
  async ({ customerId, invitationId }, { user: actor, audit }): Promise<ActionResult> => {
    const customer = await loadManagedCustomer(actor, customerId);
    const invitation = await findOpenInvitation(customer.id, invitationId);
    if (!invitation || !(await revokeInvitation(customer.id, invitationId)))
      throw new NotFoundError("That invitation");
    await audit({
      outcome: "ok",
      summary: `Withdrew the invitation of ${invitation.email} to the portal of ${customer.name}`,
      targetCustomerId: customer.id,
      details: { email: invitation.email, invitationId, invitedBy: invitation.invitedBy },
    });
    revalidateCustomer(customer.id);
    return { ok: true, data: undefined, message: `The invitation of ${invitation.email} was withdrawn.` };
  },
);

/** A login for the customer's portal, with a temporary password shown once. */
export const createCustomerLoginAction = userAction(
  { name: "customer.create-login", schema: createCustomerLoginSchema },
  async (
    { customerId, ...login },
    { user: actor, audit },
  ): Promise<ActionResult<TemporaryPasswordResult>> => {
    const customer: CustomerRow = await loadManagedCustomer(actor, customerId);
    return createLogin({ ...login, role: "customer", customer }, audit);
  },
);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
