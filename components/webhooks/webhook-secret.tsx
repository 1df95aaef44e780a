"use client";

import { useId } from "react";
import { SecretField } from "@/components/ui/secret-field";

/**
 * An endpoint's signing secret, shown this once (the panel keeps it sealed and never shows it
 * again): the admin copies it into the receiving system, which verifies every delivery with it.
 */
export function WebhookSecret({ secret }: { secret: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-2 rounded-md border border-warning/40 bg-warning-soft p-4 text-sm">
      <SecretField
        id={id}
        label="Signing secret"
        value={secret}
        copyLabel="Copy signing secret"
        hintId={`${id}-hint`}
      />
      <p id={`${id}-hint`}>
        Shown only this once. Put it in the system that receives the events: it checks each delivery&apos;s{" "}
        <code>webhook-signature</code> with it (see docs/webhooks.md).
      </p>
    </div>
  );
}
