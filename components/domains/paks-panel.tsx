"use client";

import { PackagePlus, RotateCw } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { DomainCapabilities, DomainEmailView, PakView } from "@/lib/domains/types";
import { formatReadAt } from "./format";
import { PakCard } from "./pak-card";
import { ReadFreshness } from "./read-freshness";
import { useDomainEmail } from "./use-domain-email";
import { useOpenedOnce } from "./use-opened-once";

// Loaded when first opened, with its schema: most visits never delete a pak.
const DeletePakDialog = dynamic(() => import("./delete-pak-dialog").then((m) => m.DeletePakDialog), {
  ssr: false,
});

/**
 * A domain's paks, kept fresh by React Query (shared with the mailbox grid): loading skeleton,
 * error with retry, and the last good data marked as such when a refresh fails.
 */
export function PaksPanel({
  domain,
  initialData,
  capabilities,
}: {
  domain: string;
  initialData?: DomainEmailView;
  capabilities: DomainCapabilities;
}) {
  const email = useDomainEmail(domain, initialData);
  const [deleting, setDeleting] = useState<PakView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = email.data;
  const deleteUsed = useOpenedOnce(deleting !== null);

  return (
    <Card aria-labelledby="paks-title" aria-busy={email.isFetching || undefined}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 id="paks-title" className="text-base font-semibold">
          Email paks
        </h2>
        {data ? (
          <ReadFreshness
            domain={domain}
            readAt={data.fetchedAt}
            service={capabilities.serviceName}
            busy={email.isFetching}
          />
        ) : null}
      </div>
      {data?.readError ? (
        <div className="mb-4">
          <Alert tone="warning" title={`Showing the paks as they were at ${formatReadAt(data.fetchedAt)}`}>
            The latest read failed, so this may be out of date: {data.readError}
          </Alert>
        </div>
      ) : null}

      <div aria-live="polite">
        {notice ? (
          <div
            role="status"
            className="mb-4 rounded-md border border-success/40 bg-success-soft px-3 py-2 text-sm"
          >
            {notice}
          </div>
        ) : null}
      </div>

      {!data && email.isError ? (
        <div className="flex flex-col items-start gap-3">
          <Alert tone="danger" title="The paks could not be loaded">
            {email.error.message}
          </Alert>
          <RefetchButton pending={email.isFetching} onClick={() => email.refetch()} />
        </div>
      ) : !data ? (
        <div role="status" aria-label="Loading the paks" className="grid gap-4 md:grid-cols-2">
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
        </div>
      ) : (
        <>
          {email.isError ? (
            <div className="mb-4 flex flex-col items-start gap-3">
              <Alert
                tone="warning"
                title={`Showing the paks as they were at ${formatReadAt(data.fetchedAt)}`}
              >
                The last refresh failed, so this may be out of date: {email.error.message}
              </Alert>
              <RefetchButton pending={email.isFetching} onClick={() => email.refetch()} />
            </div>
          ) : null}
          {data.paks.length === 0 ? (
            <div className="flex flex-col items-start gap-3 text-sm">
              <p className="text-muted">This domain has no email yet.</p>
              {capabilities.purchase ? (
                <Link
                  href={`${capabilities.basePath}/purchase?domain=${encodeURIComponent(domain)}`}
                  className={buttonClasses("primary", "sm")}
                >
                  <PackagePlus aria-hidden="true" className="size-4" />
                  Buy email
                </Link>
              ) : null}
            </div>
          ) : (
            <div className="grid gap-4 md:grid-cols-2">
              {data.paks.map((pak) => (
                <PakCard
                  key={pak.bundleId}
                  domain={domain}
                  pak={pak}
                  today={new Date(data.fetchedAt)}
                  capabilities={capabilities}
                  onDelete={() => {
                    setNotice(null);
                    setDeleting(pak);
                  }}
                />
              ))}
            </div>
          )}
          {capabilities.deletePaks && deleteUsed ? (
            <DeletePakDialog
              domain={domain}
              pak={deleting}
              mailboxes={
                deleting ? data.mailboxes.filter((mailbox) => mailbox.bundleId === deleting.bundleId) : []
              }
              today={data.fetchedAt.slice(0, 10)}
              activityBase={capabilities.basePath}
              onClose={() => setDeleting(null)}
              onDeleted={(message) => {
                setDeleting(null);
                setNotice(message);
              }}
            />
          ) : null}
        </>
      )}
    </Card>
  );
}

function RefetchButton({ pending, onClick }: { pending: boolean; onClick: () => void }) {
  return (
    <Button variant="secondary" size="sm" disabled={pending} onClick={onClick}>
      <RotateCw aria-hidden="true" className={pending ? "size-4 animate-spin" : "size-4"} />
      {pending ? "Trying again…" : "Try again"}
    </Button>
  );
}
