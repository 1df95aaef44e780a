import "server-only";
import QRCode from "qrcode";
import { NotFoundError, RuleError } from "@/lib/auth/errors";
import type { SessionUser } from "@/lib/auth/session";
import { getBranding } from "@/lib/branding/settings";
import { getDomainEmail } from "@/lib/domains/email";
import { absoluteUrl } from "@/lib/mail/links";
import { mailboxProfilePath, SETUP_NOT_READY, type MailboxSetupView } from "./model";
import { appleMailProfile, MOBILECONFIG_CONTENT_TYPE, profileFileName } from "./profile";
import { profileLinkPath, signProfileLink, verifyProfileLink } from "./profile-link";
import { getMailServerSettings } from "./servers";

/**
 * The door of the mailbox setup feature: every read checks the caller's right to the mailbox's
 * domain first (getDomainEmail: someone else's domain is "not found", as is a mailbox the domain
 * does not have), then answers from the account mirror and the installation's server settings.
 */
export async function getMailboxSetup(
  user: SessionUser,
  domain: string,
  userName: string,
): Promise<MailboxSetupView> {
  const view = await getDomainEmail(user, domain);
  const wanted = userName.trim().toLowerCase();
  const mailbox = view.mailboxes.find((candidate) => candidate.userName.toLowerCase() === wanted);
  if (!mailbox) throw new NotFoundError("That mailbox");
  return {
    domain: view.domain,
    userName: mailbox.userName,
    address: mailbox.address.toLowerCase(),
    displayName: mailbox.displayName,
    settings: getMailServerSettings(view.domain),
  };
}

export interface MailboxProfile {
  fileName: string;
  xml: string;
}

/** The Apple profile of an address, in the reseller's name; throws RuleError when no servers are set. */
async function profileOf(address: string, displayName: string | null): Promise<MailboxProfile> {
  const domain = address.slice(address.lastIndexOf("@") + 1);
  const settings = getMailServerSettings(domain);
  if (!settings.configured) throw new RuleError(SETUP_NOT_READY);
  const branding = await getBranding();
  return {
    fileName: profileFileName(address),
    xml: appleMailProfile({
      address,
      displayName,
      servers: settings.servers,
      organization: branding.productName,
    }),
  };
}

/** The profile of a mailbox the caller may reach (the download on the setup page). */
export async function getMailboxProfile(
  user: SessionUser,
  domain: string,
  userName: string,
): Promise<MailboxProfile> {
  const setup = await getMailboxSetup(user, domain, userName);
  return profileOf(setup.address, setup.displayName);
}

/**
 * The profile a signed link names (the QR code, the setup email); null when the link is forged,
 * altered or expired. The link itself is the credential: it was made for this address by someone
 * who could reach the mailbox, and the profile tells no more than the setup email does.
 */
export async function getProfileFromLink(token: string): Promise<MailboxProfile | null> {
  const address = verifyProfileLink(token);
  if (!address) return null;
  return profileOf(address, null);
}

/** An absolute signed link to the mailbox's profile, valid for PROFILE_LINK_DAYS. */
export async function profileLinkFor(address: string): Promise<{ url: string; expiresAt: Date }> {
  const { token, expiresAt } = signProfileLink(address);
  return { url: await absoluteUrl(profileLinkPath(token)), expiresAt };
}

/** A QR code of `text` as an SVG data URL (shown in an <img> with its own alt text). */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The download of a profile: Apple's content type, a file name, and never kept by a cache. */
export function profileDownload(profile: MailboxProfile): Response {
  return new Response(profile.xml, {
    status: 200,
    headers: {
      "Content-Type": MOBILECONFIG_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${profile.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

export interface MailboxSetupPage extends MailboxSetupView {
  /** Null until the servers are configured. */
  profile: {
    /** The signed-in download (the page's button). */
    downloadPath: string;
    /** A QR code of the signed link, for a phone's camera. */
    qrDataUrl: string;
    linkExpiresAt: string;
  } | null;
}

/** What a setup page shows: the mailbox's settings, its profile's download and a QR code to it. */
export async function getMailboxSetupPage(
  user: SessionUser,
  domain: string,
  userName: string,
): Promise<MailboxSetupPage> {
  const setup = await getMailboxSetup(user, domain, userName);
  if (!setup.settings.configured) return { ...setup, profile: null };
  const link = await profileLinkFor(setup.address);
  return {
    ...setup,
    profile: {
      downloadPath: mailboxProfilePath(setup.domain, setup.userName),
      qrDataUrl: await qrCodeDataUrl(link.url),
      linkExpiresAt: link.expiresAt.toISOString(),
    },
  };
}
