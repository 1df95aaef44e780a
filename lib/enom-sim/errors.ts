import type { EnomResponse } from "./wire/boiler";

/**
 * eNom's errors: a reply with ErrCount > 0, texts "that can be presented as is back to the
 * client", and — where eNom's documents give one — a `responses/response` with eNom's number.
 * Commands throw `EnomError`; the interface turns it into that reply. Every text a caller can see
 * is written here, once, so docs/enom.md can list them.
 */
export class EnomError extends Error {
  readonly messages: string[];
  readonly responses: EnomResponse[];
  constructor(messages: string | [string, ...string[]], responses: EnomResponse[] = []) {
    const list = typeof messages === "string" ? [messages] : messages;
    super(list.join("; "));
    this.name = "EnomError";
    this.messages = list;
    this.responses = responses;
  }
}

/** One failure: eNom's text and, when a document gives it, its response. */
export interface Failure {
  message: string;
  response?: EnomResponse;
}

export function failWith(failure: Failure): never {
  throw new EnomError(failure.message, failure.response ? [failure.response] : []);
}

/**
 * The errors whose numbers eNom documents (../shared/enom-api.md "The wire",
 * ../shared/enom-samples/error-*.xml, api-error-codes.md "Email error codes").
 */
export const documentedFailures = {
  /** 304155 "Validation error; invalid ; loginid" (enom-api.md). */
  badLogin: {
    message: "Bad User name or Password",
    response: { number: 304155, text: "Validation error; invalid ; loginid" },
  },
  /** 713254 "Policy error; unauthorized; user(s)" (enom-api.md; the text as error-ip.xml shows it). */
  ipNotAllowed: (ip: string): Failure => ({
    message: `User not permitted from this IP address - ${ip}`,
    response: { number: 713254, text: "Policy error; unauthorized; user(s)" },
  }),
  /** 316153 with a Description (error-with-responses.xml). */
  domainNotFound: {
    message: "Domain name not found",
    response: {
      description: "Domain name not found",
      number: 316153,
      text: "Validation error; not found; domain name(s)",
    },
  },
  /** Email error 48 (api-error-codes.md): the password contains the user name or the domain. */
  passwordRejected: {
    message: "Password rejected - contains username or other account info",
    response: { number: 48, text: "Password rejected - contains username or other account info" },
  },
  /** Email error 20 (api-error-codes.md): transient, "Method should be retried". */
  tryAgainLater: { message: "Try again later", response: { number: 20, text: "Try again later" } },
  /** Email error 25 (api-error-codes.md): transient, "please retry in a few minutes". */
  provisioningLock: {
    message: "Failed to obtain provisioning lock",
    response: { number: 25, text: "Failed to obtain provisioning lock" },
  },
} satisfies Record<string, Failure | ((...args: never[]) => Failure)>;

