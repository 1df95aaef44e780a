import {
  Activity,
  CalendarClock,
  Globe,
  Inbox,
  LayoutDashboard,
  Receipt,
  ScrollText,
  Settings,
  UserCog,
  Users,
  type LucideIcon,
} from "lucide-react";
import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Shown only to users with this permission (the page itself checks again). */
  permission?: Permission;
  /** Shown only in the demo (MAILPAK_DEMO=1). */
  demoOnly?: boolean;
}

export const staffNavItems: NavItem[] = [
  { href: "/", label: "Dashboard", icon: LayoutDashboard },
  { href: "/domains", label: "Domains", icon: Globe },
  { href: "/expirations", label: "Expirations", icon: CalendarClock },
  { href: "/orders", label: "Orders", icon: Receipt, permission: "orders.view" },
  { href: "/activity", label: "Activity", icon: Activity },
  { href: "/customers", label: "Customers", icon: Users, permission: "customers.view" },
  { href: "/users", label: "Users", icon: UserCog, permission: "users.manage" },
  { href: "/audit", label: "Audit log", icon: ScrollText, permission: "audit.view" },
  { href: "/settings", label: "Settings", icon: Settings, permission: "settings.manage" },
  { href: "/demo-mail", label: "Demo emails", icon: Inbox, demoOnly: true },
];

export function visibleNavItems(permissions: readonly Permission[], { demo = false } = {}): NavItem[] {
  return staffNavItems.filter(
    (item) => (!item.permission || permissions.includes(item.permission)) && (!item.demoOnly || demo),
  );
}

/** "/" matches only itself; other items also match their sub-pages (/domains/example.com). */
export function isActive(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
