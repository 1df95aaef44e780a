import type { PortalNavItem } from "@/components/portal/portal-nav";

/**
 * The portal's sections under `base`: domains and their jobs' activity for everyone, orders for
 * customers who may buy or renew, the team and the API keys for a customer's admins. Staff's read-only preview of a portal has no activity page, so by default
 * only the portal itself (`/portal`) lists it.
 */
export function portalNav(
  base: string,
  options: { team: boolean; activity?: boolean; orders?: boolean; statements?: boolean },
): PortalNavItem[] {
  const activity = options.activity ?? base === "/portal";
  return [
    { href: base, label: "Domains" },
    ...(options.orders ? [{ href: `${base}/orders`, label: "Orders" }] : []),
    ...(options.statements ? [{ href: `${base}/statements`, label: "Statements" }] : []),
    ...(activity ? [{ href: `${base}/activity`, label: "Activity" }] : []),
    ...(options.team
      ? [
          { href: `${base}/team`, label: "Team" },
          { href: `${base}/api-keys`, label: "API keys" },
        ]
      : []),
  ];
}
