import { logoUrl, type Branding } from "@/lib/branding/branding";

/** The reseller's logo, or its product name when no logo is set. */
export function PortalBrand({ branding }: { branding: Branding }) {
  const logo = logoUrl(branding);
  if (!logo) return <span className="truncate text-base font-semibold">{branding.productName}</span>;
  return (
    <>
      {/* eslint-disable-next-line @next/next/no-img-element -- an uploaded logo of any size; no optimiser for it */}
      <img src={logo} alt={branding.productName} className="h-8 w-auto max-w-[10rem] object-contain" />
    </>
  );
}
