"use client";

import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { forgetDomainReads } from "@/components/domains/refresh-domain";
import { Button } from "@/components/ui/button";
import type { AttemptView } from "@/lib/purchases/types";
import { useDomainOrders } from "./purchase-reads";
import { settledLine, settledSince, unconfirmedLine, unconfirmedOrders } from "./unconfirmed";

/** While an order is pending the domain's orders are read again this often, at most this many times. */
const POLL_MS = 3_000;
const POLLS_MAX = 60;

/**
 * On a domain's page: the orders (purchases, growth, renewals) of the domain the provider has not
 * confirmed yet, so nobody takes the paks shown for the last word and orders again. While one is
 * pending the domain's orders are read again; when one settles, the paks and mailboxes are read
 * again at once and the notice says how it ended.
 */
export function UnconfirmedOrders({
  domain,
  initialOrders,
  basePath,
  serviceName,
}: {
  domain: string;
  /** The domain's recent orders as the page's server read found them. */
  initialOrders: AttemptView[];
  basePath: "" | "/portal";
  /** "eNom" for staff, "the email service" in the portal. */
  serviceName: string;
}) {
  const queryClient = useQueryClient();
  const orders = useDomainOrders(domain, initialOrders, POLL_MS, POLLS_MAX);
  const attempts = orders.data;
  const waiting = unconfirmedOrders(attempts);
  // The keys this page has seen unconfirmed, and the lines of those that settled since.
  const [watched, setWatched] = useState<ReadonlySet<string>>(
    () => new Set(unconfirmedOrders(initialOrders).map((attempt) => attempt.key)),
  );
  const [settled, setSettled] = useState<string[]>([]);

  // Each new read of the orders is compared with what was watched, during render (not in an
  // effect) so the notice never shows one read behind.
  const [compared, setCompared] = useState(attempts);
  if (compared !== attempts) {
    setCompared(attempts);
    const done = settledSince(watched, attempts);
    const stillWaiting = unconfirmedOrders(attempts).map((attempt) => attempt.key);
    const next = new Set([...watched].filter((key) => !done.some((attempt) => attempt.key === key)));
    for (const key of stillWaiting) next.add(key);
    if (done.length > 0 || next.size !== watched.size) setWatched(next);
    if (done.length > 0) setSettled((lines) => [...lines, ...done.map(settledLine)]);
  }

  // An order settled: the paks changed (or did not, for sure now), so the server's read of them
  // is shown at once.
  const settledCount = settled.length;
  useEffect(() => {
    if (settledCount > 0) void forgetDomainReads(queryClient, [domain]);
  }, [settledCount, domain, queryClient]);

  if (waiting.length === 0 && settled.length === 0) return null;
  return (
    <section aria-label="Orders not confirmed yet" className="mb-6 flex flex-col gap-3">
      {waiting.length > 0 ? (
        <div role="status" className="rounded-md border border-warning/40 bg-warning-soft p-4 text-sm">
          <p className="flex items-center gap-2 font-semibold">
            <LoaderCircle
              aria-hidden="true"
              className="size-4 shrink-0 animate-spin motion-reduce:animate-none"
            />
            Waiting for {serviceName} to confirm
          </p>
          <p className="mt-1 text-muted">
            The paks below are as {serviceName} last confirmed them; they change here on their own once it
            answers. Please do not order the same again meanwhile.
          </p>
          <ul className="mt-2 flex flex-col gap-1">
            {waiting.map((attempt) => (
              <li key={attempt.key} className="[overflow-wrap:anywhere]">
                {unconfirmedLine(attempt)}{" "}
                <Link
                  href={`${basePath}/purchases/${encodeURIComponent(attempt.key)}`}
                  className="font-medium text-accent underline underline-offset-2"
                >
                  {attempt.status === "unknown" ? "Check it" : "See the order"}
                  <span className="sr-only">: {attempt.summary}</span>
                </Link>
              </li>
            ))}
          </ul>
          <Button
            variant="secondary"
            size="sm"
            className="mt-2"
            onClick={() => void orders.refetch()}
            disabled={orders.isFetching}
          >
            {orders.isFetching ? "Reading…" : "Read again"}
          </Button>
        </div>
      ) : null}
      {settled.length > 0 ? (
        <div role="status" className="rounded-md border border-line bg-surface p-4 text-sm">
          <ul className="flex flex-col gap-1">
            {settled.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {orders.isError ? (
        <p className="text-sm text-muted">
          The orders could not be read again just now: {orders.error.message}
        </p>
      ) : null}
    </section>
  );
}
