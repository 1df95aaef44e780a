import {
  Activity,
  CalendarClock,
  Globe,
  LayoutDashboard,
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
}

export const staffNavItems: NavItem[] = [
  { href: "/", label: "Dashboard", icon: LayoutDashboard },
  { href: "/domains", label: "Domains", icon: Globe },
  { href: "/expirations", label: "Expirations", icon: CalendarClock },
  { href: "/activity", label: "Activity", icon: Activity },
  { href: "/customers", label: "Customers", icon: Users, permission: "customers.view" },
  { href: "/users", label: "Users", icon: UserCog, permission: "users.manage" },
  { href: "/audit", label: "Audit log", icon: ScrollText, permission: "audit.view" },
  { href: "/settings", label: "Settings", icon: Settings, permission: "settings.manage" },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return staffNavItems.filter((item) => !item.permission || permissions.includes(item.permission));
}

/** "/" matches only itself; other items also match their sub-pages (/domains/example.com). */
export function isActive(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
