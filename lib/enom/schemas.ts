import "server-only";
import { z } from "zod";
import {
  BILLING_PERIODS,
  CAPACITIES_GB,
  END_USER_IP_PATTERN,
  MAX_SIZE,
  passwordProblem,
  PURCHASE_QUANTITY_MAX,
  QUANTITY_UNITS,
  RENEW_YEARS_MAX,
  SLD_PATTERN,
  TERM_MAX,
  TERM_MIN,
  TLD_PATTERN,
} from "@/lib/validation/enom-rules";
import { displayNameSchema, emailAddressSchema, userNameSchema } from "@/lib/validation/mailbox-fields";

/**
 * What Mailpak may ask of eNom (input schemas) and what it gets back (output schemas, the app's
 * own camelCased types). Inputs are checked with the shared rules in lib/validation before
 * anything is sent; outputs are what the command readers in commands/ turn eNom's replies into.
 */

// ── Building blocks ─────────────────────────────────────────────────────────────────────────

/**
 * A domain as `{ sld, tld }` or as its full name. A full name splits at its first dot
 * (`example.co.uk` → `example` + `co.uk`), which is right for every name eNom registers: it is
 * the registered name, never a subdomain (`www.example.com` would be read as SLD `www`).
 */
export const domainInputSchema = z
  .union([z.string(), z.object({ sld: z.string(), tld: z.string() })])
  .transform((value, ctx) => {
    const [sld, tld] =
      typeof value === "string"
        ? (() => {
            const name = value.trim().toLowerCase().replace(/\.$/, "");
            const dot = name.indexOf(".");
            return dot < 0 ? [name, ""] : [name.slice(0, dot), name.slice(dot + 1)];
          })()
        : [value.sld.trim().toLowerCase(), value.tld.trim().toLowerCase().replace(/^\./, "")];
    if (!SLD_PATTERN.test(sld) || sld.length > MAX_SIZE.sld)
      ctx.addIssue({ code: "custom", message: "Enter a domain name such as example.com." });
    else if (!TLD_PATTERN.test(tld) || tld.length > MAX_SIZE.tld)
      ctx.addIssue({ code: "custom", message: "Enter the domain's extension, such as .com." });
    return { sld, tld };
  });
export type DomainInput = z.input<typeof domainInputSchema>;

/** eNom ids (BundleID, PakID, ProductID): positive, at most 10 digits (RenewPOPBundle's PakID). */
export const enomIdSchema = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d{1,10}$/, "Enter a number.")
      .transform(Number),
  ])
  .pipe(z.number().int().min(1).max(9_999_999_999));

export { displayNameSchema, emailAddressSchema, userNameSchema };

export const endUserIpSchema = z
  .string()
  .trim()
  .regex(END_USER_IP_PATTERN, "Enter an IPv4 address (NNN.NNN.NNN.NNN).");

const capacitySchema = z.literal(CAPACITIES_GB);
const billingPeriodSchema = z.enum(BILLING_PERIODS);

/** Batch size of the indexed commands: ModifyPOP3's EmailCount has at most 2 characters. */
export const BATCH_MAX = 99;

function uniqueNames<T>(pick: (item: T) => string) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const name = pick(item).toLowerCase(); // eNom compares mailbox names case-insensitively
      if (seen.has(name))
        ctx.addIssue({ code: "custom", path: [index], message: "This mailbox is listed twice." });
      seen.add(name);
    });
  };
}

// ── PurchaseServices and PurchasePOPBundle ──────────────────────────────────────────────────

const purchaseBase = { domain: domainInputSchema, endUserIp: endUserIpSchema.optional() };
/** seeds/000's ProductType table marks EndUserIP required (fraud checks); the quick start omits it. */
const productTypeBase = { domain: domainInputSchema, endUserIp: endUserIpSchema };

/** PurchaseServices in its quick-start form (`service=pop3`, seeds/002) and its ProductType forms (seeds/000). */
export const purchaseServicesInputSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("service"),
    ...purchaseBase,
    /** Mailboxes (`boxes`) or packs of 10 (`packs`); eNom's default is 10 mailboxes. */
    quantity: z.number().int().min(1).max(PURCHASE_QUANTITY_MAX).default(10),
    quantityUnit: z.enum(QUANTITY_UNITS).default("boxes"),
    capacity: capacitySchema.default(1),
    billingPeriod: billingPeriodSchema.default("year"),
  }),
  z.object({
    kind: z.literal("pop"),
    ...productTypeBase,
    /** 10-mailbox paks */ quantity: z.number().int().min(1).max(BATCH_MAX),
  }),
  z.object({
    kind: z.literal("renew-pop"),
    ...productTypeBase,
    productId: enomIdSchema,
    years: z.number().int().min(1).max(RENEW_YEARS_MAX),
  }),
  z.object({
    kind: z.literal("email-storage"),
    ...productTypeBase,
    productId: enomIdSchema,
    /** units of 512 MB per mailbox */
    units: z.number().int().min(1).max(BATCH_MAX),
  }),
  z
    .object({
      kind: z.literal("mailbox"),
      ...productTypeBase,
      action: z.enum(["create", "renew"]).default("create"),
      /** The pak to renew; required with action `renew`. */
      productId: enomIdSchema.optional(),
      quantity: z.number().int().min(1).max(PURCHASE_QUANTITY_MAX),
      timeUnit: billingPeriodSchema.default("year"),
      timeQuantity: z.number().int().min(TERM_MIN).max(TERM_MAX).default(1),
      capacity: capacitySchema.default(1),
    })
    .refine((input) => input.action !== "renew" || input.productId !== undefined, {
      path: ["productId"],
      message: "Choose the pak to renew.",
    }),
]);

