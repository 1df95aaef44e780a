import "server-only";
import { notFound } from "next/navigation";
import { recordAudit } from "@/lib/audit";
import { requireStaffPage } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { findCustomer } from "@/lib/customers/queries";
import type { CustomerRow } from "@/lib/db/schema";
import { customerIdSchema } from "@/lib/validation/customers";

/**
 * Staff look at a customer's portal as that customer sees it, read-only: the portal's pages are
 * rendered for a stand-in user that has the customer's domains and no allowance at all, so no
 * button that changes anything is offered (and every action would check the real staff user
 * anyway). Each look is audited.
 */
export interface PortalPreview {
  staff: SessionUser;
  customer: CustomerRow;
  /** The customer's view with every capability off. */
  viewer: SessionUser;
  base: string;
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
    base: `/customers/${customer.id}/preview`,
  };
}

/** Records that a staff member looked at the customer's portal (which page). */
export async function auditPortalPreview(
  preview: PortalPreview,
  page: string,
  domain?: string,
): Promise<void> {
  await recordAudit({
    actor: { id: preview.staff.id, email: preview.staff.email, role: preview.staff.role },
    action: "customer.preview",
    outcome: "ok",
    summary: `Previewed the portal of ${preview.customer.name}: ${page}`,
    targetCustomerId: preview.customer.id,
    domain: domain ?? null,
    details: { page },
  });
}
