import "server-only";
import { notFound, redirect } from "next/navigation";
import { customerOwnsDomain } from "@/lib/db/queries/customers";
import type { Role } from "@/lib/db/schema";
import { ForbiddenError, NotFoundError, NotSignedInError } from "./errors";
import { can, isReadOnlyRole, isStaffRole, READ_ONLY_REFUSAL, type Permission } from "./permissions";
import { noteReaderRole } from "@/lib/white-label";
import { getSessionUser, type SessionUser } from "./session";

/**
 * The data-access layer's checks. Every server action and every page calls these first; the
 * proxy's redirects are a convenience, these are the guarantee.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new NotSignedInError();
  // A customer reads this request's messages: upstream texts are shown in the portal's own words.
  noteReaderRole(user.role);
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

/** For pages: signed in, or off to the sign-in page. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  noteReaderRole(user.role);
  return user;
}

/** For staff pages: a customer gets the same 404 as a page that does not exist. */
export async function requireStaffPage(permission?: Permission): Promise<SessionUser> {
  const user = await requirePageUser();
  if (!isStaffRole(user.role)) notFound();
  if (permission && !can(user, permission)) notFound();
  return user;
}
