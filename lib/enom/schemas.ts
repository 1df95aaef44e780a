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
      /** Quantity counts mailboxes: the client always sends `QuantityUnit=boxes` (packs is eNom's default, addtocart.md). */
      action: z.enum(["create", "renew"]).default("create"),
      /** The pak to renew; required with action `renew`. */
      productId: enomIdSchema.optional(),
      quantity: z.number().int().min(1).max(PURCHASE_QUANTITY_MAX),
      timeUnit: billingPeriodSchema.default("year"),
      timeQuantity: z.number().int().min(TERM_MIN).max(TERM_MAX).default(1),
      /**
       * `Capacity` (seeds/000: optional, default 1 GB). Left out when not given: renewing or
       * growing a pak must not ask for another capacity (what eNom does then is not documented).
       */
      capacity: capacitySchema.optional(),
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

/** A mailbox password, checked with eNom's current rule against its user name (and domain, by the command). */
function checkPassword(userNameField: string, password: string | undefined, ctx: z.RefinementCtx) {
  if (password === undefined) return;
  const problem = passwordProblem(password, { userName: userNameField });
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
}

export const newMailboxSchema = z
  .object({
    userName: userNameSchema,
    password: z.string(),
    isAdmin: z.boolean().default(false),
    /** Sent as DisplayNameX (SetUpPOP3User page); eNom never returns it, so the panel keeps its own copy. */
    displayName: displayNameSchema.optional(),
  })
  .superRefine((mailbox, ctx) => checkPassword(mailbox.userName, mailbox.password, ctx));

/**
 * eNom refuses a password that contains the domain name (api-error-codes.md, error 48): checked
 * here, where the domain is known, so such a batch is never sent.
 */
function checkPasswordsAgainstDomain(
  input: {
    domain: { sld: string; tld: string };
    users: ReadonlyArray<{ userName: string; password?: string }>;
  },
  ctx: z.RefinementCtx,
) {
  const domain = `${input.domain.sld}.${input.domain.tld}`;
  input.users.forEach((user, index) => {
    if (user.password === undefined) return;
    if (passwordProblem(user.password, { userName: user.userName })) return; // already reported
    const problem = passwordProblem(user.password, { userName: user.userName, domain });
    if (problem) ctx.addIssue({ code: "custom", path: ["users", index, "password"], message: problem });
  });
}

export const setUpPop3UsersInputSchema = z
  .object({
    domain: domainInputSchema,
    bundleId: enomIdSchema,
    users: z
      .array(newMailboxSchema)
      .min(1, "Add at least one mailbox.")
      .max(BATCH_MAX)
      .superRefine(uniqueNames((u) => u.userName)),
  })
  .superRefine(checkPasswordsAgainstDomain);

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

/** ModifyPOP3: SLD, TLD, EmailCount, UserNameX, PasswordX and/or IsAdminX; no BundleID (modify-pop-3.md). */
export const modifyPop3UsersInputSchema = z
  .object({
    domain: domainInputSchema,
    users: z
      .array(mailboxChangeSchema)
      .min(1, "Choose at least one mailbox.")
      .max(BATCH_MAX)
      .superRefine(uniqueNames((u) => u.userName)),
  })
  .superRefine(checkPasswordsAgainstDomain);

/** DeletePOP3's UserNameX has at most 16 characters (delete-pop-3.md): a longer name is refused before sending. */
const deletableUserNameSchema = userNameSchema.superRefine((name, ctx) => {
  if (name.length > MAX_SIZE.deleteUserName)
    ctx.addIssue({
      code: "custom",
      message: `eNom can delete only mailboxes whose name has at most ${MAX_SIZE.deleteUserName} characters; this one has ${name.length}, so nothing was sent.`,
    });
});

export const deletePop3UsersInputSchema = z.object({
  domain: domainInputSchema,
  userNames: z
    .array(deletableUserNameSchema)
    .min(1, "Choose at least one mailbox.")
    .max(BATCH_MAX)
    .superRefine(uniqueNames((n) => n)),
});

// ── Forwarding ──────────────────────────────────────────────────────────────────────────────

/**
 * SetCatchAll `ForwardTo`: required, a full address `mailbox@sld.tld`, at most 130 (SetCatchAll
 * page). No eNom document shows how to turn a catch-all off, so the client offers no "off".
 */
export const setCatchAllInputSchema = z.object({ domain: domainInputSchema, forwardTo: emailAddressSchema });

/** GetPOPForwarding `SLD, TLD[, UserName]`: without a user name, every forward of the domain. */
export const popForwardingInputSchema = z.object({
  domain: domainInputSchema,
  userName: userNameSchema.optional(),
});

