import "server-only";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { listDisplayNames } from "@/lib/mailboxes/display-names";
import { MirrorNotReadError } from "@/lib/mirror/errors";
import { readMirroredDomain, type MirroredDomain } from "@/lib/mirror/queries";
import { refreshDomain } from "@/lib/mirror/sync";
import { readDomainForView } from "@/lib/mirror/read";
import { keptUntilMirrorChanges } from "@/lib/mirror/version";
import { listPakNicknames } from "@/lib/paks/nicknames";
import type { DomainCapabilities, DomainEmailView, DomainForwardingView } from "./types";

/**
 * One domain's email for the domain page, its GET routes and the mailbox grid, from the account
 * mirror (lib/mirror): paks and mailboxes as GetPOP3 last gave them (with the display names
 * Mailpak keeps, since eNom returns none), the forwards of GetPOPForwarding, the catch-all of
 * GetCatchAll. A view never waits on eNom once the domain has been read (lib/mirror/read.ts).
 * Every read checks the caller's right to that very domain first: someone else's domain is "not
 * found", and neither the mirror nor eNom is asked.
 */
export async function getDomainEmail(user: SessionUser, domain: string): Promise<DomainEmailView> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "domains.view");
  const [mirrored, displayNames, nicknames] = await Promise.all([
    readDomainForView(name),
    keptUntilMirrorChanges(`display-names:${name}`, () => listDisplayNames(name)),
    keptUntilMirrorChanges(`pak-nicknames:${name}`, () => listPakNicknames(name)),
  ]);
  return mirroredEmailView(mirrored, displayNames, nicknames);
}

/** Where the domain's mail to unknown addresses goes: a full address, or null when none is set. */
export async function getDomainCatchAll(user: SessionUser, domain: string): Promise<string | null> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "domains.view");
  const mirrored = await readDomainForView(name);
  if (mirrored.paks.length > 0 && !mirrored.domain.catchAllReadAt)
    throw new MirrorNotReadError(name, mirrored.domain.readError);
  return mirrored.domain.catchAll;
}

/** Every forward of the domain, as GetPOPForwarding last listed them. */
export async function getDomainForwarding(user: SessionUser, domain: string): Promise<DomainForwardingView> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "domains.view");
  const mirrored = await readDomainForView(name);
  // Never read (its first read failed): "could not be loaded", not "no forwards".
  if (mirrored.paks.length > 0 && !mirrored.domain.forwardingReadAt)
    throw new MirrorNotReadError(name, mirrored.domain.readError);
  return mirroredForwardingView(mirrored);
}

/** The latest GetPOP3 failed: the error was recorded after the last good read of the mailboxes. */
function emailReadFailed(domain: MirroredDomain["domain"]): boolean {
  if (!domain.readError || !domain.readErrorAt) return false;
  return !domain.emailReadAt || domain.readErrorAt > domain.emailReadAt;
}

/** The latest GetPOPForwarding failed: the mailboxes were read after the last good forwarding read. */
function forwardingReadFailed(domain: MirroredDomain["domain"]): boolean {
  if (!domain.readError) return false;
  return Boolean(
    domain.forwardingReadAt && domain.emailReadAt && domain.emailReadAt > domain.forwardingReadAt,
  );
}

/** The mirror's forwards of a domain as the page's view; `fetchedAt` is when GetPOPForwarding was read. */
export function mirroredForwardingView(mirrored: MirroredDomain): DomainForwardingView {
  return {
    domain: mirrored.domain.domain,
    forwards: mirrored.forwards.map((forward) => ({
      userName: forward.userName,
      forwardTo: forward.forwardTo,
      active: forward.active,
    })),
    fetchedAt: (mirrored.domain.forwardingReadAt ?? mirrored.domain.emailReadAt ?? new Date()).toISOString(),
    readError: forwardingReadFailed(mirrored.domain) ? mirrored.domain.readError : null,
  };
}

/** The mirror's rows of a domain as the page's view; `fetchedAt` is when eNom was read. */
export function mirroredEmailView(
  mirrored: MirroredDomain & { refreshing?: boolean },
  displayNames: ReadonlyMap<string, string> = new Map(),
  /** The nicknames staff gave the paks (lib/paks/nicknames.ts), by BundleID. */
  nicknames: ReadonlyMap<number, string> = new Map(),
): DomainEmailView {
  return {
    domain: mirrored.domain.domain,
    paks: mirrored.paks.map((pak) => ({
      bundleId: pak.bundleId,
      capacityGb: pak.capacityGb,
      quotaMb: pak.quotaMb,
      purchased: pak.purchased,
      available: pak.available,
      used: Math.max(0, pak.purchased - pak.available),
      expires: pak.expires,
      autoRenew: pak.autoRenew,
      prodType: pak.prodType,
      nickname: nicknames.get(pak.bundleId) ?? null,
    })),
    mailboxes: mirrored.mailboxes.map((mailbox) => ({
      userName: mailbox.userName,
      address: mailbox.address,
      displayName: displayNames.get(mailbox.userName.toLowerCase()) ?? null,
      bundleId: mailbox.bundleId,
      isAdmin: mailbox.isAdmin,
      quotaMb: mailbox.quotaMb,
      quotaUsedMb: mailbox.quotaUsedMb,
      expires: mailbox.expires,
    })),
    fetchedAt: (mirrored.domain.emailReadAt ?? new Date()).toISOString(),
    readError: emailReadFailed(mirrored.domain) ? mirrored.domain.readError : null,
    refreshing: mirrored.refreshing ?? false,
  };
}

/** What the buttons on a domain's page may offer this user; every action checks again. */
export function domainCapabilities(user: SessionUser): DomainCapabilities {
  return {
    createMailboxes: can(user, "mailboxes.create"),
    manageMailboxes: can(user, "mailboxes.manage"),
    toggleAutoRenew: can(user, "paks.autoRenew"),
    purchase: can(user, "paks.purchase"),
    renew: can(user, "paks.renew"),
    deletePaks: can(user, "paks.delete"),
    basePath: user.role === "customer" ? "/portal" : "",
    serviceName: user.role === "customer" ? "the email service" : "eNom",
  };
}

/**
 * The user's "Refresh" on a domain page: reads the domain from eNom into the mirror now and says
 * when. Checks the caller's right to that very domain first. Throws what the eNom client throws
 * when the read fails (the mirror keeps the previous read and records the failure).
 */
export async function refreshDomainForUser(user: SessionUser, domain: string): Promise<{ readAt: string }> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "domains.view");
  await refreshDomain(name);
  const read = await readMirroredDomain(name);
  return { readAt: (read?.domain.emailReadAt ?? new Date()).toISOString() };
}
