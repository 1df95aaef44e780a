import "server-only";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/auth/errors";
import { requirePermission, requireStaffPage } from "@/lib/auth/guards";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { findCustomer } from "@/lib/customers/queries";
import type { CustomerRow } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { customerIdSchema } from "@/lib/validation/customers";
import {
  PREVIEW_GRANT_COOKIE,
  PREVIEW_GRANT_SECONDS,
  previewGrantPath,
  signPreviewGrant,
  verifyPreviewGrant,
} from "./preview-grant";

/**
 * Staff look at a customer's portal as that customer sees it, read-only: the portal's pages are
 * rendered for a stand-in user that has the customer's domains and no allowance at all, so no
 * button that changes anything is offered (and every action would check the real staff user
 * anyway). Starting a look is a write, audited once (lib/actions/portal-preview.ts), which hands
 * out a short-lived grant (preview-grant.ts); the preview pages only read that grant, since a read
 * writes nothing, not even an audit row.
 */
export interface PortalPreview {
  staff: SessionUser;
  customer: CustomerRow;
  /** The customer's view with every capability off. */
  viewer: SessionUser;
  base: string;
  /** This staff member started a preview of this customer within the last 30 minutes. */
  granted: boolean;
}

export async function requirePortalPreview(customerIdParam: string): Promise<PortalPreview> {
  const staff = await requireStaffPage("customers.view");
  const id = customerIdSchema.safeParse(customerIdParam);
  const customer = id.success ? await findCustomer(id.data) : undefined;
  if (!customer) notFound();
  return {
    staff,
    customer,
    viewer: {
      id: staff.id,
      email: staff.email,
      name: customer.contactName || customer.name,
      role: "customer",
      customerId: customer.id,
      customerName: customer.name,
      customer: {
        canCreateMailboxes: false,
        canManageMailboxes: false,
        canToggleAutoRenew: false,
        canPurchase: false,
        canRenew: false,
      },
      totpEnabled: false,
    },
    base: previewGrantPath(customer.id),
    granted: await hasPreviewGrant(staff.id, customer.id),
  };
}

/** Reads the grant cookie; the browser sends only this customer's (the cookie's path). */
async function hasPreviewGrant(staffId: string, customerId: string): Promise<boolean> {
  const jar = await cookies();
  return jar
    .getAll()
    .filter((cookie) => cookie.name === PREVIEW_GRANT_COOKIE)
    .some((cookie) => verifyPreviewGrant(cookie.value, { staffId, customerId }));
}

/**
 * Starts a staff member's preview of a customer: the grant cookie for that customer's preview
 * pages, for 30 minutes. Server actions only (a page cannot set a cookie); the caller audits it.
 */
export async function startPortalPreview(
  staff: SessionUser,
  customerId: string,
): Promise<{ customer: CustomerRow; expiresAt: Date }> {
  // Customers' portals are not there for a customer's login to find.
  if (!isStaffRole(staff.role)) throw new NotFoundError("That customer");
  requirePermission(staff, "customers.view");
  const customer = await findCustomer(customerId);
  if (!customer) throw new NotFoundError("That customer");
  const { token, expiresAt } = signPreviewGrant({ staffId: staff.id, customerId: customer.id });
  (await cookies()).set(PREVIEW_GRANT_COOKIE, token, {
    httpOnly: true,
    secure: getEnv().PUBLIC_URL?.startsWith("https://") ?? false,
    sameSite: "lax",
    path: previewGrantPath(customer.id),
    maxAge: PREVIEW_GRANT_SECONDS,
  });
  return { customer, expiresAt };
}
