import "server-only";
import { notFound, redirect } from "next/navigation";
import { customerOwnsDomain, findCustomer } from "@/lib/customers/queries";
import { findUserById } from "@/lib/users/queries";
import type { CustomerRow, Role, UserRow } from "@/lib/db/schema";
import { ForbiddenError, NotFoundError, NotSignedInError } from "./errors";
import { can, isReadOnlyRole, isStaffRole, READ_ONLY_REFUSAL, type Permission } from "./permissions";
import { noteReaderRole } from "@/lib/white-label";
import { getSecuritySettings } from "@/lib/settings/security";
import {
  twoFactorRequiredFor,
  twoFactorRequiredMessage,
  twoFactorSetupPath,
} from "@/lib/settings/security-model";
import { isDemoEmail } from "./demo";
import { getSessionUser, type SessionUser } from "./session";

/**
 * The data-access layer's checks. Every server action and every page calls these first; the
 * proxy's redirects are a convenience, these are the guarantee.
 */

export interface TwoFactorSetupOptions {
  /**
   * Open to someone who must still set up a required two-factor sign-in: the "My account" pages
   * where it is set up, their enrolment actions, and the layouts around every page (whose pages
   * check for themselves). Everything else sends them there first.
   */
  beforeTwoFactorSetup?: boolean;
}

/**
 * Whether this person must set up two-factor sign-in before anything else: an admin requires it
 * for their kind (staff or customers) in Settings → Security and they have not turned it on. The
 * demo's shared logins cannot turn it on, so they are left out. The setting is read once per request.
 */
export async function mustSetUpTwoFactor(user: SessionUser): Promise<boolean> {
  if (user.totpEnabled || isDemoEmail(user.email)) return false;
  return twoFactorRequiredFor(user.role, await getSecuritySettings());
}

/** For actions and GET routes: signed in, and not someone who must first set up two-factor sign-in. */
export async function requireUser(options: TwoFactorSetupOptions = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new NotSignedInError();
  // A customer reads this request's messages: upstream texts are shown in the portal's own words.
  noteReaderRole(user.role);
  if (!options.beforeTwoFactorSetup && (await mustSetUpTwoFactor(user)))
    throw new ForbiddenError(twoFactorRequiredMessage(user.role));
  return user;
}

export function requireRole(user: SessionUser, ...roles: Role[]): void {
  if (!roles.includes(user.role)) {
    // Staff areas do not exist as far as a customer can tell.
    if (user.role === "customer") throw new NotFoundError("That page");
    if (isReadOnlyRole(user.role)) throw new ForbiddenError(READ_ONLY_REFUSAL);
    throw new ForbiddenError("Your role does not allow that.");
  }
}

export function requirePermission(user: SessionUser, permission: Permission): void {
  if (can(user, permission)) return;
  if (user.role === "customer") {
    throw new ForbiddenError(
      "Your reseller has not enabled this for your account. Contact them to change it.",
    );
  }
  if (isReadOnlyRole(user.role)) throw new ForbiddenError(READ_ONLY_REFUSAL);
  throw new ForbiddenError("Your role does not allow that.");
}

/** A normalised domain name, or null when it is not one. */
export function normaliseDomain(domain: string): string | null {
  const value = domain.trim().toLowerCase().replace(/\.$/, "");
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(value)
    ? value
    : null;
}

/**
 * Staff reach every domain of the eNom account; a customer only the domains assigned to them.
 * Anything else is "not found", so a customer cannot even learn that a domain is managed here.
 */
export async function requireDomainAccess(user: SessionUser, domain: string): Promise<string> {
  const name = normaliseDomain(domain);
  if (!name) throw new NotFoundError("That domain");
  if (isStaffRole(user.role)) return name;
  if (user.role === "customer" && user.customerId && (await customerOwnsDomain(user.customerId, name)))
    return name;
  throw new NotFoundError("That domain");
}

/**
 * For pages: signed in, or off to the sign-in page; someone who must first set up a required
 * two-factor sign-in goes to their "My account" page, which says why.
 */
export async function requirePageUser(options: TwoFactorSetupOptions = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  noteReaderRole(user.role);
  if (!options.beforeTwoFactorSetup && (await mustSetUpTwoFactor(user)))
    redirect(twoFactorSetupPath(user.role));
  return user;
}

/** For staff pages: a customer gets the same 404 as a page that does not exist. */
export async function requireStaffPage(
  permission?: Permission,
  options: TwoFactorSetupOptions = {},
): Promise<SessionUser> {
  const user = await requirePageUser(options);
  if (!isStaffRole(user.role)) notFound();
  if (permission && !can(user, permission)) notFound();
  return user;
}

/** For portal pages: a signed-in customer, or the same 404 as a page that does not exist (a layout
 * does not re-run on client navigation, so every page checks again). */
export async function requirePortalUser(options: TwoFactorSetupOptions = {}): Promise<SessionUser> {
  const user = await requirePageUser(options);
  if (user.role !== "customer" || !user.customerId) notFound();
  return user;
}

/** For portal pages: the domain's normalised name when it is this customer's; else a real 404. */
export async function requirePortalDomain(user: SessionUser, requested: string): Promise<string> {
  return requireDomainAccess(user, requested).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
}

/** Only admins manage staff users; a customer's login does not learn the page exists. */
export function requireUserManager(actor: SessionUser): void {
  if (!isStaffRole(actor.role)) throw new NotFoundError("That page");
  if (!can(actor, "users.manage")) throw new ForbiddenError("Only an admin can manage staff users.");
}

/** Admins and staff manage customers; a customer's login sees no customer but itself, and not here. */
export function requireCustomerManager(actor: SessionUser): void {
  if (!isStaffRole(actor.role) || !can(actor, "customers.manage")) throw new NotFoundError("That customer");
}

export interface TeamAdmin {
  admin: UserRow;
  customer: CustomerRow;
}

/**
 * The caller manages their customer's team: a customer's login marked as its administrator,
 * read again from the database. Anyone else (a colleague who is not an administrator, staff) is
 * told the page does not exist, as for every area outside their reach; staff manage customers'
 * logins on the customer's page instead.
 */
export async function requireTeamAdmin(user: SessionUser): Promise<TeamAdmin> {
  if (user.role !== "customer" || !user.customerId) throw new NotFoundError("That page");
  const admin = await findUserById(user.id);
  if (!admin || admin.disabled || !admin.customerAdmin || admin.customerId !== user.customerId)
    throw new NotFoundError("That page");
  const customer = await findCustomer(user.customerId);
  if (!customer) throw new NotFoundError("That page");
  return { admin, customer };
}

/** Only the person who submitted a purchase attempt may see it or submit its key again. */
export function requireOwnAttempt(attempt: { actorId: string | null }, user: SessionUser): void {
  if (attempt.actorId !== user.id) throw new NotFoundError("That purchase");
}
