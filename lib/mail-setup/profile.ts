import { createHash } from "node:crypto";
import type { MailServers } from "./model";

/**
 * The Apple configuration profile (`.mobileconfig`) that sets up one mailbox in Mail on an iPhone,
 * iPad or Mac: an unsigned property list holding one `com.apple.mail.managed` payload, IMAP in and
 * SMTP out, both over TLS, the address as user name, and no password (the device asks for it while
 * installing). Keys as Apple's Device Management reference names them ("Mail", developer.apple.com/
 * documentation/devicemanagement/mail). The UUIDs and identifiers come from the address, so the
 * same mailbox's profile installed again replaces the first instead of adding a second account.
 */

type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

/** Characters XML 1.0 cannot carry at all (controls but tab and line ends, lone surrogates, U+FFFE/F). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function plistValue(value: PlistValue, indent: string): string {
  const inner = `${indent}\t`;
  if (typeof value === "string") return `${indent}<string>${escapeXml(value)}</string>`;
  if (typeof value === "boolean") return `${indent}<${value ? "true" : "false"}/>`;
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error("A profile holds whole numbers only.");
    return `${indent}<integer>${value}</integer>`;
  }
  if (Array.isArray(value))
    return [`${indent}<array>`, ...value.map((item) => plistValue(item, inner)), `${indent}</array>`].join(
      "\n",
    );
  return [
    `${indent}<dict>`,
    ...Object.entries(value).flatMap(([key, item]) => [
      `${inner}<key>${escapeXml(key)}</key>`,
      plistValue(item, inner),
    ]),
    `${indent}</dict>`,
  ].join("\n");
}

/** A property list document (Apple's DTD) of one top-level dictionary. */
export function plistDocument(root: { [key: string]: PlistValue }): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plistValue(root, ""),
    "</plist>",
    "",
  ].join("\n");
}

/**
 * A UUID that is the same for the same address and part every time: SHA-256 of both, shaped as
 * an RFC 9562 version 8 (application-defined) UUID, upper case as Apple's examples write them.
 */
export function stableProfileUuid(address: string, part: string): string {
  const bytes = createHash("sha256")
    .update(`mailpak-mobileconfig\u0000${part}\u0000${address.toLowerCase()}`)
    .digest();
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString("hex").toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The reverse-DNS identifier of a mailbox's profile: `com.example.email.<uuid>` for info@example.com. */
function profileIdentifier(address: string, uuid: string): string {
  const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  const reversed = domain.split(".").filter(Boolean).reverse().join(".");
  return `${reversed || "email"}.email.${uuid}`;
}

export interface AppleMailProfileInput {
  /** The mailbox's full address: the account's address and the user name on both servers. */
  address: string;
  /** The name on the mail the account sends; empty or null leaves it to the device. */
  displayName?: string | null;
  servers: Pick<MailServers, "imap" | "smtp">;
  /** Whose profile it is: the reseller's product name (never the upstream provider's). */
  organization: string;
}

export function appleMailProfile(input: AppleMailProfileInput): string {
  const address = input.address.trim().toLowerCase();
  const profileUuid = stableProfileUuid(address, "profile");
  const mailUuid = stableProfileUuid(address, "mail");
  const identifier = profileIdentifier(address, profileUuid);
  const { imap, smtp } = input.servers;
  const name = input.displayName?.trim();
  const mail: { [key: string]: PlistValue } = {
    EmailAccountDescription: address,
    ...(name ? { EmailAccountName: name } : {}),
    EmailAccountType: "EmailTypeIMAP",
    EmailAddress: address,
    IncomingMailServerAuthentication: "EmailAuthPassword",
    IncomingMailServerHostName: imap.host,
    IncomingMailServerPortNumber: imap.port,
    IncomingMailServerUseSSL: true,
    IncomingMailServerUsername: address,
    OutgoingMailServerAuthentication: "EmailAuthPassword",
    OutgoingMailServerHostName: smtp.host,
    OutgoingMailServerPortNumber: smtp.port,
    OutgoingMailServerUseSSL: true,
    OutgoingMailServerUsername: address,
    OutgoingPasswordSameAsIncomingPassword: true,
    PayloadDescription: `Sets up ${address} in Mail.`,
    PayloadDisplayName: address,
    PayloadIdentifier: `${identifier}.mail`,
    PayloadType: "com.apple.mail.managed",
    PayloadUUID: mailUuid,
    PayloadVersion: 1,
  };
  return plistDocument({
    PayloadContent: [mail],
    PayloadDescription: `Sets up the mailbox ${address} in Mail. Enter the mailbox's password when asked.`,
    PayloadDisplayName: `Email: ${address}`,
    PayloadIdentifier: identifier,
    PayloadOrganization: input.organization,
    PayloadRemovalDisallowed: false,
    PayloadType: "Configuration",
    PayloadUUID: profileUuid,
    PayloadVersion: 1,
  });
}

/** The download's file name: the address with anything a file system dislikes replaced. */
export function profileFileName(address: string): string {
  const safe = address.toLowerCase().replace(/[^a-z0-9@._-]/g, "_");
  return `${safe || "mailbox"}.mobileconfig`;
}

export const MOBILECONFIG_CONTENT_TYPE = "application/x-apple-aspen-config";
