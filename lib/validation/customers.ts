import { z } from "zod";

/**
 * The Customers pages: the same schemas check the forms in the browser and the server actions'
 * input. Browser code imports this file, so it holds no server code.
 */

export const CUSTOMER_NAME_MAX = 100;
export const CUSTOMER_NOTES_MAX = 2000;

export const customerIdSchema = z.uuid("That customer was not found.");

/** A checkbox: a form sends "on" when ticked and nothing at all when not. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

/** What the customer may do in the portal besides seeing its own domains, with the words the forms use. */
export const ALLOWANCES = [
  {
    key: "canCreateMailboxes",
    label: "Create mailboxes",
    hint: "Add mailboxes to their paks, one by one or from a CSV file.",
  },
  {
    key: "canManageMailboxes",
    label: "Reset passwords, delete mailboxes and make administrators",
    hint: "Also forwarding and catch-all. An administrator mailbox can reset every mailbox of the domain in webmail.",
  },
  { key: "canToggleAutoRenew", label: "Turn auto-renew on or off", hint: "For the paks on their domains." },
  { key: "canPurchase", label: "Buy email paks", hint: "Charged to your eNom account." },
  { key: "canRenew", label: "Renew email paks", hint: "Charged to your eNom account." },
] as const;
export type AllowanceKey = (typeof ALLOWANCES)[number]["key"];

export const customerFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the customer's name.")
    .max(CUSTOMER_NAME_MAX, `A name has at most ${CUSTOMER_NAME_MAX} characters.`),
  contactName: z.string().trim().max(100, "A name has at most 100 characters.").optional().default(""),
  contactEmail: z
    .string()
    .trim()
    .max(254, "An email address has at most 254 characters.")
    .pipe(z.union([z.literal(""), z.email("Enter a valid email address, or leave it empty.")]))
    .transform((value) => value.toLowerCase())
    .optional()
    .default(""),
  contactPhone: z
    .string()
    .trim()
    .max(40, "A phone number has at most 40 characters.")
    .regex(/^[0-9+().\-\s/]*$/, "Use digits, spaces and + ( ) - . / only.")
    .optional()
    .default(""),
  notes: z
    .string()
    .trim()
    .max(CUSTOMER_NOTES_MAX, `Notes have at most ${CUSTOMER_NOTES_MAX} characters.`)
    .optional()
    .default(""),
  canCreateMailboxes: checkbox,
  canManageMailboxes: checkbox,
  canToggleAutoRenew: checkbox,
  canPurchase: checkbox,
  canRenew: checkbox,
});
export type CustomerFieldsInput = z.infer<typeof customerFieldsSchema>;

export const createCustomerSchema = customerFieldsSchema;
export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;

/** The highest monthly spending limit the form takes, in cents ($1,000,000). */
export const SPEND_LIMIT_MAX_CENTS = 100_000_000;

const SPEND_LIMIT_FORMAT = "Enter the limit in dollars, like 250 or 250.00, or leave it empty for no limit.";

/**
 * The monthly spending limit as typed ("250", "$1,250.50"): cents, or null when left empty (no
 * limit). Retail prices, what the customer pays.
 */
export const spendLimitSchema = z
  .string(SPEND_LIMIT_FORMAT)
  .trim()
  .transform((value) => value.replace(/^\$\s*(?=\d)/, "").replace(/,/g, ""))
  .refine((value) => value === "" || /^\d{1,9}(\.\d{1,2})?$/.test(value), SPEND_LIMIT_FORMAT)
  .transform((value) => (value === "" ? null : Math.round(Number(value) * 100)))
  .refine(
    (cents) => cents === null || cents <= SPEND_LIMIT_MAX_CENTS,
    "A monthly limit is at most $1,000,000. Leave it empty for no limit.",
  );

/** A stored limit as the form shows it: "250.00", or empty for no limit. */
export function spendLimitText(cents: number | null): string {
  return cents === null ? "" : (cents / 100).toFixed(2);
}

/** A checkbox the form may leave out: absent keeps what is stored. */
const optionalCheckbox = z.preprocess(
  (value) => (value === undefined ? undefined : value === true || value === "on" || value === "true"),
  z.boolean().optional(),
);

/**
 * Spending in the portal (issue 16), on the customer's page: a monthly limit on its own purchases
 * and renewals, and whether staff approve each one first. Both optional in an update: a caller
 * that does not send them leaves them as they are.
 */
export const customerSpendingFields = {
  monthlySpendLimit: spendLimitSchema.optional(),
  purchaseApproval: optionalCheckbox,
};

export const SPENDING_LABELS = {
  monthlySpendLimit: {
    label: "Monthly spending limit",
    hint: "The most this customer's purchases and renewals may cost in a calendar month, at your prices (USD). Leave empty for no limit.",
  },
  purchaseApproval: {
    label: "Ask staff to approve each purchase and renewal",
    hint: "Their orders wait in Approvals until an admin or staff member approves or declines them.",
    inactive: "Applies once they may buy or renew email paks.",
  },
} as const;

export const updateCustomerSchema = customerFieldsSchema.extend({
  customerId: customerIdSchema,
  ...customerSpendingFields,
});
export type UpdateCustomerInput = z.infer<typeof updateCustomerSchema>;

/** Deleting asks for the customer's name typed out; the action compares it with the stored name. */
export const deleteCustomerSchema = z.object({
  customerId: customerIdSchema,
  confirmName: z
    .string()
    .trim()
    .min(1, "Type the customer's name to confirm.")
    .max(CUSTOMER_NAME_MAX + 50),
});
export type DeleteCustomerInput = z.infer<typeof deleteCustomerSchema>;

/** `sld.tld`, lower-case, as eNom's account lists it. */
export const domainNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/,
    "That is not a domain name.",
  );

/** Every domain the customer should own after saving: the ticked boxes (none when nothing is ticked). */
export const setCustomerDomainsSchema = z.object({
  customerId: customerIdSchema,
  domains: z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(domainNameSchema).max(10_000, "Assign at most 10,000 domains at once."),
  ),
});
export type SetCustomerDomainsInput = z.infer<typeof setCustomerDomainsSchema>;
