/**
 * eNom's limits and rules for hosted email, written down once.
 *
 * Shared by the simulator (which enforces them as eNom does), the eNom client (which checks
 * input before sending) and the forms (which check as the user types). Plain constants and pure
 * functions only: this file is imported by browser code too.
 * Sources: ../shared/seeds (max sizes, permitted values), ../shared/enom-api.md, eNom KB 1691.
 */

/** Storage capacities eNom sells, in GB, and the Quota GetPOP3 reports for each, in MB. */
export const CAPACITIES_GB = [1, 3, 5, 10] as const;
export type CapacityGb = (typeof CAPACITIES_GB)[number];
export const QUOTA_MB_BY_CAPACITY: Record<CapacityGb, number> = { 1: 1024, 3: 3072, 5: 5120, 10: 10240 };

export const BILLING_PERIODS = ["month", "year"] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export const QUANTITY_UNITS = ["packs", "boxes"] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];
export const MAILBOXES_PER_PACK = 10;

/** PurchaseServices quick-start `quantity`: default 10, max 999 (seeds/002). */
export const PURCHASE_QUANTITY_MAX = 999;
/** ProductType=Mailbox `TimeQuantity`: 1-12 months or years (seeds/000). */
export const TERM_MIN = 1;
export const TERM_MAX = 12;
/** RenewPOPBundle `Quantity` (years): at most 2 characters (seeds/004); eNom's MaxPeriod is 10. */
export const RENEW_YEARS_MAX = 10;
/** EmailStorage units of 512 MB per mailbox. */
export const STORAGE_UNIT_MB = 512;

/** Max sizes of parameters, from the documents' tables. */
export const MAX_SIZE = {
  uid: 20,
  pw: 20,
  sld: 63,
  tld: 15,
  endUserIp: 15,
  userName: 30,
  pakId: 10,
  renewQuantity: 2,
  emailCount: 2,
  timeQuantity: 3,
  displayName: 60,
  forwardTo: 128,
} as const;

/**
 * Mailbox user names: the part before the @. At most 30 characters (eNom's page for
 * SetUpPOP3User); letters, digits, dot, hyphen and underscore; starts and ends with a letter or
 * digit; no two dots in a row. Compared case-insensitively.
 */
export const USER_NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,28}[A-Za-z0-9])?$/;

export function userNameProblem(userName: string): string | null {
  if (userName.length === 0) return "Enter a mailbox name.";
  if (userName.length > MAX_SIZE.userName)
    return `A mailbox name has at most ${MAX_SIZE.userName} characters.`;
  if (!USER_NAME_PATTERN.test(userName))
    return "Use letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit.";
  if (userName.includes("..")) return "A mailbox name cannot have two dots in a row.";
  return null;
}

/**
 * Mailbox passwords. eNom refuses passwords outside 6-30 letters and digits (KB 1691: "cannot
 * contain special characters"); the simulator enforces exactly that. KB 1691 also asks for an
 * upper-case letter, a lower-case letter and a digit, without which mail programs may fail to
 * connect: Mailpak's own forms require those too (`passwordProblem` with `strict`), while eNom's
 * documents still show `resellpw` being accepted, so the simulator does not.
 */
export const PASSWORD_MIN = 6;
export const PASSWORD_MAX = 30;
export const PASSWORD_CHARSET = /^[A-Za-z0-9]+$/;

export function passwordProblem(
  password: string,
  options: { userName?: string; strict?: boolean } = {},
): string | null {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
    return `A password has ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`;
  if (!PASSWORD_CHARSET.test(password)) return "A password may use only letters and digits.";
  if (options.userName && password.toLowerCase() === options.userName.toLowerCase())
    return "A password cannot be the mailbox name.";
  if (options.strict ?? true) {
    if (!/[a-z]/.test(password)) return "Add a lower-case letter.";
    if (!/[A-Z]/.test(password)) return "Add an upper-case letter.";
    if (!/[0-9]/.test(password)) return "Add a digit.";
  }
  return null;
}

/** An address outside the domain, for forwarding and catch-all. */
export const EMAIL_ADDRESS_PATTERN =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Domain labels: SLD at most 63, TLD at most 15 (seeds). */
export const SLD_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
export const TLD_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,13}[A-Za-z0-9])?$/;

/** NNN.NNN.NNN.NNN (seeds/000, EndUserIP). */
export const END_USER_IP_PATTERN = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

/** Product types of GetPOP3's `ProdType`: the newer Mailbox product, and classic 10-paks. */
export const PROD_TYPE_MAILBOX = 2011;
export const PROD_TYPE_CLASSIC_POP = 17;
