"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";

/**
 * A portal page failed to render. It shows inside the portal's frame, in the reseller's brand
 * (the layout around it), and names no provider: the customer reads only that nothing changed,
 * and what to try (the frame's footer shows the reseller's support contact, when one is set).
 */
export default function PortalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-8">
      <Alert tone="danger" title="This page could not be loaded">
        <p>Something went wrong on our side. Nothing in your account has changed.</p>
        <p className="mt-1">
          Try again in a moment. If it keeps happening, contact support
          {error.digest ? " and quote this reference:" : "."}
        </p>
        {error.digest ? <p className="mt-1 font-mono text-xs">{error.digest}</p> : null}
      </Alert>
      <div className="flex flex-wrap gap-2">
        <Button onClick={reset}>Try again</Button>
        <Link href="/portal" className={buttonClasses("secondary", "md")}>
          Back to your domains
        </Link>
      </div>
    </div>
  );
}
