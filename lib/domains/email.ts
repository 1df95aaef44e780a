import "server-only";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getEnomClient } from "@/lib/enom";
import type { DomainEmail } from "@/lib/enom/types";
import type { DomainCapabilities, DomainEmailView, PakView } from "./types";

/**
 * One domain's email, read on demand (one GetPOP3) for the domain page, its GET route and the
 * mailbox grid. Every read checks the caller's right to that very domain first: someone else's
 * domain is "not found", and eNom is not asked.
 */
export async function getDomainEmail(user: SessionUser, domain: string): Promise<DomainEmailView> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "domains.view");
  const email = await getEnomClient().getPop3({ domain: name });
  return toDomainEmailView(name, email, new Date());
}

/** Where the domain's mail to unknown addresses goes: a mailbox name, an address, or null (it bounces). */
export async function getDomainCatchAll(user: SessionUser, domain: string): Promise<string | null> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "domains.view");
  const { catchAll } = await getEnomClient().getCatchAll({ domain: name });
  return catchAll;
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
  };
}

export function toDomainEmailView(domain: string, email: DomainEmail, fetchedAt: Date): DomainEmailView {
  return {
    domain,
    paks: email.paks.map(toPakView),
    mailboxes: email.mailboxes.map((mailbox) => ({
      userName: mailbox.userName,
      address: mailbox.address,
      displayName: mailbox.displayName ?? "",
      bundleId: mailbox.bundleId,
      isAdmin: mailbox.isAdmin,
      forwardTo: mailbox.forwardTo,
    })),
    fetchedAt: fetchedAt.toISOString(),
  };
}

/** What the buttons on a domain's page may offer this user; every action checks again. */
export function domainCapabilities(user: SessionUser): DomainCapabilities {
  return {
    manageMailboxes: can(user, "mailboxes.manage"),
    toggleAutoRenew: can(user, "paks.autoRenew"),
    purchase: can(user, "paks.purchase"),
    renew: can(user, "paks.renew"),
    deletePaks: can(user, "paks.delete"),
    basePath: user.role === "customer" ? "/portal" : "",
  };
}
