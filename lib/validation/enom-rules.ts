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
  /** eNom's table says 20, but eNom's API tokens replace the password and are longer (api-tokens.md). */
  pw: 256,
  sld: 63,
  tld: 15,
  endUserIp: 15,
  userName: 30,
  /** DeletePOP3's UserNameX is at most 16 characters (delete-pop-3.md): longer names cannot be deleted by the API. */
  deleteUserName: 16,
  /** SetPOPForwarding's EMail (the domain, sld.tld). */
  forwardingDomain: 78,
  /** ModifyPOP3's PasswordX. */
  modifyPassword: 50,
  pakId: 10,
  renewQuantity: 2,
  emailCount: 2,
  timeQuantity: 3,
  displayName: 60,
  /** SetCatchAll and SetPOPForwarding `ForwardTo`. */
  forwardTo: 130,
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
 * Mailbox passwords: eNom's current rule (../shared/enom-api.md, "Mailbox passwords"; eNom
 * support article 201000065374; blog "Email API update: stronger email password requirements in
 * effect November 23, 2018"; api-error-codes.md error 48): 10 to 20 characters, at least one
 * upper-case letter, one number and one of `* @ - _ / .`; a password that contains the user name,
 * the domain or other account information is refused (error 48). Which other characters eNom
 * accepts is not documented, so Mailpak allows letters, digits and those six symbols only.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 20;
export const PASSWORD_SYMBOLS = "*@-_/.";
export const PASSWORD_CHARSET = /^[A-Za-z0-9*@\-_/.]+$/;
const PASSWORD_SYMBOL = /[*@\-_/.]/;

/** What a mailbox password must not contain (case-insensitively): its user name and its domain. */
export interface PasswordContext {
  userName?: string;
  /** The domain: `example.com`; its SLD (`example`) is refused too. */
  domain?: string;
}

/**
 * The password's first problem in the user's words, or null. `legacy` is the simulator's switch for
 * replaying the 2014 seeds verbatim (their `Abcdefg1`, `resellpw` predate the rule): letters and
 * digits, 6 to 30, as eNom's pages then allowed.
 */
export function passwordProblem(
  password: string,
  context: PasswordContext & { legacy?: boolean } = {},
): string | null {
  if (context.legacy) {
    if (password.length < 6 || password.length > 30) return "A password has 6 to 30 characters.";
    return /^[A-Za-z0-9]+$/.test(password) ? null : "A password may use only letters and digits.";
  }
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
    return `A password has ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`;
  if (!PASSWORD_CHARSET.test(password))
    return `A password may use only letters, digits and the symbols ${PASSWORD_SYMBOLS.split("").join(" ")}`;
  if (!/[A-Z]/.test(password)) return "Add an upper-case letter.";
  if (!/[0-9]/.test(password)) return "Add a number.";
  if (!PASSWORD_SYMBOL.test(password))
    return `Add a symbol (one of ${PASSWORD_SYMBOLS.split("").join(" ")}).`;
  const lower = password.toLowerCase();
  const userName = context.userName?.trim().toLowerCase();
  if (userName && lower.includes(userName)) return "A password cannot contain the mailbox name.";
  const domain = context.domain?.trim().toLowerCase();
  if (domain) {
    const sld = domain.split(".")[0] ?? "";
    if (lower.includes(domain) || (sld.length >= 3 && lower.includes(sld)))
      return "A password cannot contain the domain name.";
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

/**
 * GetPOP3's `ProdType`: 2011 is the Mailbox product bought through PurchaseServices (seeds/002,
 * with `Version` 3); the GetPOP3 page's classic 10-pak shows 38. Any other value is treated as a
 * classic pak (RenewPOPBundle), and docs/enom.md lists the value as an unknown.
 */
export const PROD_TYPE_MAILBOX = 2011;
export const PROD_TYPE_CLASSIC_POP = 38;
