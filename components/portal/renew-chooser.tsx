import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { ExpiryBadge } from "@/components/domains/expiry-badge";
import { plural } from "@/components/domains/format";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { formatCalendarDate } from "@/lib/format";
import type { RenewableDomain } from "./portal-actions";

/**
 * The renew page opened without a pak: which paks can be renewed and where. A customer has no
 * expirations list; each pak's Renew is on its domain's page, so this lists the domains with paks,
 * soonest expiry first, each leading there.
 */
export function RenewChooser({
  domains,
  base,
  problem,
}: {
  /** The customer's domains that have paks, soonest expiry first; null when they could not be read. */
  domains: readonly RenewableDomain[] | null;
  base: string;
  /** Why the domains could not be read, when they could not. */
  problem?: string;
}) {
  if (!domains)
    return (
      <div className="flex flex-col items-start gap-3">
        <Alert tone="warning" title="Your domains could not be read just now">
          {problem ?? "Try again in a moment."} Each pak&apos;s Renew button is on its domain&apos;s page.
        </Alert>
        <Link href={base} className={buttonClasses("secondary")}>
          Your domains
        </Link>
      </div>
    );
  return (
    <Card aria-labelledby="renew-choose-title">
      <CardTitle className="mb-1">
        <span id="renew-choose-title">Choose the pak to renew</span>
      </CardTitle>
      <p className="text-sm text-muted">
        Each pak is renewed from its domain&apos;s page: open the domain and choose Renew on the pak. The
        price is shown before anything is ordered.
      </p>
      {domains.length === 0 ? (
        <div className="mt-4 flex flex-col items-start gap-3 text-sm">
          <p>None of your domains has an email pak yet, so there is nothing to renew.</p>
          <Link href={base} className={buttonClasses("secondary", "sm")}>
            Your domains
          </Link>
        </div>
      ) : (
        <ul aria-label="Domains with paks to renew" className="mt-4 flex flex-col divide-y divide-line">
          {domains.map((domain) => (
            <li key={domain.domain} className="min-w-0">
              <Link
                href={`${base}/domains/${encodeURIComponent(domain.domain)}`}
                className="flex items-center gap-3 rounded-md px-2 py-3 hover:bg-raised focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-[var(--color-focus)]"
              >
                <span className="flex min-w-0 flex-1 flex-col gap-1">
                  <span className="font-medium [overflow-wrap:anywhere]">{domain.domain}</span>
                  <span className="flex flex-wrap items-center gap-2 text-sm text-muted">
                    {plural(domain.paks, "pak")}
                    {domain.nearestExpiry ? (
                      <>
                        <span aria-hidden="true">·</span>
                        <span>
                          {domain.paks === 1 ? "expires" : "next expiry"}{" "}
                          {formatCalendarDate({ iso: domain.nearestExpiry.iso })}
                        </span>
                        <ExpiryBadge state={domain.nearestExpiry.state} days={domain.nearestExpiry.days} />
                      </>
                    ) : null}
                  </span>
                </span>
                <ChevronRight aria-hidden="true" className="size-5 shrink-0 text-muted" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
