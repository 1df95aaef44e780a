import type { PortalNavItem } from "@/components/portal/portal-nav";

/** The portal's sections under `base`: domains for everyone, the team for a customer's admins. */
export function portalNav(base: string, options: { team: boolean }): PortalNavItem[] {
  return [
    { href: base, label: "Domains" },
    ...(options.team ? [{ href: `${base}/team`, label: "Team" }] : []),
  ];
}
