import type { AllowanceKey } from "@/lib/validation/customers";

// Not in a "use client" file: the customer's page (a server component) builds these values.

/** What the customer forms show and send: the details as typed, each allowance ticked or not. */
export type CustomerFormValues = {
  name: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
} & Record<AllowanceKey, boolean>;

export type CustomerDetailKey = Exclude<keyof CustomerFormValues, AllowanceKey>;

/** A new customer may manage its mailboxes, as the database's own default has it. */
export const NEW_CUSTOMER_VALUES: CustomerFormValues = {
  name: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  notes: "",
  canCreateMailboxes: true,
  canManageMailboxes: true,
  canToggleAutoRenew: false,
  canPurchase: false,
  canRenew: false,
};

/** A stored customer as the form's values (only the fields the form shows). */
export function customerFormValues(customer: CustomerFormValues): CustomerFormValues {
  return {
    name: customer.name,
    contactName: customer.contactName,
    contactEmail: customer.contactEmail,
    contactPhone: customer.contactPhone,
    notes: customer.notes,
    canCreateMailboxes: customer.canCreateMailboxes,
    canManageMailboxes: customer.canManageMailboxes,
    canToggleAutoRenew: customer.canToggleAutoRenew,
    canPurchase: customer.canPurchase,
    canRenew: customer.canRenew,
  };
}