/**
 * SetPOPForwarding (its page): `UserName`, `EMail` (= sld.tld), `ForwardTo` (required, also to
 * delete), `Enable` 1 add or change / 0 delete, `StatusFlags`. `keepCopy` true sends
 * StatusFlags=0 ("deliver to both original mailbox and forwarding address"), false sends 1
 * ("deliver only to the forwarding address"); what eNom really does with each is an unknown
 * (docs/enom.md), read back with GetPOPForwarding.
 */
export const setPopForwardingInputSchema = z.discriminatedUnion("enable", [
  z.object({
    enable: z.literal(true),
    domain: domainInputSchema,
    userName: userNameSchema,
    forwardTo: emailAddressSchema,
    keepCopy: z.boolean().default(true),
  }),
  z.object({
    enable: z.literal(false),
    domain: domainInputSchema,
    userName: userNameSchema,
    /** The forward being deleted: eNom marks ForwardTo required even with Enable=0. */
    forwardTo: emailAddressSchema,
  }),
]);

// ── Account ─────────────────────────────────────────────────────────────────────────────────

/**
 * GetDomains: `Tab` IOwn (registered, eNom's default) or IHost (DNS hosting; both can buy email,
 * seeds/000), `Display` 0-100 per page (default 25), `Start`; the client follows `NextRecords`.
 */
