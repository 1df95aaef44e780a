"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useNow } from "@/components/use-now";
import { formatReadAt } from "./format";
import { refreshDomainNow } from "./refresh-domain";

/** "12 s ago", "4 min ago", "3 h ago", "2 days ago". */
export function describeAge(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/**
 * How fresh a domain's data is ("Read from eNom 40 s ago") and a button that reads it from eNom
 * now: the panel's pages show the account mirror, and this is where the user sees its age. The
 * age is written as a clock time on the server and counted in the browser once mounted, so the
 * two renders agree.
 */
export function ReadFreshness({
  domain,
  readAt,
  service,
  busy,
}: {
  domain: string;
  readAt: string;
  /** "eNom" for staff; the portal never names the provider. */
  service: "eNom" | "the email service";
  /** A refetch is under way. */
  busy?: boolean;
}) {
  const queryClient = useQueryClient();
  const now = useNow();
  const [refreshing, setRefreshing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function refresh() {
    setRefreshing(true);
    setFailure(null);
    try {
      setFailure(await refreshDomainNow(domain, queryClient));
    } finally {
      setRefreshing(false);
    }
  }

  const pending = refreshing || Boolean(busy);
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
      <p aria-live="polite">
        {refreshing
          ? `Reading from ${service}…`
          : `Read from ${service} ${now === null ? `at ${formatReadAt(readAt)}` : describeAge(readAt, now)}`}
      </p>
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        onClick={refresh}
        title={`Read ${domain} from ${service} again`}
      >
        <RotateCw aria-hidden="true" className={pending ? "size-4 animate-spin" : "size-4"} />
        Refresh
      </Button>
      {failure ? (
        <p role="alert" className="basis-full text-danger">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
