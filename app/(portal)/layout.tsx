import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { UserMenu } from "@/components/layout/user-menu";
import { requirePageUser } from "@/lib/auth/guards";

/** The customers' self-service portal: its own shell, no staff navigation. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  if (user.role !== "customer") notFound();
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-30 border-b border-line bg-surface/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-5xl items-center gap-3 px-4">
          <Link href="/portal" className="font-semibold">
            {user.customerName ?? "Your email"}
          </Link>
          <div className="ml-auto flex items-center gap-3">
            <ThemeToggle />
            <UserMenu user={{ name: user.name, email: user.email, role: "customer" }} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
