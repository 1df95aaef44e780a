import { LifeBuoy, Mail } from "lucide-react";
import type { Branding } from "@/lib/branding/branding";

/** Who to ask for help, and the reseller's own words; never the upstream provider's name. */
export function PortalFooterContent({ branding }: { branding: Branding }) {
  const hasSupport = Boolean(branding.supportEmail || branding.supportUrl);
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-6 text-sm text-muted">
      {hasSupport ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center sm:gap-4">
          <span className="font-medium text-fg">Need help?</span>
          {branding.supportEmail ? (
            <a
              href={`mailto:${branding.supportEmail}`}
              className="inline-flex items-center gap-1.5 break-all text-accent underline-offset-2 hover:underline"
            >
              <Mail aria-hidden="true" className="size-4 shrink-0" />
              {branding.supportEmail}
            </a>
          ) : null}
          {branding.supportUrl ? (
            <a
              href={branding.supportUrl}
              rel="noopener noreferrer"
              target="_blank"
              className="inline-flex items-center gap-1.5 break-all text-accent underline-offset-2 hover:underline"
            >
              <LifeBuoy aria-hidden="true" className="size-4 shrink-0" />
              Support site<span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : null}
        </div>
      ) : null}
      {branding.footerText ? <p className="whitespace-pre-line">{branding.footerText}</p> : null}
      <p>{branding.productName}</p>
    </div>
  );
}
