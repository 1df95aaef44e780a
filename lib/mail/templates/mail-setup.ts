import type { Branding } from "@/lib/branding/branding";
import type { MailServer, MailServers } from "@/lib/mail-setup/model";
import { formatDateTimeUtc } from "../dates";
import type { MailContent } from "../message";
import { renderEmail } from "./layout";

export interface MailSetupEmail {
  /** The mailbox being set up: its address is the user name on every server. */
  address: string;
  servers: MailServers;
  webmailUrl: string | null;
  /** A signed link that installs the Apple profile, and until when it works. */
  profileUrl: string;
  profileExpiresAt: Date;
}

function serverLine(label: string, server: MailServer): string {
  return `${label}: ${server.host}, port ${server.port}, ${server.security}.`;
}

/**
 * How to read a mailbox in an email program or on a phone, in the reseller's brand. It never holds
 * a password (the reader is told where to get it instead) and names only the configured servers.
 */
export function mailSetupEmail(branding: Branding, setup: MailSetupEmail): MailContent {
  const { imap, pop, smtp } = setup.servers;
  return renderEmail(branding, {
    subject: `Set up ${setup.address} on your phone and computer`,
    heading: `Your email on your devices: ${setup.address}`,
    paragraphs: [
      "Hello,",
      `Here is how to read and send the email of ${setup.address} on your phone, tablet or computer.`,
      `On an iPhone, iPad or Mac, open the link below on that device and install the profile it downloads (Settings, then "Profile Downloaded" on an iPhone or iPad). Mail asks for the mailbox's password while it installs.`,
    ],
    action: { label: "Set up on iPhone, iPad or Mac", url: setup.profileUrl },
    after: [
      `The link works until ${formatDateTimeUtc(setup.profileExpiresAt)}.`,
      `In any other email program (Outlook, Thunderbird, Android's Gmail app), add an account with these settings. The user name is your full email address, ${setup.address}, on every server.`,
      serverLine("Incoming mail (IMAP, recommended)", imap),
      ...(pop ? [serverLine("Incoming mail (POP3, keeps mail on one device only)", pop)] : []),
      `${serverLine("Outgoing mail (SMTP)", smtp)} It needs the same user name and password.`,
      ...(setup.webmailUrl ? [`To read your email in a browser, open webmail: ${setup.webmailUrl}`] : []),
      "For your security this email holds no password. Use the mailbox's password; if you do not know it, ask whoever manages your email to set a new one.",
    ],
  });
}
