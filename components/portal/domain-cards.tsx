import { ChevronRight, Globe } from "lucide-react";
import Link from "next/link";
import { ExpiryBadge } from "@/components/domains/expiry-badge";
import { AUTO_RENEW_LABELS, plural } from "@/components/domains/format";
import { NotLoadedYet } from "@/components/domains/not-loaded";
import { UsageBar } from "@/components/domains/usage-bar";
import { Badge } from "@/components/ui/badge";
import { formatCalendarDate } from "@/lib/format";
import type { PortalDomain } from "@/lib/portal/home";

/** The customer's domains as cards: mailboxes used and free, the nearest expiry, auto-renew. */
export function DomainCards({ domains, base }: { domains: readonly PortalDomain[]; base: string }) {
  return (
    <ul aria-label="Your domains" className="grid gap-3 sm:grid-cols-2">
      {domains.map((domain) => (
        <li key={domain.domain}>
          <DomainCard domain={domain} href={`${base}/domains/${encodeURIComponent(domain.domain)}`} />
        </li>
      ))}
    </ul>
  );
}

function DomainCard({ domain, href }: { domain: PortalDomain; href: string }) {
  const expiry = domain.nearestExpiry;
  const mailboxes = domain.mailboxes;
  return (
    <article
      aria-labelledby={`domain-${domain.domain}`}
      className="relative flex h-full flex-col gap-3 rounded-lg border border-line bg-surface p-4 shadow-sm focus-within:ring-2 focus-within:ring-[var(--color-focus)] hover:border-accent"
    >
      <div className="flex items-start gap-2">
        <Globe aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted" />
        <h2 id={`domain-${domain.domain}`} className="min-w-0 flex-1 text-base font-semibold break-all">
          {/* The whole card is the link's target area; the name is its text. */}
          <Link href={href} className="after:absolute after:inset-0 focus-visible:outline-none">
            {domain.domain}
          </Link>
        </h2>
        <ChevronRight aria-hidden="true" className="size-5 shrink-0 text-muted" />
      </div>
      {domain.paks === 0 ? (
        <p className="text-sm text-muted">No email on this domain yet.</p>
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
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
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
