import type { PortalNavItem } from "@/components/portal/portal-nav";

/**
 * The portal's sections under `base`: domains and their jobs' activity for everyone, orders for
 * customers who may buy or renew, the team for a customer's admins. Staff's read-only preview of a portal has no activity page, so by default
 * only the portal itself (`/portal`) lists it.
 */
export function portalNav(
  base: string,
  options: { team: boolean; activity?: boolean; orders?: boolean },
): PortalNavItem[] {
  const activity = options.activity ?? base === "/portal";
  return [
    { href: base, label: "Domains" },
    ...(options.orders ? [{ href: `${base}/orders`, label: "Orders" }] : []),
    ...(activity ? [{ href: `${base}/activity`, label: "Activity" }] : []),
    ...(options.team ? [{ href: `${base}/team`, label: "Team" }] : []),
  ];
}
