import { z } from "zod";
import { parseIpRange, splitIpList } from "./ip-ranges";
import { API_SCOPES, CUSTOMER_SCOPES, isCustomerScope, SCOPE_DESCRIPTIONS, type ApiScope } from "./scopes";

/**
 * The API key forms (staff settings and the portal): the same schemas check the form in the browser
 * and the server actions' input. Browser code imports this file, so it holds no server code.
 */

export const API_KEY_NAME_MAX = 80;
export const API_KEY_MAX_IPS = 20;
/** A key lives at most this long; one that must live longer is made again. */
export const API_KEY_MAX_DAYS = 2 * 365;

const nameSchema = z
  .string()
  .trim()
  .min(1, "Give the key a name, e.g. the system that will use it.")
  .max(API_KEY_NAME_MAX, `A key's name has at most ${API_KEY_NAME_MAX} characters.`);

const isApiScope = (value: string): value is ApiScope => (API_SCOPES as readonly string[]).includes(value);

// Checked as a whole, so that every message is the field's (not one item's).
const scopesSchema = z.preprocess(
  (value) => (typeof value === "string" ? [value] : value),
  z
    .array(z.string(), { error: "Choose at least one scope." })
    .min(1, "Choose at least one scope.")
    .refine((scopes) => scopes.every(isApiScope), "That is not one of the scopes offered.")
    .transform((scopes) => API_SCOPES.filter((scope) => scopes.includes(scope))),
);

/**
 * The expiry: empty for none, a date (`YYYY-MM-DD`, from a date field: the key works to the end
 * of that day, UTC) or a full ISO date and time; in the future, and at most two years away.
 */
const expirySchema = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((value, context): Date | null => {
    const text = value?.trim() ?? "";
    if (!text) return null;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? new Date(`${text}T23:59:59.999Z`)
      : /^\d{4}-\d{2}-\d{2}T/.test(text)
        ? new Date(text)
        : new Date(NaN);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({
        code: "custom",
        message: "Enter the expiry date as YYYY-MM-DD, or leave it empty.",
      });
      return z.NEVER;
    }
    const now = Date.now();
    if (date.getTime() <= now) {
      context.addIssue({ code: "custom", message: "Choose an expiry date in the future." });
      return z.NEVER;
    }
    if (date.getTime() > now + (API_KEY_MAX_DAYS + 1) * 86_400_000) {
      context.addIssue({
        code: "custom",
        message: "A key can live at most 2 years; choose an earlier expiry date.",
      });
      return z.NEVER;
    }
    return date;
  });

/** One address or CIDR range per line (an array from other callers); stored in canonical form. */
const allowedIpsSchema = z
  .union([z.string(), z.array(z.string()), z.null(), z.undefined()])
  .transform((value, context): string[] => {
    const entries = Array.isArray(value) ? value.flatMap(splitIpList) : splitIpList(value ?? "");
    if (entries.length > API_KEY_MAX_IPS) {
      context.addIssue({
        code: "custom",
        message: `At most ${API_KEY_MAX_IPS} addresses or ranges (you entered ${entries.length}); use wider CIDR ranges such as 203.0.113.0/24.`,
      });
      return z.NEVER;
    }
    const ranges: string[] = [];
    for (const entry of entries) {
      const parsed = parseIpRange(entry);
      if (parsed.ok) ranges.push(parsed.range.text);
      else context.addIssue({ code: "custom", message: parsed.message });
    }
    return [...new Set(ranges)];
  });

const apiKeyFields = {
  name: nameSchema,
  scopes: scopesSchema,
  expiresOn: expirySchema,
  allowedIps: allowedIpsSchema,
};

const customerScopesOnly = (value: { scopes: readonly ApiScope[] }) => value.scopes.every(isCustomerScope);

const CUSTOMER_SCOPES_MESSAGE = `A key limited to a customer can only have the scopes ${CUSTOMER_SCOPES.map(
  (scope) => SCOPE_DESCRIPTIONS[scope].label,
).join(", ")}.`;

/** An admin's key in Settings: a staff key, or one limited to a customer (`customerId`). */
export const createStaffApiKeySchema = z
  .object({
    ...apiKeyFields,
    customerId: z.preprocess(
      (value) => (value === "" || value === undefined ? null : value),
      z.uuid("That customer was not found.").nullable(),
    ),
  })
  .refine((value) => value.customerId === null || customerScopesOnly(value), {
    path: ["scopes"],
    message: CUSTOMER_SCOPES_MESSAGE,
  });
export type CreateStaffApiKeyInput = z.infer<typeof createStaffApiKeySchema>;

/** A customer's administrator's key in the portal: always limited to their own customer. */
export const createCustomerApiKeySchema = z.object(apiKeyFields).refine(customerScopesOnly, {
  path: ["scopes"],
  message: "Choose among the scopes offered.",
});
export type CreateCustomerApiKeyInput = z.infer<typeof createCustomerApiKeySchema>;

export const apiKeyTargetSchema = z.object({ keyId: z.uuid("That API key was not found.") });
