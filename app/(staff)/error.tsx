"use client";

import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

/** A page failed to render; the shell stays, and the user can try again. */
export default function StaffError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="max-w-xl">
      <Alert tone="danger" title="This page could not be loaded">
        <p>Something went wrong on our side. Your data has not changed.</p>
        {error.digest ? <p className="mt-1 font-mono text-xs">Reference: {error.digest}</p> : null}
      </Alert>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
