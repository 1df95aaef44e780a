import { Eye } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import type { Branding } from "@/lib/branding/branding";
import { portalNav } from "@/lib/portal/nav";
import type { PortalPreview } from "@/lib/portal/preview";
import { PortalShell } from "./portal-shell";

/** The staff preview: a banner that says what this is, then the portal as the customer sees it. */
export function PreviewFrame({
  preview,
  branding,
  children,
}: {
  preview: PortalPreview;
  branding: Branding;
  children: ReactNode;
}) {
  const { customer } = preview;
  return (
    <div className="flex flex-col gap-4">
      <div
        role="note"
        aria-label="Portal preview"
        className="flex flex-col gap-3 rounded-lg border border-warning/40 bg-warning-soft p-4 sm:flex-row sm:items-center"
      >
        <Eye aria-hidden="true" className="size-5 shrink-0 text-warning" />
        <div className="flex-1">
          <h1 className="font-semibold">Preview of {customer.name}&apos;s portal — read-only</h1>
          <p className="text-sm text-muted">
            What {customer.name} sees, with every change turned off. Their own allowances still apply when
            they sign in.
          </p>
        </div>
        <Link href={`/customers/${customer.id}`} className={buttonClasses("secondary", "sm")}>
          Back to {customer.name}
        </Link>
      </div>
      <PortalShell
        branding={branding}
        user={null}
        nav={portalNav(preview.base, { team: false })}
        base={preview.base}
        framed
      >
        {children}
      </PortalShell>
    </div>
  );
}
