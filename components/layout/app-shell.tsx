import Link from "next/link";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { SearchLauncher } from "@/components/search/search-launcher";
import type { Permission } from "@/lib/auth/permissions";
import { MainNav } from "./main-nav";
import { MobileNav } from "./mobile-nav";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu, type ShellUser } from "./user-menu";

export function AppShell({
  user,
  permissions,
  demo = false,
  children,
}: {
  user: ShellUser;
  permissions: readonly Permission[];
  /** The demo (MAILPAK_DEMO=1): its captured emails get a place in the navigation. */
  demo?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-30 border-b border-line bg-surface/95 backdrop-blur">
        <div className="relative mx-auto flex h-14 max-w-screen-2xl items-center gap-3 px-4">
          <MobileNav permissions={permissions} demo={demo} />
          <Link href="/" className="flex items-center gap-2 font-semibold">
            {/* eslint-disable-next-line @next/next/no-img-element -- a 24px inline SVG needs no optimisation */}
            <img src="/favicon.svg" alt="" width={24} height={24} />
            {/* On phones the name is for screen readers only: the header needs the room for the bell. */}
            <span className="max-sm:sr-only">Mailpak</span>
          </Link>
          <div className="ml-auto flex items-center gap-1.5 sm:gap-3">
            {permissions.includes("domains.view") ? (
              <SearchLauncher
                title="Search the account"
                placeholder="Address, display name, domain or customer"
                searchPath="/search"
                domainsBase="/domains"
              />
            ) : null}
            {/* Notifications go to admins and staff (lib/notifications); support has none to show. */}
            {user.role === "admin" || user.role === "staff" ? <NotificationBell /> : null}
            <ThemeToggle />
            <UserMenu user={user} accountHref="/account" />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-screen-2xl">
        <nav
          aria-label="Main"
          className="sticky top-14 hidden h-[calc(100dvh-3.5rem)] w-56 shrink-0 border-r border-line p-3 lg:block"
        >
          <MainNav permissions={permissions} demo={demo} />
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