/** Texts of errors no eNom document numbers: they carry no `responses` (ResponseCount 0). */
export const enomErrors = {
  // Login and the request itself.
  badLogin: documentedFailures.badLogin.message,
  noCommand: "No command was specified",
  unknownCommand: "Invalid Command Name",
  badResponseType: "Invalid ResponseType; permitted values are Text, HTML and XML",
  internal: "An internal error occurred; please try again later",
  resellerOnly: "This command is available for reseller accounts only",

  // Parameters (names as eNom's tables spell them).
  missing: (name: string) => `Parameter ${name} is required`,
  tooLong: (name: string, max: number) => `Parameter ${name} exceeds its maximum size of ${max} characters`,
  notPermitted: (name: string, permitted: readonly string[]) =>
    `Invalid value for ${name}; permitted values are ${permitted.join(", ")}`,
  notWholeNumber: (name: string, min: number, max: number) =>
    `${name} must be a whole number from ${min} to ${max}`,
  badEndUserIp: "EndUserIP must use the format NNN.NNN.NNN.NNN",
  controlCharacters: (name: string) => `${name} contains characters that are not allowed`,
  notAnAddress: (name: string) => `${name} is not a valid email address`,
  notSimulated: (what: string) =>
    `The eNom simulator does not simulate ${what}: no eNom document says what it does`,

  // Domains and paks.
  domainNotFound: documentedFailures.domainNotFound.message,
  emailNotAvailable:
    "POP Email is available only for domain names that are registered with us or use our DNS Hosting",
  bundleNotFound: (id: number | string) => `BundleID ${id} does not belong to this domain`,
  pakExpired: (id: number) => `POP pak ${id} has expired; renew it first`,
  pakTooSmall: (free: number, wanted: number) =>
    `Not enough mailboxes available in this POP pak: ${free} free, ${wanted} requested`,
  pakNotEmpty: (id: number, mailboxes: number) =>
    `POP pak ${id} still has ${mailboxes} email account${mailboxes === 1 ? "" : "s"}; delete them with DeletePOP3 before deleting the pak`,
  paksNotEmpty: (mailboxes: number) =>
    `The domain's POP paks still have ${mailboxes} email account${mailboxes === 1 ? "" : "s"}; delete them with DeletePOP3 before deleting the paks`,
  notMailboxProduct: (id: number) => `POP pak ${id} is not a Mailbox product; use Renew-POP or EmailStorage`,
  notPopPak: (id: number) =>
    `POP pak ${id} is a Mailbox product, not a POP 10-pak; renew it with PurchaseServices ProductType=Mailbox ActionType=Renew`,
  capacityChange: "Capacity cannot be changed on an existing pak",
  insufficientFunds: (needed: string, balance: string) =>
    `Insufficient funds: this order costs ${needed} and the account balance is ${balance}`,
  noCardProcessing: "POP Email does not support our credit card processing",
  clearItemsAlone: "ClearItems must come with another item in the same query",

  // Mailboxes.
  nameTaken: "Invalid Item specified",
  userNotFound: (userName: string) => `Email account ${userName} not found`,
  badUserName: (userName: string, problem: string) => `User name ${userName} is not valid: ${problem}`,
  badPassword: (problem: string) => `Password is not valid: ${problem}`,
  nothingToModify: (index: number) => `UserName${index} needs IsAdmin${index} or Password${index}`,
  emailCountMismatch: (count: number, sent: number) =>
    `EmailCount is ${count} but ${sent} user name${sent === 1 ? " was" : "s were"} sent`,
  indexGap: (name: string, index: number) =>
    `${name}${index} is missing; indexed parameters start at 1 without gaps`,
  tooManyUsers: (max: number) => `At most ${max} users can be sent in one query`,
  oneDomainPerQuery: "All users of one query must be on one domain",
  adminChangeOnExpiredPak: (id: number) => `POP pak ${id} has expired; only a password change is allowed`,
  deleteOnExpiredPak: (id: number) =>
    `POP pak ${id} has expired; an email account can be deleted only from a pak whose subscription is current`,

  // Forwarding and catch-all.
  forwardingDomainMismatch: "EMail must be the domain of SLD and TLD, written SLD.TLD",
  noForwarding: (userName: string) => `There is no email forwarding for ${userName}`,
  aliasListedTwice: (alias: string) => `Address ${alias} is listed more than once`,
  tooManyForwards: (max: number) => `This domain name permits at most ${max} email forwarding records`,

  // Host records and DNS ("The domain must use eNom's domain name servers", gethosts.md and others).
  notOnEnomDns: "The domain must use eNom's domain name servers",
  tooManyHosts: (max: number) => `At most ${max} host records can be set (HostName1 to HostName${max})`,
  badHostName: (name: string) => `${name} is not a valid host name`,
  badHostAddress: (name: string, type: string) =>
    `${name} is not valid for a ${type} record (A and MXE take an IP address, AAAA an IPv6 address)`,
} as const;
