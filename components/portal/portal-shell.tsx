import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { UserMenu, type ShellUser } from "@/components/layout/user-menu";
import { SearchLauncher } from "@/components/search/search-launcher";
import type { Branding } from "@/lib/branding/branding";
import { cn } from "@/lib/utils";
import { BrandRoot } from "./brand-root";
import { PortalBrand } from "./portal-brand";
import { PortalFooterContent } from "./portal-footer";
import { PortalNav, type PortalNavItem } from "./portal-nav";

/**
 * The customers' portal around its pages: the reseller's brand, the portal's sections, the
 * signed-in user, and the support footer. The staff preview renders it `framed` inside the panel:
 * the same look, but without page landmarks (the panel has its own) and without a user menu.
 */
export function PortalShell({
  branding,
  user,
  nav,
  base,
  framed = false,
  children,
}: {
  branding: Branding;
  /** Null in the staff preview. */
  user: ShellUser | null;
  nav: readonly PortalNavItem[];
  /** Where the portal's pages live: "/portal", or the preview's address. */
  base: string;
  framed?: boolean;
  children: ReactNode;
}) {
  const Header = framed ? "div" : "header";
  const Main = framed ? "div" : "main";
  const Footer = framed ? "div" : "footer";
  return (
    <BrandRoot
      accentColor={branding.accentColor}
      className={cn("flex flex-col bg-canvas", framed ? "rounded-lg border border-line" : "min-h-dvh")}
    >
      <Header
        className={cn(
          "border-b border-line bg-surface/95",
          framed ? "rounded-t-lg" : "sticky top-0 z-30 backdrop-blur",
        )}
      >
        <div className="mx-auto flex h-14 max-w-5xl items-center gap-2 px-4">
          <Link href={base} className="flex min-w-0 items-center gap-2 rounded-md">
            <PortalBrand branding={branding} />
            <span className="sr-only">: your domains</span>
          </Link>
          <div className="ml-auto flex items-center gap-2">
            {/* Not in the staff preview: there the search would run with the staff member's reach. */}
            {framed || !user ? null : (
              <SearchLauncher
                title="Search your domains"
                placeholder="Address, display name or domain"
                searchPath={`${base}/search`}
                domainsBase={`${base}/domains`}
              />
            )}
            {framed ? null : <ThemeToggle />}
            {user ? <UserMenu user={user} accountHref={framed ? undefined : `${base}/account`} /> : null}
          </div>
        </div>
        <nav aria-label={framed ? "Portal preview" : "Portal"} className="border-t border-line">
          <div className="mx-auto max-w-5xl overflow-x-auto px-2 py-1 sm:px-3">
            <PortalNav items={nav} base={base} />
          </div>
        </nav>
      </Header>
      <Main
        id={framed ? undefined : "main"}
        tabIndex={framed ? undefined : -1}
        className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none"
      >
        {children}
      </Main>
      <Footer className={cn("border-t border-line bg-surface", framed && "rounded-b-lg")}>
        <PortalFooterContent branding={branding} />
      </Footer>
    </BrandRoot>
  );
}