export const DOMAIN_TABS = ["IOwn", "IHost"] as const;
export const GET_DOMAINS_PAGE_MAX = 100;
export const getDomainsInputSchema = z.object({
  tab: z.enum(DOMAIN_TABS).default("IOwn"),
  pageSize: z.number().int().min(1).max(GET_DOMAINS_PAGE_MAX).default(GET_DOMAINS_PAGE_MAX),
  /** Pages followed before giving up (the result says `truncated`): 1,000 pages = 100,000 names. */
  maxPages: z.number().int().min(1).max(1_000).default(1_000),
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

/**
 * One `<pop>` of GetPOP3 (username, password, quota, expdate, BundleId, AutoRenew, admin,
 * quotaused). The password eNom sends in clear is dropped by the parser and exists nowhere in
 * Mailpak. eNom returns no display name and no forwarding per mailbox.
 */
export const mailboxSchema = z.object({
  userName: z.string(),
  /** `userName@sld.tld` */
  address: z.string(),
  bundleId: z.number().int().nullable(),
  isAdmin: z.boolean(),
  /** `quota`, MB. */
  quotaMb: z.number().int().min(0).nullable(),
  /** `quotaused`, MB. */
  quotaUsedMb: z.number().min(0).nullable(),
  expires: calendarDateSchema.nullable(),
  autoRenew: z.boolean().nullable(),
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

/** PurchasePOPBundle: one `Bundles/BundleID` per 10-pak bought, `BundleCount` of them. */
export const popBundlePurchaseSchema = z.object({
  orderId: z.number().int(),
  bundleIds: z.array(z.number().int()),
  trackingKey,
});

export const pakRenewSettingSchema = z.object({
  bundleId: z.number().int(),
  autoRenew: z.boolean(),
  trackingKey,
});

/**
 * A batch command's outcome per mailbox. eNom documents only counts (AccountsCreated/Modified/
 * Deleted, AccountsFailed), never which names failed: when the counts do not say every name was
 * done, every name is `unknown` (read back with GetPOP3 before acting on them again). `failed`
 * stays empty until eNom documents a per-name failure.
 */
export const mailboxBatchSchema = z.object({
  succeeded: z.array(z.string()),
  failed: z.array(z.object({ userName: z.string(), reason: z.string() })),
  unknown: z.array(z.string()),
  /** eNom's Err texts that came with the batch's counts (seeds/001), for the audit; [] when none. */
  enomErrors: z.array(z.string()),
  trackingKey,
});

/** DeletePOPPak: the pak must have no mailboxes (delete-pop-pak.md). */
export const pakDeletionSchema = z.object({ bundleId: z.number().int(), trackingKey });
/** DeleteAllPOPPaks: `PaksRemoved`. */
export const allPaksDeletionSchema = z.object({ paksRemoved: z.number().int().min(0), trackingKey });

/** RenewPOPBundle: `orderid` only (renew-pop-bundle.md and its sample). */
export const pakRenewalSchema = z.object({ orderId: z.number().int(), trackingKey });

/**
 * One `popexpirations/pop` of GetPOPExpirations: `domain`, `bundleid`, `expdate` (XML); Text adds
 * `renew1`, `version1`. No quantity, quota or billing period: those come from GetPOP3 per domain.
 */
export const popExpirationSchema = z.object({
  domainName: z.string(),
  bundleId: z.number().int(),
  expires: calendarDateSchema,
  /** Only the Text format carries it (`renewN`); null when eNom did not say. */
  autoRenew: z.boolean().nullable(),
  version: z.string().nullable(),
});
export const popExpirationsSchema = z.object({ paks: z.array(popExpirationSchema), trackingKey });

export const catchAllSchema = z.object({ catchAll: z.string().nullable(), trackingKey });
/** One `<popforwarding>` of GetPOPForwarding. */
export const popForwardSchema = z.object({
  userName: z.string(),
  forwardTo: z.string(),
  active: z.boolean(),
});
export const popForwardingSchema = z.object({ forwards: z.array(popForwardSchema), trackingKey });
/** SetPOPForwarding: eNom answers `success` and nothing else; the client reads the forward back. */
export const popForwardingWriteSchema = z.object({ trackingKey });

/** Which GetDomains tab listed the domain: IOwn (registered here) or IHost (DNS hosting here). */
export const DOMAIN_STATUSES = ["Registered", "DNSHosted"] as const;
/** One `GetDomains/domain-list/domain` (DomainNameID, sld, tld, ns-status, expiration-date, auto-renew). */
export const accountDomainSchema = z.object({
  domainNameId: z.number().int(),
  sld: z.string(),
  tld: z.string(),
  /** `sld.tld` */
  name: z.string(),
  expires: calendarDateSchema.nullable(),
  autoRenew: z.boolean(),
  /** `ns-status`: YES, NO, NA … as eNom wrote it, or null. */
  nsStatus: z.string().nullable(),
  status: z.enum(DOMAIN_STATUSES),
  /** eNom sells email for domains registered with the account or on its DNS hosting (seeds/000). */
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

// ── Host records and domain email forwarding (aliases) ──────────────────────────────────────

/**
 * SetHosts' record types (set-hosts.md, RecordTypeX "Permitted values"). GetHosts may return
 * others (SRV records are set with SetDomainSRVHosts): a list holding one cannot be written back
 * whole with SetHosts, and the input schema says so.
 */
export const HOST_RECORD_TYPES = ["A", "AAAA", "CNAME", "URL", "FRAME", "MX", "MXE", "TXT"] as const;
/** SetHosts: "HostNameX X=1 to maximum 50" (set-hosts.md). */
export const SET_HOSTS_MAX = 50;

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
/**
 * A host name under the domain: `@` (the domain itself, as GetHosts' sample writes it), `*`, or
 * labels such as `www`, `_dmarc`, `k1._domainkey`. Mailpak's guard, not an eNom rule: the page
 * gives no syntax.
 */
const HOST_NAME =
  /^(?:@|\*|(?:\*\.)?[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*)$/;

/**
 * One record for SetHosts (set-hosts.md): `HostNameX`, `RecordTypeX`, `AddressX`, `MXPrefX`
 * ("use with record type MX; default is 10"). A and MXE take an IP address, AAAA an IPv6 address;
 * CNAME and MX a fully qualified name ending in "." or a host name of this domain; TXT the text.
 */
export const hostRecordInputSchema = z
  .object({
    name: z.string().trim().regex(HOST_NAME, "Enter a host name such as @, www or _dmarc."),
    type: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum(HOST_RECORD_TYPES, "SetHosts cannot write this type of record.")),
    address: z
      .string()
      .trim()
      .min(1, "Enter the record's address or text.")
      .regex(NO_CONTROL_CHARACTERS, "An address cannot contain line breaks or control characters."),
    mxPref: z.number().int().min(0).max(65_535).optional(),
  })
  .superRefine((record, ctx) => {
    const problem =
      (record.type === "A" || record.type === "MXE") && !IPV4.test(record.address)
        ? "must be an IP address"
        : record.type === "AAAA" && (!record.address.includes(":") || /\s/.test(record.address))
          ? "must be an IPv6 address"
          : record.type !== "TXT" && /\s/.test(record.address)
            ? "cannot contain spaces"
            : null;
    if (problem)
      ctx.addIssue({
        code: "custom",
        path: ["address"],
        message: `A ${record.type} record's address ${problem}.`,
      });
  });

/**
 * SetHosts replaces every host record of the domain with the ones sent ("This command deletes all
 * existing host records and replaces them with the records you supply"): `records` is the whole
 * list, at least one (HostName1 is required) and at most 50.
 */
export const setHostsInputSchema = z.object({
  domain: domainInputSchema,
  records: z
    .array(hostRecordInputSchema)
    .min(1, "SetHosts needs the domain's whole list of host records; it cannot be empty.")
    .max(SET_HOSTS_MAX, `eNom keeps at most ${SET_HOSTS_MAX} host records per domain (SetHosts).`),
});

/**
 * Forwarding (forwarding.md): `AddressX` (the alias, "mailbox user name", ≤ 30) and `ForwardToX`
 * (≤ 130, a full address). "The query must include all addresses that you want to keep": `aliases`
 * is the domain's whole list.
 */
export const aliasInputSchema = z.object({ alias: userNameSchema, forwardTo: emailAddressSchema });
export const setDomainForwardingInputSchema = z.object({
  domain: domainInputSchema,
  aliases: z
    .array(aliasInputSchema)
    .min(1, "Forwarding needs the domain's whole list of aliases; eNom documents no empty list.")
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        const name = item.alias.toLowerCase();
        if (seen.has(name))
          ctx.addIssue({ code: "custom", path: [index, "alias"], message: "This alias is listed twice." });
        seen.add(name);
      });
    }),
});

/** One `<host>` of GetHosts (gethosts.md): Name, Type, Address, MXPref, hostid. */
export const hostRecordSchema = z.object({
  /** `@` for the domain itself. */
  name: z.string(),
  /** Upper case, as eNom writes it; any type eNom returns is kept (see HOST_RECORD_TYPES). */
  type: z.string(),
  address: z.string(),
  /** Only where eNom sent one (every record in Text, MXE in the XML sample). */
  mxPref: z.number().int().nullable(),
  hostId: z.number().int().nullable(),
});
export const hostRecordsSchema = z.object({ records: z.array(hostRecordSchema), trackingKey });
/** SetHosts: `DomainRRP` and the envelope; the caller reads the records back with GetHosts. */
export const hostRecordsWriteSchema = z.object({ trackingKey });

/** GetMailHosts' `ServiceSelect` (GetMailHosts.md): "The identification number of the email service". */
export const EMAIL_SERVICE_NAMES = [
  "no-email",
  "email-forwarding",
  "user-configured",
  "user-simplified",
  "pop-mail",
] as const;
export const EMAIL_SERVICES: Readonly<Record<number, (typeof EMAIL_SERVICE_NAMES)[number]>> = {
  1048: "no-email",
  1051: "email-forwarding", // email forwarding ("easy" mail)
  1054: "user-configured",
  1105: "user-simplified",
  1114: "pop-mail", // "enable POP Mail"
};
export const mailServiceSchema = z.object({
  /** ServiceSelect as eNom sent it, or null when it came empty (as in the page's XML sample). */
  serviceSelect: z.number().int().nullable(),
  /** Its meaning from the page's table; null when eNom sent none. */
  emailService: z.enum(EMAIL_SERVICE_NAMES).nullable(),
  /** `mailhosts/EmailForwarding` (XML only); null when absent. Its meaning is not documented. */
  emailForwarding: z.boolean().nullable(),
  trackingKey,
});

/** GetDNS (GetDNS.md): the domain's name servers. */
export const nameServersSchema = z.object({
  /** `<dns>` (XML) / `DNS1…` (Text), lower-cased. */
  nameServers: z.array(z.string()),
  /**
   * True when every name server is one of eNom's (`*.name-services.com`, the page's sample), false
   * when none is, null when they are mixed or none is listed.
   */
  usesEnomNameServers: z.boolean().nullable(),
  /** `UseDNS` as eNom wrote it (`default` in the sample); its values are not documented. */
  useDns: z.string().nullable(),
  /** `HostsNumLimit` (15 in the sample); not explained by the page (SetHosts says 50). */
  hostsNumLimit: z.number().int().nullable(),
  trackingKey,
});

/** One `<eforward>` of GetForwarding (get-forwarding.md). */
export const aliasSchema = z.object({
  alias: z.string(),
  forwardTo: z.string(),
  /** `status`: "0 Email forwarding enabled, 1 Email forwarding disabled". */
  enabled: z.boolean(),
  mailId: z.number().int().nullable(),
  rejectReason: z.string().nullable(),
});
export const domainForwardingSchema = z.object({
  aliases: z.array(aliasSchema),
  /** `MaxEmail`: "Total number of email forwarding records permitted for this domain name". */
  maxAliases: z.number().int().min(0).nullable(),
  trackingKey,
});
/** Forwarding: the envelope (and `EmailForwardingEnabled`, `MailCount`, whose meaning no page gives). */
export const domainForwardingWriteSchema = z.object({ trackingKey });
