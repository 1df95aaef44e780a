import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import { formatMegabytes } from "@/lib/format";
import { addStorageHref, ALERT_PERCENT } from "@/lib/storage-alerts/model";
import type { NearlyFullList } from "@/lib/storage-alerts/reads";

/**
 * The portal home's "Nearly full mailboxes": each with how full it is (icon and words, never
 * colour alone), its domain's page, and "Add storage" when the reseller lets the customer buy.
 */
export function NearlyFullMailboxes({
  list,
  base,
  canBuy,
}: {
  list: NearlyFullList;
  base: string;
  canBuy: boolean;
}) {
  if (list.total === 0) return null;
  const more = list.total - list.first.length;
  return (
    <section aria-labelledby="nearly-full-title" className="mb-6 rounded-lg border border-line p-4">
      <h2 id="nearly-full-title" className="text-base font-semibold">
        Nearly full mailboxes
      </h2>
      <p className="mb-3 text-sm text-muted">
        At {ALERT_PERCENT} % of their storage or more. Once a mailbox is full, new mail to it is returned to
        the sender: delete old mail
        {canBuy ? ", or add storage to its pak" : ", or ask your provider for more storage"}.
      </p>
      <ul className="flex flex-col divide-y divide-line">
        {list.first.map((mailbox) => (
          <li key={mailbox.address} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
            <AlertTriangle aria-hidden="true" className="size-4 shrink-0 text-warning" />
            <span className="font-medium [overflow-wrap:anywhere]">{mailbox.address}</span>
            <span>
              {mailbox.percent} % full
              <span className="text-muted">
                {" "}
                ({formatMegabytes(mailbox.quotaUsedMb)} of {formatMegabytes(mailbox.quotaMb)})
              </span>
            </span>
            <span className="ml-auto flex gap-3">
              <Link
                href={`${base}/domains/${encodeURIComponent(mailbox.domain)}`}
                className="underline underline-offset-2 hover:no-underline"
              >
                {mailbox.domain}
              </Link>
              {canBuy && mailbox.bundleId !== null ? (
                <Link
                  href={addStorageHref(base, mailbox.domain, mailbox.bundleId)}
                  prefetch={false}
                  className="font-medium text-accent underline underline-offset-2 hover:no-underline"
                >
                  Add storage<span className="sr-only"> for {mailbox.address}</span>
                </Link>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <p className="mt-2 text-sm text-muted">
          And {more} more; each domain&apos;s page shows its mailboxes.
        </p>
      ) : null}
    </section>
  );
}
