/**
 * eNom's errors: a reply with ErrCount > 0 and texts "that can be presented as is back to the
 * client". Commands throw `EnomError`; the interface turns it into that reply. Every text a
 * caller can see is written here, once, so docs/enom.md can list them.
 */
export class EnomError extends Error {
  readonly messages: string[];
  constructor(...messages: [string, ...string[]]) {
    super(messages.join("; "));
    this.name = "EnomError";
    this.messages = messages;
  }
}

export const enomErrors = {
  // Login and the request itself.
  badLogin: "Bad User name or Password",
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

  // Domains and paks.
  domainNotFound: "Domain name not found",
  emailNotAvailable:
    "POP Email is available only for domain names that are registered with us or use our DNS Hosting",
  bundleNotFound: (id: number | string) => `BundleID ${id} does not belong to this domain`,
  noPaks: "This domain has no POP paks",
  pakExpired: (id: number) => `POP pak ${id} has expired; renew it first`,
  pakTooSmall: (free: number, wanted: number) =>
    `Not enough mailboxes available in this POP pak: ${free} free, ${wanted} requested`,
  notMailboxProduct: (id: number) => `POP pak ${id} is not a Mailbox product; use Renew-POP or EmailStorage`,
  capacityChange: "Capacity cannot be changed on an existing pak",
  insufficientFunds: (needed: string, balance: string) =>
    `Insufficient funds: this order costs ${needed} and the account balance is ${balance}`,
  noCardProcessing: "POP Email does not support our credit card processing",
  clearItemsAlone: "ClearItems must come with another item in the same query",

  // Mailboxes.
  nameTaken: "Invalid Item specified",
  userNotFound: (userName: string) => `Email account ${userName} not found`,
  badUserName: (userName: string, problem: string) => `User name ${userName} is not valid: ${problem}`,
  badPassword: (userName: string, problem: string) => `Password for ${userName} is not valid: ${problem}`,
  nothingToModify: (index: number) => `UserName${index} needs IsAdmin${index} or Password${index}`,
  emailCountMismatch: (count: number, sent: number) =>
    `EmailCount is ${count} but ${sent} user name${sent === 1 ? " was" : "s were"} sent`,
  indexGap: (name: string, index: number) =>
    `${name}${index} is missing; indexed parameters start at 1 without gaps`,
  tooManyUsers: (max: number) => `At most ${max} users can be sent in one query`,
  oneDomainPerQuery: "All users of one query must be on one domain",
  adminChangeOnExpiredPak: (id: number) => `POP pak ${id} has expired; only a password change is allowed`,
  forwardToSelf: "A mailbox cannot forward to its own address",
  catchAllTarget: "CatchAll must be a mailbox of this domain, an email address, or empty",
  userNameRequired: "Parameter UserName is required",
} as const;