export const purchasePopBundleInputSchema = z.object({
  ...purchaseBase,
  /** Number of 10-mailbox paks. */
  quantity: z.number().int().min(1).max(BATCH_MAX),
});

// ── Paks ────────────────────────────────────────────────────────────────────────────────────

export const domainOnlyInputSchema = z.object({ domain: domainInputSchema });
export const noInputSchema = z.object({});

export const setPakRenewInputSchema = z.object({
  domain: domainInputSchema,
  bundleId: enomIdSchema,
  autoRenew: z.boolean(),
});

export const pakInputSchema = z.object({ domain: domainInputSchema, bundleId: enomIdSchema });

/** RenewPOPBundle: paid from the account balance, always (`UseCreditCard=no`). */
export const renewPopBundleInputSchema = z.object({
  domain: domainInputSchema,
  pakId: enomIdSchema,
  years: z.number().int().min(1).max(RENEW_YEARS_MAX),
});

// ── Mailboxes ───────────────────────────────────────────────────────────────────────────────

/** A mailbox password, checked with Mailpak's strict rules (KB 1691) against its user name. */
function checkPassword(userNameField: string, password: string | undefined, ctx: z.RefinementCtx) {
  if (password === undefined) return;
  const problem = passwordProblem(password, { userName: userNameField, strict: true });
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
}

export const newMailboxSchema = z
  .object({
    userName: userNameSchema,
    password: z.string(),
    isAdmin: z.boolean().default(false),
    displayName: displayNameSchema.optional(),
    forwardTo: emailAddressSchema.optional(),
  })
  .superRefine((mailbox, ctx) => checkPassword(mailbox.userName, mailbox.password, ctx));

export const setUpPop3UsersInputSchema = z.object({
  domain: domainInputSchema,
  bundleId: enomIdSchema,
  users: z
    .array(newMailboxSchema)
    .min(1, "Add at least one mailbox.")
    .max(BATCH_MAX)
    .superRefine(uniqueNames((u) => u.userName)),
});

export const mailboxChangeSchema = z
  .object({
    userName: userNameSchema,
    password: z.string().optional(),
    isAdmin: z.boolean().optional(),
  })
  .superRefine((change, ctx) => {
    if (change.password === undefined && change.isAdmin === undefined)
      ctx.addIssue({ code: "custom", message: "Change the password, the administrator setting, or both." });
    checkPassword(change.userName, change.password, ctx);
  });

export const modifyPop3UsersInputSchema = z.object({
  domain: domainInputSchema,
  bundleId: enomIdSchema,
  users: z
    .array(mailboxChangeSchema)
    .min(1, "Choose at least one mailbox.")
    .max(BATCH_MAX)
    .superRefine(uniqueNames((u) => u.userName)),
});

export const deletePop3UsersInputSchema = z.object({
  domain: domainInputSchema,
  userNames: z
    .array(userNameSchema)
    .min(1, "Choose at least one mailbox.")
    .max(BATCH_MAX)
    .superRefine(uniqueNames((n) => n)),
});

// ── Forwarding ──────────────────────────────────────────────────────────────────────────────

/** Catch-all target: a mailbox of the domain, an outside address, or null to turn it off. */
export const setCatchAllInputSchema = z.object({
  domain: domainInputSchema,
  catchAll: z
    .union([z.null(), z.literal(""), emailAddressSchema, userNameSchema])
    .transform((value) => (value === "" ? null : value)),
});

export const popForwardingInputSchema = z.object({ domain: domainInputSchema, userName: userNameSchema });

export const setPopForwardingInputSchema = z.object({
  domain: domainInputSchema,
  userName: userNameSchema,
  /** An address, or null to stop forwarding. */
  forwardTo: z
    .union([z.null(), z.literal(""), emailAddressSchema])
    .transform((value) => (value === "" ? null : value)),
});

// ── Account ─────────────────────────────────────────────────────────────────────────────────

export const getDomainsInputSchema = z.object({
  /** Domains per page (`Display`); eNom's maximum, so one call covers a 10,000-domain account. */
  pageSize: z.number().int().min(1).max(25_000).default(25_000),
  /** Pages followed through `NextStart` before giving up (the result says `truncated`). */
  maxPages: z.number().int().min(1).max(100).default(20),
});

// ── Outputs: the app's types ────────────────────────────────────────────────────────────────

