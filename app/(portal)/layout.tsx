import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { PortalShell } from "@/components/portal/portal-shell";
import { requirePageUser } from "@/lib/auth/guards";
import { logoUrl } from "@/lib/branding/branding";
import { getBranding } from "@/lib/branding/settings";
import { orderAudienceOf } from "@/lib/orders/orders";
import { portalNav } from "@/lib/portal/nav";
import { isCustomerAdmin } from "@/lib/portal/customer-admin";

/** Every tab title names the reseller's product, never the panel's own name. */
export async function generateMetadata(): Promise<Metadata> {
  // Per request, never at build time (where there is no database to ask).
  await connection();
  const branding = await getBranding();
  const logo = logoUrl(branding);
  return {
    title: { default: branding.productName, template: `%s · ${branding.productName}` },
    description: `${branding.productName}: the email of your domains.`,
    applicationName: branding.productName,
    ...(logo ? { icons: { icon: logo } } : {}),
  };
}

/** The customers' self-service portal, under the reseller's brand; no staff navigation. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser({ beforeTwoFactorSetup: true });
  if (user.role !== "customer") notFound();
  const [branding, admin] = await Promise.all([getBranding(), isCustomerAdmin(user)]);
  return (
    <PortalShell
      branding={branding}
      user={{ name: user.name, email: user.email, role: user.customerName ?? "customer" }}
      nav={portalNav("/portal", {
        team: admin,
        orders: orderAudienceOf(user) === "customer",
        statements: admin && orderAudienceOf(user) === "customer",
      })}
      base="/portal"
    >
      {children}
    </PortalShell>
  );
}
