"use client";

import { Eye } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, buttonClasses } from "@/components/ui/button";
import { useAction } from "@/components/use-action";
import { startPortalPreviewAction } from "@/lib/actions/portal-preview";

/**
 * Before a preview: what it is, and that starting it is recorded in the audit log. Looking at the
 * preview's pages writes nothing; only this button does (once per 30 minutes of looking).
 */
export function PreviewStart({
  customerId,
  customerName,
  minutes,
}: {
  customerId: string;
  customerName: string;
  minutes: number;
}) {
  const router = useRouter();
  // Setting the grant re-renders the page with the preview; the refresh is a safety net.
  const start = useAction(startPortalPreviewAction, { onSuccess: () => router.refresh() });

  return (
    <section
      aria-labelledby="preview-start-title"
      className="mx-auto flex w-full max-w-xl flex-col gap-4 rounded-lg border border-line bg-surface p-5 shadow-sm"
    >
      <div className="flex items-start gap-3">
        <Eye aria-hidden="true" className="mt-1 size-5 shrink-0 text-muted" />
        <div className="min-w-0">
          <h1 id="preview-start-title" className="text-xl font-semibold tracking-tight">
            Preview {customerName}&apos;s portal
          </h1>
          <p id="preview-start-note" className="mt-2 text-sm text-muted">
            You will see the portal as {customerName} sees it, read-only, for {minutes} minutes. Starting the
            preview is recorded in the audit log under your name.
          </p>
        </div>
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {start.error ? <span className="text-danger">{start.error}</span> : null}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button
          aria-describedby="preview-start-note"
          disabled={start.pending}
          onClick={() => void start.run({ customerId })}
        >
          {start.pending ? "Starting…" : "Start preview"}
        </Button>
        <Link href={`/customers/${customerId}`} className={buttonClasses("secondary")}>
          Back to {customerName}
        </Link>
      </div>
    </section>
  );
}
