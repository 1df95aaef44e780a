import "server-only";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { listDisplayNames } from "@/lib/db/queries/mailbox-display-names";
import { getEnomClient } from "@/lib/enom";
import type { DomainEmail, PopForwarding } from "@/lib/enom/types";
import type { DomainCapabilities, DomainEmailView, DomainForwardingView, PakView } from "./types";

/**
 * One domain's email, read on demand for the domain page, its GET routes and the mailbox grid:
 * GetPOP3 for the paks and mailboxes (with the display names Mailpak keeps, since eNom returns
 * none), GetPOPForwarding for the forwards, GetCatchAll for the catch-all. Every read checks the
 * caller's right to that very domain first: someone else's domain is "not found", and eNom is
 * not asked.
 */
export async function getDomainEmail(user: SessionUser, domain: string): Promise<DomainEmailView> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "domains.view");
  const [email, displayNames] = await Promise.all([
    getEnomClient().getPop3({ domain: name }),
    listDisplayNames(name),
  ]);
  return toDomainEmailView(name, email, new Date(), displayNames);
}

/** Where the domain's mail to unknown addresses goes: a full address, or null when none is set. */
export async function getDomainCatchAll(user: SessionUser, domain: string): Promise<string | null> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "domains.view");
  const { catchAll } = await getEnomClient().getCatchAll({ domain: name });
  return catchAll;
}

/** Every forward of the domain, in one GetPOPForwarding (no user name). */
export async function getDomainForwarding(user: SessionUser, domain: string): Promise<DomainForwardingView> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "domains.view");
  const forwarding = await getEnomClient().getPopForwarding({ domain: name });
  return toDomainForwardingView(name, forwarding, new Date());
}

export function toPakView(pak: DomainEmail["paks"][number]): PakView {
  return {
    bundleId: pak.bundleId,
    capacityGb: pak.capacityGb,
    quotaMb: pak.quotaMb,
    purchased: pak.qtyPurchased,
    available: pak.qtyAvailable,
    used: Math.max(0, pak.qtyPurchased - pak.qtyAvailable),
    expires: pak.expires.iso,
    autoRenew: pak.autoRenew,
    prodType: pak.prodType,
  };
}

export function toDomainEmailView(
  domain: string,
  email: DomainEmail,
  fetchedAt: Date,
  displayNames: ReadonlyMap<string, string> = new Map(),
): DomainEmailView {
  return {
    domain,
    paks: email.paks.map(toPakView),
    mailboxes: email.mailboxes.map((mailbox) => ({
      userName: mailbox.userName,
      address: mailbox.address,
      displayName: displayNames.get(mailbox.userName.toLowerCase()) ?? null,
      bundleId: mailbox.bundleId,
      isAdmin: mailbox.isAdmin,
      quotaMb: mailbox.quotaMb,
      quotaUsedMb: mailbox.quotaUsedMb,
      expires: mailbox.expires?.iso ?? null,
    })),
    fetchedAt: fetchedAt.toISOString(),
  };
}

export function toDomainForwardingView(
  domain: string,
  forwarding: PopForwarding,
  fetchedAt: Date,
): DomainForwardingView {
  return {
    domain,
    forwards: forwarding.forwards.map((forward) => ({
      userName: forward.userName,
      forwardTo: forward.forwardTo,
      active: forward.active,
    })),
    fetchedAt: fetchedAt.toISOString(),
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
  };
}