export const calendarDateSchema = z.object({ iso: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
export const moneySchema = z.object({ cents: z.number().int(), currency: z.literal("USD") });
export const domainNameSchema = z.object({ sld: z.string(), tld: z.string() });
const trackingKey = z.string().nullable();

export const pakSchema = z.object({
  bundleId: z.number().int(),
  qtyPurchased: z.number().int().min(0),
  qtyAvailable: z.number().int().min(0),
  expires: calendarDateSchema,
  autoRenew: z.boolean(),
  quotaMb: z.number().int().min(0).nullable(),
  /** 1, 3, 5 or 10 when the quota is one eNom sells, else null. */
  capacityGb: capacitySchema.nullable(),
  prodType: z.number().int().nullable(),
  version: z.string().nullable(),
});

export const mailboxSchema = z.object({
  userName: z.string(),
  /** `userName@sld.tld` */
  address: z.string(),
  displayName: z.string().nullable(),
  bundleId: z.number().int().nullable(),
  isAdmin: z.boolean(),
  forwardTo: z.string().nullable(),
});

/** GetPOP3: a domain's paks and mailboxes. */
export const domainEmailSchema = z.object({
  domain: domainNameSchema,
  mailboxes: z.array(mailboxSchema),
  paks: z.array(pakSchema),
  trackingKey,
});

export const purchasedBundleSchema = z.object({
  actionType: z.string().nullable(),
  bundleId: z.number().int(),
  vasItemId: z.number().int().nullable(),
  domainName: z.string().nullable(),
  capacityGb: z.number().int().nullable(),
  period: z.number().int().nullable(),
  billingPeriod: billingPeriodSchema.nullable(),
  expires: calendarDateSchema.nullable(),
  quantity: z.number().int().nullable(),
  totalQuantity: z.number().int().nullable(),
});

export const purchaseSchema = z.object({
  orderId: z.number().int(),
  orderAmount: moneySchema.nullable(),
  bundles: z.array(purchasedBundleSchema),
  trackingKey,
});

export const popBundlePurchaseSchema = z.object({
  orderId: z.number().int(),
  bundleId: z.number().int().nullable(),
  bundleCount: z.number().int().nullable(),
  trackingKey,
});

export const pakRenewSettingSchema = z.object({
  bundleId: z.number().int(),
  autoRenew: z.boolean(),
  trackingKey,
});

/**
 * A batch command's outcome per mailbox. `unknown` lists names eNom neither confirmed nor listed
 * as failed (its counts disagree with its list): look before acting on them again.
 */
export const mailboxBatchSchema = z.object({
  succeeded: z.array(z.string()),
  failed: z.array(z.object({ userName: z.string(), reason: z.string() })),
  unknown: z.array(z.string()),
  trackingKey,
});

export const pakDeletionSchema = z.object({
  bundleId: z.number().int(),
  accountsDeleted: z.number().int().min(0).nullable(),
  trackingKey,
});
export const allPaksDeletionSchema = z.object({
  paksDeleted: z.number().int().min(0).nullable(),
  accountsDeleted: z.number().int().min(0).nullable(),
  trackingKey,
});

export const pakRenewalSchema = z.object({
  orderId: z.number().int(),
  bundleId: z.number().int().nullable(),
  expires: calendarDateSchema.nullable(),
  orderAmount: moneySchema.nullable(),
  trackingKey,
});

export const popExpirationSchema = z.object({
  domainName: z.string(),
  bundleId: z.number().int(),
  expires: calendarDateSchema,
  autoRenew: z.boolean(),
  qtyPurchased: z.number().int().min(0).nullable(),
  qtyAvailable: z.number().int().min(0).nullable(),
  quotaMb: z.number().int().min(0).nullable(),
  capacityGb: capacitySchema.nullable(),
  prodType: z.number().int().nullable(),
  billingPeriod: billingPeriodSchema.nullable(),
});
export const popExpirationsSchema = z.object({ paks: z.array(popExpirationSchema), trackingKey });

export const catchAllSchema = z.object({ catchAll: z.string().nullable(), trackingKey });
export const popForwardingSchema = z.object({
  userName: z.string(),
  forwardTo: z.string().nullable(),
  trackingKey,
});

export const DOMAIN_STATUSES = ["Registered", "DNSHosted", "TransferPending", "Other"] as const;
export const accountDomainSchema = z.object({
  domainNameId: z.number().int(),
  sld: z.string(),
  tld: z.string(),
  /** `sld.tld` */
  name: z.string(),
  expires: calendarDateSchema.nullable(),
  autoRenew: z.boolean(),
  status: z.enum(DOMAIN_STATUSES),
  /** eNom sells email only for domains registered with the account or on its DNS hosting. */
  emailAvailable: z.boolean(),
});
export const accountDomainsSchema = z.object({
  domains: z.array(accountDomainSchema),
  totalDomainCount: z.number().int().min(0).nullable(),
  /** More pages remained after `maxPages`; the list is incomplete. */
  truncated: z.boolean(),
  trackingKey,
});

export const balanceSchema = z.object({
  balance: moneySchema,
  availableBalance: moneySchema.nullable(),
  trackingKey,
});
