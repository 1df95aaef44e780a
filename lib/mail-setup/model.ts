import { z } from "zod";
import { emailSchema } from "@/lib/validation/account";

/**
 * What the mailbox setup pages, the Apple profile and the setup email share; browser-safe (the
 * send form checks its input with the action's own schema).
 */

/** How an email program secures a server: TLS from the first byte, or upgraded with STARTTLS. */
export type MailSecurity = "SSL/TLS" | "STARTTLS";

export interface MailServer {
  host: string;
  port: number;
  security: MailSecurity;
}

export interface MailServers {
  imap: MailServer;
  /** Null when the installation offers no POP server. */
  pop: MailServer | null;
  smtp: MailServer;
}

/** The servers for one domain, or what is still to be configured. */
export type MailServerSettings =
  | { configured: true; servers: MailServers; webmailUrl: string | null }
  | { configured: false; webmailUrl: string | null; missing: string[] };

/** The implicit-TLS ports of RFC 8314 (and 995 for POP3S); any other port is taken as STARTTLS. */
const IMPLICIT_TLS_PORTS = new Set([993, 995, 465]);

export function securityOfPort(port: number): MailSecurity {
  return IMPLICIT_TLS_PORTS.has(port) ? "SSL/TLS" : "STARTTLS";
}

/** Said when the servers are not configured yet; in words a customer may read. */
export const SETUP_NOT_READY =
  "The settings for email programs are not available yet. Please contact support.";

/** One mailbox's setup as the page shows it. */
export interface MailboxSetupView {
  domain: string;
  userName: string;
  address: string;
  displayName: string | null;
  settings: MailServerSettings;
}

/** Where the setup page of a mailbox lives, for staff ("") or the portal ("/portal"). */
export function mailboxSetupPath(basePath: string, domain: string, userName: string): string {
  return `${basePath}/domains/${encodeURIComponent(domain)}/mailboxes/${encodeURIComponent(userName.toLowerCase())}/setup`;
}

/** The Apple profile's download for a signed-in viewer (the route checks the viewer's access). */
export function mailboxProfilePath(domain: string, userName: string): string {
  return `/api/domains/${encodeURIComponent(domain)}/mailboxes/${encodeURIComponent(userName.toLowerCase())}/profile`;
}

const setupTarget = {
  domain: z.string().trim().toLowerCase().min(1, "Choose a domain.").max(253, "That is not a domain name."),
  userName: z.string().trim().min(1, "Choose a mailbox.").max(64, "That mailbox was not found."),
};

/** "Send setup instructions": to the mailbox itself, or to another address (a personal one). */
export const sendSetupInstructionsSchema = z.discriminatedUnion(
  "recipient",
  [
    z.object({ ...setupTarget, recipient: z.literal("mailbox") }),
    z.object({ ...setupTarget, recipient: z.literal("other"), to: emailSchema }),
  ],
  "Choose who gets the instructions.",
);
export type SendSetupInstructionsInput = z.input<typeof sendSetupInstructionsSchema>;
