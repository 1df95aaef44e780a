import { ChevronRight, Globe, PackagePlus } from "lucide-react";
import Link from "next/link";
import { ExpiryBadge } from "@/components/domains/expiry-badge";
import { AUTO_RENEW_LABELS, plural } from "@/components/domains/format";
import { NotLoadedYet } from "@/components/domains/not-loaded";
import { UsageBar } from "@/components/domains/usage-bar";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { formatCalendarDate } from "@/lib/format";
import type { PortalDomain } from "@/lib/portal/home";
import { emptyDomainAction, type OrderAllowances } from "./portal-actions";

/** The customer's domains as cards: mailboxes used and free, the nearest expiry, auto-renew. */
export function DomainCards({
  domains,
  base,
  allowed,
}: {
  domains: readonly PortalDomain[];
  base: string;
  /** Whether this customer may buy (a domain without email offers it) and renew. */
  allowed: OrderAllowances;
}) {
  return (
    <ul aria-label="Your domains" className="grid gap-3 sm:grid-cols-2">
      {domains.map((domain) => (
        <li key={domain.domain} className="min-w-0">
          <DomainCard
            domain={domain}
            href={`${base}/domains/${encodeURIComponent(domain.domain)}`}
            empty={emptyDomainAction(allowed, domain, base)}
          />
        </li>
      ))}
    </ul>
  );
}

function DomainCard({
  domain,
  href,
  empty,
}: {
  domain: PortalDomain;
  href: string;
  empty: ReturnType<typeof emptyDomainAction>;
}) {
  const expiry = domain.nearestExpiry;
  const mailboxes = domain.mailboxes;
  return (
    <article
      aria-labelledby={`domain-${domain.domain}`}
      className="relative flex h-full flex-col gap-3 rounded-lg border border-line bg-surface p-4 shadow-sm focus-within:ring-2 focus-within:ring-[var(--color-focus)] hover:border-accent"
    >
      <div className="flex items-start gap-2">
        <Globe aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted" />
        <h2
          id={`domain-${domain.domain}`}
          className="min-w-0 flex-1 text-base font-semibold [overflow-wrap:anywhere]"
        >
          {/* The whole card is the link's target area; the name is its text. */}
          <Link href={href} className="after:absolute after:inset-0 focus-visible:outline-none">
            {domain.domain}
          </Link>
        </h2>
        <ChevronRight aria-hidden="true" className="size-5 shrink-0 text-muted" />
      </div>
      {domain.paks === 0 ? (
        <div className="flex flex-col items-start gap-2 text-sm">
          <p className="text-muted">
            No email on this domain yet.{empty?.kind === "ask" ? ` ${empty.text}` : ""}
          </p>
          {empty?.kind === "buy" ? (
            // Above the card's own link, which covers the card.
            <Link href={empty.href} className={buttonClasses("secondary", "sm", "relative z-10")}>
              <PackagePlus aria-hidden="true" className="size-4" />
              Buy email<span className="sr-only"> for {domain.domain}</span>
            </Link>
          ) : null}
        </div>
      ) : (
        <>
          {mailboxes ? (
            <div className="flex flex-col gap-1.5">
              <p className="text-sm">
                <span className="font-medium">{plural(mailboxes.used, "mailbox", "mailboxes")}</span>{" "}
                <span className="text-muted">
                  used · {Math.max(0, mailboxes.purchased - mailboxes.used).toLocaleString("en-US")} free of{" "}
                  {mailboxes.purchased.toLocaleString("en-US")}
                </span>
              </p>
              <UsageBar
                used={mailboxes.used}
                purchased={mailboxes.purchased}
                label={`Mailboxes of ${domain.domain}`}
              />
            </div>
          ) : (
            // The pak details (mailboxes) are read behind the page: never shown as zero.
            <p className="text-sm text-muted">
              Mailboxes: <NotLoadedYet failed={domain.details === "failed"} />
            </p>
          )}
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted">{domain.paks === 1 ? "Expires" : "Next expiry"}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              {expiry ? (
                <>
                  <span>{formatCalendarDate({ iso: expiry.iso })}</span>
                  <ExpiryBadge state={expiry.state} days={expiry.days} />
                </>
              ) : (
                "—"
              )}
            </dd>
            <dt className="text-muted">Auto-renew</dt>
            <dd>
              {domain.autoRenew ? (
                AUTO_RENEW_LABELS[domain.autoRenew]
              ) : (
                <NotLoadedYet failed={domain.details === "failed"} />
              )}
            </dd>
          </dl>
          {domain.fullPaks ? (
            <p>
              <Badge tone="warning">
                {domain.fullPaks === domain.paks ? "Full" : `${plural(domain.fullPaks, "pak")} full`}
              </Badge>
            </p>
          ) : null}
        </>
      )}
    </article>
  );
}
