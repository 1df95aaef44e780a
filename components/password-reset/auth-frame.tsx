import type { ReactNode } from "react";
import { BrandRoot } from "@/components/portal/brand-root";
import { PortalBrand } from "@/components/portal/portal-brand";
import type { Branding } from "@/lib/branding/branding";

/**
 * The centred card of the signed-out pages (sign-in, reset password). Once a brand is saved it
 * carries the reseller's logo (or product name) and accent colour; before that the panel's own
 * name and mark.
 */
export function AuthFrame({
  brand,
  title,
  description,
  children,
}: {
  brand: { branding: Branding; branded: boolean };
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const frame = (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          {brand.branded ? (
            <PortalBrand branding={brand.branding} />
          ) : (
            <>
              {/* eslint-disable-next-line @next/next/no-img-element -- a 32px inline SVG needs no optimisation */}
              <img src="/favicon.svg" alt="" width={32} height={32} />
              <span className="text-lg font-semibold">{brand.branding.productName}</span>
            </>
          )}
        </div>
        <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
          <h1 className="mb-1 text-xl font-semibold">{title}</h1>
          {description ? <div className="mb-5 text-sm text-muted">{description}</div> : null}
          {children}
        </div>
      </div>
    </main>
  );
  if (!brand.branded) return frame;
  return (
    <BrandRoot accentColor={brand.branding.accentColor} className="min-h-dvh bg-canvas">
      {frame}
    </BrandRoot>
  );
}
