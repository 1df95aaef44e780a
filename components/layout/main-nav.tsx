"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Permission } from "@/lib/auth/permissions";
import { cn } from "@/lib/utils";
import { isActive, visibleNavItems } from "./nav-items";

export function MainNav({
  permissions,
  demo = false,
  onNavigate,
}: {
  permissions: readonly Permission[];
  /** The demo's own items too (its captured emails). */
  demo?: boolean;
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-1">
      {visibleNavItems(permissions, { demo }).map(({ href, label, icon: Icon }) => {
        const active = isActive(pathname, href);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                active ? "bg-accent-soft text-fg" : "text-muted hover:bg-raised hover:text-fg",
              )}
            >
              <Icon aria-hidden="true" className={cn("size-4", active && "text-accent")} />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
