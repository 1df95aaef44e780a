"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export interface PortalNavItem {
  href: string;
  label: string;
}

/** The portal's few sections; the current one is marked for screen readers too. */
export function PortalNav({ items, base }: { items: readonly PortalNavItem[]; base: string }) {
  const pathname = usePathname();
  const current = (href: string) =>
    href === base
      ? pathname === base || pathname.startsWith(`${base}/domains`)
      : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <ul className="flex items-center gap-1">
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={current(item.href) ? "page" : undefined}
            className={cn(
              "inline-flex h-9 items-center rounded-md px-3 text-sm font-medium",
              current(item.href) ? "bg-accent-soft text-fg" : "text-muted hover:bg-raised hover:text-fg",
            )}
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
