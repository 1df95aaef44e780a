import type { Metadata } from "next";
import type { ReactNode } from "react";
import { logoUrl } from "@/lib/branding/branding";
import { getAuthBrand } from "@/lib/branding/auth-brand";

/**
 * The signed-out pages' tab titles and icon name the reseller's product once a brand is saved, so
 * a customer never reads the panel's own name, not even in the tab (the root layout's template
 * says "Mailpak").
 */
export async function generateMetadata(): Promise<Metadata> {
  const { branding, branded } = await getAuthBrand();
  const logo = branded ? logoUrl(branding) : null;
  return {
    title: { default: branding.productName, template: `%s · ${branding.productName}` },
    ...(branded
      ? {
          description: `${branding.productName}: the email of your domains.`,
          applicationName: branding.productName,
        }
      : {}),
    ...(logo ? { icons: { icon: logo } } : {}),
  };
}

export default function AuthLayout({ children }: { children: ReactNode }) {
  return children;
}
