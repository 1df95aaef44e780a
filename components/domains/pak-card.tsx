"use client";

import { Trash2 } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { daysUntil, describeExpiry, expiryState } from "@/lib/domains/expiry";
import type { DomainCapabilities, PakView } from "@/lib/domains/types";
import { formatCalendarDate } from "@/lib/format";
import { PROD_TYPE_MAILBOX } from "@/lib/validation/enom-rules";
import { AutoRenewSwitch } from "./auto-renew-switch";
import { ExpiryBadge } from "./expiry-badge";
import { formatQuota, plural } from "./format";
import { UsageBar } from "./usage-bar";

/**
 * Mailboxes can be added only to a Mailbox pak (ProdType 2011): the growth quote refuses a classic
 * 10-pak (ProdType 38, as in GetPOP3's sample). A pak whose ProdType eNom did not send is offered,
 * and the quote says so if eNom refuses.
 */
export function takesMoreMailboxes(pak: Pick<PakView, "prodType">): boolean {
  return pak.prodType === null || pak.prodType === PROD_TYPE_MAILBOX;
}

/** One pak: its size and use, its expiry and auto-renew, and what can be done with it. */
export function PakCard({
  domain,
  pak,
  today,
  capabilities,
  onDelete,
}: {
  domain: string;
  pak: PakView;
  /** The day the data was read, so expiry badges agree between server and browser. */
  today: Date;
  capabilities: DomainCapabilities;
  onDelete: () => void;
}) {
  const titleId = useId();
  const state = expiryState(pak.expires, today);
  const days = daysUntil(pak.expires, today);
  const query = `domain=${encodeURIComponent(domain)}&pak=${pak.bundleId}`;
  const capacity = pak.capacityGb ? `${pak.capacityGb} GB` : pak.quotaMb ? formatQuota(pak.quotaMb) : null;
  const growable = takesMoreMailboxes(pak);
  return (
    <article aria-labelledby={titleId} className="rounded-lg border border-line p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={titleId} className="font-semibold">
          Pak {pak.bundleId}
        </h3>
        {capacity ? <Badge>{capacity} per mailbox</Badge> : null}
        {pak.available === 0 && pak.purchased > 0 ? <Badge tone="warning">Full</Badge> : null}
      </div>

      <div className="mt-3">
        <UsageBar used={pak.used} purchased={pak.purchased} label={`Mailboxes used in pak ${pak.bundleId}`} />
        <p className="mt-1 text-sm text-muted">
          <span className="font-medium text-fg">{pak.used} used</span> · {pak.available} available ·{" "}
          {plural(pak.purchased, "mailbox", "mailboxes")} purchased
        </p>
      </div>

      <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted">Expires</dt>
          <dd className="mt-0.5 flex flex-wrap items-center gap-2">
            <span>{formatCalendarDate({ iso: pak.expires })}</span>
            <ExpiryBadge state={state} days={days} />
            <span className="sr-only">({describeExpiry(pak.expires, today)})</span>
          </dd>
        </div>
        <div>
          <dt className="text-muted">Auto-renew</dt>
          <dd className="mt-0.5">
            {capabilities.toggleAutoRenew ? (
              <AutoRenewSwitch domain={domain} pak={pak} />
            ) : (
              <span className="font-medium">{pak.autoRenew ? "On" : "Off"}</span>
            )}
          </dd>
        </div>
      </dl>

      {capabilities.renew || capabilities.purchase || capabilities.deletePaks ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {capabilities.renew ? (
            <Link
              href={`${capabilities.basePath}/renew?${query}`}
              className={buttonClasses("secondary", "sm")}
              aria-label={`Renew pak ${pak.bundleId}`}
            >
              Renew
            </Link>
          ) : null}
          {capabilities.purchase ? (
            <>
              {growable ? (
                <Link
                  href={`${capabilities.basePath}/purchase?${query}&grow=mailboxes`}
                  className={buttonClasses("secondary", "sm")}
                  aria-label={`Add mailboxes to pak ${pak.bundleId}`}
                >
                  Add mailboxes
                </Link>
              ) : null}
              <Link
                href={`${capabilities.basePath}/purchase?${query}&grow=storage`}
                className={buttonClasses("secondary", "sm")}
                aria-label={`Add storage to pak ${pak.bundleId}`}
              >
                Add storage
              </Link>
            </>
          ) : null}
          {capabilities.deletePaks ? (
            <Button
              variant="ghost"
              size="sm"
              className="text-danger"
              onClick={onDelete}
              aria-label={`Delete pak ${pak.bundleId}`}
            >
              <Trash2 aria-hidden="true" className="size-4" />
              Delete pak
            </Button>
          ) : null}
          {capabilities.purchase && !growable ? (
            <p className="basis-full text-sm text-muted">
              This is a classic pak: mailboxes cannot be added to it. For more mailboxes,{" "}
              <Link
                href={`${capabilities.basePath}/purchase?domain=${encodeURIComponent(domain)}`}
                className="text-accent underline underline-offset-2"
              >
                buy a new pak
              </Link>
              .
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
