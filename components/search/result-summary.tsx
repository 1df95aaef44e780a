import { AtSign, Globe, Package } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { formatQuota } from "@/components/domains/format";
import { describeExpiry, expiryState } from "@/lib/domains/expiry";
import { formatCalendarDate } from "@/lib/format";
import { NEAR_FULL_PERCENT, usedPercent, type SearchResult } from "@/lib/search/model";

/** Where a result leads: its domain's page (the mailbox grid and paks are there). */
export function resultHref(result: SearchResult, domainsBase: string): string {
  return `${domainsBase}/${encodeURIComponent(result.domain)}`;
}

/** What a result is, in one line for people; shared by the header's dialog and the search page. */
export function resultTitle(result: SearchResult): string {
  switch (result.kind) {
    case "domain":
      return result.domain;
    case "mailbox":
      return result.address;
    case "pak":
      return `Pak ${result.bundleId} of ${result.domain}`;
  }
}

/** One result: its name, what kind it is, and the facts the filters are about. */
export function ResultSummary({ result, today }: { result: SearchResult; today: Date }) {
  const Icon = result.kind === "domain" ? Globe : result.kind === "mailbox" ? AtSign : Package;
  const kindLabel = result.kind === "domain" ? "Domain" : result.kind === "mailbox" ? "Mailbox" : "Pak";
  return (
    <span className="flex min-w-0 items-start gap-3">
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted" />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{resultTitle(result)}</span>
        <span className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
          <span>{kindLabel}</span>
          {result.kind === "mailbox" && result.displayName ? <span>{result.displayName}</span> : null}
          {result.customerName ? <span>Customer: {result.customerName}</span> : null}
          <ResultFacts result={result} today={today} />
        </span>
      </span>
    </span>
  );
}

function ResultFacts({ result, today }: { result: SearchResult; today: Date }) {
  switch (result.kind) {
    case "domain":
      return result.hasEmail === false ? (
        <span>No email</span>
      ) : result.hasEmail === null ? (
        <span>Email not read yet</span>
      ) : null;
    case "mailbox": {
      const percent = usedPercent(result);
      return (
        <>
          {result.isAdmin ? <Badge tone="accent">Administrator</Badge> : null}
          {percent !== null && result.quotaMb ? (
            percent >= NEAR_FULL_PERCENT ? (
              <Badge tone="warning">
                {percent} % of {formatQuota(result.quotaMb)} used
              </Badge>
            ) : (
              <span>
                {percent} % of {formatQuota(result.quotaMb)} used
              </span>
            )
          ) : null}
        </>
      );
    }
    case "pak": {
      const state = expiryState(result.expires, today);
      return (
        <>
          <Badge tone={state === "expired" ? "danger" : state === "soon" ? "warning" : "neutral"}>
            {describeExpiry(result.expires, today)} ({formatCalendarDate({ iso: result.expires })})
          </Badge>
          {result.autoRenew ? null : <Badge tone="warning">Auto-renew off</Badge>}
          <span>
            {result.purchased - result.available} of {result.purchased} mailboxes used
          </span>
        </>
      );
    }
  }
}
