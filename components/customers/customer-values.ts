import { ALLOWANCES } from "@/lib/validation/customers";

// Not in a "use client" file: the customer's page (a server component) builds these values.

export type FormValues = Record<string, string | string[]>;

/** A customer as form values: ticked allowances are "on", as the browser sends them. */
export function customerFormValues(customer: {
  name: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
  canCreateMailboxes: boolean;
  canManageMailboxes: boolean;
  canToggleAutoRenew: boolean;
  canPurchase: boolean;
  canRenew: boolean;
}): FormValues {
  const values: FormValues = {
    name: customer.name,
    contactName: customer.contactName,
    contactEmail: customer.contactEmail,
    contactPhone: customer.contactPhone,
    notes: customer.notes,
  };
  for (const { key } of ALLOWANCES) if (customer[key]) values[key] = "on";
  return values;
}
